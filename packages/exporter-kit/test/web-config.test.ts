import { once } from 'node:events';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import { bcryptLib } from '../src/lazy-deps.js';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../src/logger.js';
import { BasicAuthenticator, DUMMY_BCRYPT_HASH } from '../src/web-config-auth.js';
import { WebConfigError, createWebServer } from '../src/web-config.js';
import { closeServer, fetchFrom, listen, makePki } from './web-config-fixtures.js';
import type { FetchOptions, Pki } from './web-config-fixtures.js';

let dir: string;
let pki: Pki;
let aliceHash: string;
let bobHashY: string;
const servers: Server[] = [];
let logLines: string[] = [];
const logger = createLogger({ level: 'debug', write: (line) => logLines.push(line) });
/** The log lines without their time stamp. */
const logged = (): string[] => logLines.map((l) => l.replace(/^time=\S+ /, ''));

function ok(req: unknown, res: import('node:http').ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('metrics\n');
}

function configFile(text: string): string {
  const path = join(mkdtempSync(join(dir, 'c-')), 'web.yml');
  writeFileSync(path, text);
  return path;
}

/**
 * Replaces the file by a new one (new inode), as editors and config management do: the change is
 * seen even when the text keeps its size and the clock has not ticked since the last write.
 */
function rewrite(path: string, text: string): void {
  writeFileSync(`${path}.new`, text);
  renameSync(`${path}.new`, path);
}

async function start(configFile?: string, handler = ok): Promise<Server> {
  const server = createWebServer({ configFile, logger }, handler);
  servers.push(server);
  return listen(server);
}

/** The server's own request listener, to drive one request with stand-in req/res objects. */
function requestListener(server: Server): (req: IncomingMessage, res: ServerResponse) => void {
  return server.listeners('request')[0] as (req: IncomingMessage, res: ServerResponse) => void;
}

interface FakeResponse {
  destroyed: boolean;
  headersSent: boolean;
  setHeader: ReturnType<typeof vi.fn>;
  writeHead: ReturnType<typeof vi.fn>;
  end: ReturnType<typeof vi.fn>;
  destroy: ReturnType<typeof vi.fn>;
}

/** A request (with this Authorization header) and a response that records what is done to it. */
function fakeExchange(authorization?: string): { res: FakeResponse; args: [IncomingMessage, ServerResponse] } {
  const req = { headers: { authorization }, socket: {} } as unknown as IncomingMessage;
  const res: FakeResponse = { destroyed: false, headersSent: false, setHeader: vi.fn(), writeHead: vi.fn(), end: vi.fn(), destroy: vi.fn() };
  return { res, args: [req, res as unknown as ServerResponse] };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'webcfg-http-'));
  pki = makePki();
  aliceHash = bcrypt.hashSync('alice123', 4);
  // bcryptjs writes $2b$; htpasswd writes $2y$, which is the same algorithm.
  bobHashY = bcrypt.hashSync('bob123', 4).replace(/^\$2b\$/, '$2y$');
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map(closeServer));
  logLines = [];
  vi.restoreAllMocks();
});

const usersFile = (): string => `basic_auth_users:\n  alice: '${aliceHash}'\n  bob: '${bobHashY}'\n`;
const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
/** The answer every refusal and failure shares: plain text, not sniffed. */
const PLAIN = { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' };

describe('createWebServer without TLS', () => {
  it('serves plain HTTP with no config file', async () => {
    const server = await start(undefined);
    const r = await fetchFrom(server);
    expect(r.status).toBe(200);
    expect(r.body).toBe('metrics\n');
  });

  it('serves plain HTTP with an empty config file', async () => {
    const server = await start(configFile(''));
    expect((await fetchFrom(server)).status).toBe(200);
  });

  it('throws WebConfigError at creation for a bad file', () => {
    expect(() => createWebServer({ configFile: configFile('basic_auth_userz: {}\n'), logger }, ok)).toThrow(WebConfigError);
    expect(() => createWebServer({ configFile: join(dir, 'nope.yml'), logger }, ok)).toThrow(/cannot read '.*nope\.yml': file not found/);
  });

  it('checks basic auth: good user 200, bad password, unknown user and no credentials 401', async () => {
    const server = await start(configFile(usersFile()));
    expect((await fetchFrom(server, { auth: { user: 'alice', password: 'alice123' } })).status).toBe(200);
    expect((await fetchFrom(server, { auth: { user: 'bob', password: 'bob123' } })).status).toBe(200);
    const badPassword = await fetchFrom(server, { auth: { user: 'alice', password: 'alice124' } });
    expect(badPassword.status).toBe(401);
    expect(badPassword.body).not.toContain('metrics');
    expect((await fetchFrom(server, { auth: { user: 'mallory', password: 'alice123' } })).status).toBe(401);
    const none = await fetchFrom(server);
    expect(none).toMatchObject({ status: 401, body: 'Unauthorized\n', headers: { ...PLAIN, 'www-authenticate': 'Basic' } });
    expect(badPassword.headers['www-authenticate']).toBe('Basic');
  });

  it('runs bcrypt against the dummy hash for an unknown user', async () => {
    const server = await start(configFile(usersFile()));
    const compare = vi.spyOn(bcryptLib(), 'compare');
    expect((await fetchFrom(server, { auth: { user: 'nobody', password: 'guess' } })).status).toBe(401);
    expect(compare).toHaveBeenCalledTimes(1);
    expect(compare.mock.calls[0][0]).toBe('guess');
    expect(compare.mock.calls[0][1]).toBe(DUMMY_BCRYPT_HASH);
  });

  it('never accepts a wrong password after the right one was cached', async () => {
    const server = await start(configFile(usersFile()));
    const right = { user: 'alice', password: 'alice123' };
    expect((await fetchFrom(server, { auth: right })).status).toBe(200);
    const compare = vi.spyOn(bcryptLib(), 'compare');
    expect((await fetchFrom(server, { auth: right })).status).toBe(200);
    expect(compare).not.toHaveBeenCalled(); // served from the cache
    for (const password of ['alice12', 'alice1234', '', `${aliceHash}alice123`, 'alice123 ']) {
      expect((await fetchFrom(server, { auth: { user: 'alice', password } })).status).toBe(401);
    }
    // The CVE-2022-46146 shape: a user name carrying the known hash, then the password carrying the rest.
    expect((await fetchFrom(server, { auth: { user: `alice${aliceHash}`, password: 'alice123' } })).status).toBe(401);
    expect((await fetchFrom(server, { auth: { user: 'alice', password: `${DUMMY_BCRYPT_HASH}alice123` } })).status).toBe(401);
  });

  it('applies the configured headers, on 401 answers too', async () => {
    const server = await start(configFile(`${usersFile()}http_server_config:\n  headers:\n    X-Frame-Options: deny\n`
      + '    Content-Security-Policy: "default-src \'none\'"\n    X-Content-Type-Options: nosniff\n'));
    const good = await fetchFrom(server, { auth: { user: 'alice', password: 'alice123' } });
    expect(good.status).toBe(200);
    expect(good.headers['x-frame-options']).toBe('deny');
    expect(good.headers['content-security-policy']).toBe("default-src 'none'");
    expect(good.headers['x-content-type-options']).toBe('nosniff');
    expect((await fetchFrom(server)).headers['x-frame-options']).toBe('deny');
  });

  it('answers 429 once the rate limit bucket is empty, before asking for credentials', async () => {
    const server = await start(configFile(`${usersFile()}rate_limit:\n  interval: 1h\n  burst: 2\n`));
    expect((await fetchFrom(server, { auth: { user: 'alice', password: 'alice123' } })).status).toBe(200);
    expect((await fetchFrom(server)).status).toBe(401);
    const limited = await fetchFrom(server, { auth: { user: 'alice', password: 'alice123' } });
    expect(limited).toMatchObject({ status: 429, body: 'Too Many Requests\n', headers: PLAIN });
    expect(limited.headers['www-authenticate']).toBeUndefined();
  });

  it('does not limit with interval 0', async () => {
    const server = await start(configFile('rate_limit:\n  interval: 0\n  burst: 0\n'));
    for (let i = 0; i < 5; i++) expect((await fetchFrom(server)).status).toBe(200);
  });

  it('reloads users without a restart', async () => {
    const path = configFile(usersFile());
    const server = await start(path);
    expect((await fetchFrom(server, { auth: { user: 'alice', password: 'newpass' } })).status).toBe(401);
    writeFileSync(path, `basic_auth_users:\n  alice: '${bcrypt.hashSync('newpass', 4)}'\n`);
    expect((await fetchFrom(server, { auth: { user: 'alice', password: 'newpass' } })).status).toBe(200);
    expect((await fetchFrom(server, { auth: { user: 'alice', password: 'alice123' } })).status).toBe(401);
    expect((await fetchFrom(server, { auth: { user: 'bob', password: 'bob123' } })).status).toBe(401);
    // Removing every user switches auth off, as in Go.
    writeFileSync(path, 'http_server_config:\n  headers:\n    X-Frame-Options: sameorigin\n');
    const open = await fetchFrom(server);
    expect(open.status).toBe(200);
    expect(open.headers['x-frame-options']).toBe('sameorigin');
  });

  it('answers 500 while the file is invalid, logs one error line per problem, and recovers', async () => {
    const path = configFile(usersFile());
    const server = await start(path);
    const auth = { user: 'alice', password: 'alice123' };
    expect((await fetchFrom(server, { auth })).status).toBe(200);
    const failed = (err: string): string =>
      `level=error msg="Unable to load the web config; answering 500 until it is fixed" file=${path} err=${JSON.stringify(`--web.config.file: ${err}`)}`;
    rewrite(path, `${usersFile()}  carol: plaintext-password\n`);
    const broken = await fetchFrom(server, { auth });
    expect(broken).toMatchObject({ status: 500, body: 'Internal Server Error\n', headers: PLAIN });
    expect((await fetchFrom(server, { auth })).status).toBe(500);
    // Edited again, broken the same way: no second line for the same problem.
    rewrite(path, `${usersFile()}  carol: plaintext-password # to do: hash it\n`);
    expect((await fetchFrom(server, { auth })).status).toBe(500);
    rewrite(path, 'no_such_section: 1\n');
    expect((await fetchFrom(server, { auth })).status).toBe(500);
    const carol = "the password of user 'carol' in basic_auth_users is not a bcrypt hash; generate one with `htpasswd -nBC 10 \"\" | tr -d ':\\n'`";
    expect(logged()).toEqual([
      `level=info msg="TLS is disabled." http2=false file=${path}`,
      failed(`${carol} (line 4)`),
      failed("unknown key 'no_such_section' (line 1); expected one of: tls_server_config, http_server_config, basic_auth_users, rate_limit"),
    ]);
    expect(logLines.join('\n')).not.toContain('plaintext-password');
    expect(logLines.join('\n')).not.toContain(aliceHash);
    rewrite(path, usersFile());
    expect((await fetchFrom(server, { auth })).status).toBe(200);
    expect(logged().at(-1)).toBe(`level=info msg="Web config is valid again" file=${path}`);
  });

  it('refuses to switch a plain HTTP server to TLS on reload (500, restart needed)', async () => {
    const path = configFile('');
    const server = await start(path);
    writeFileSync(path, 'tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n');
    expect((await fetchFrom(server)).status).toBe(500);
    expect(logLines.find((l) => l.includes('level=error'))).toMatch(/TLS was turned on while running; restart the exporter/);
    writeFileSync(path, '');
    expect((await fetchFrom(server)).status).toBe(200);
  });

  it('answers 500 when the file disappears, and keeps running', async () => {
    const path = configFile(usersFile());
    const server = await start(path);
    const { rmSync } = await import('node:fs');
    rmSync(path);
    expect((await fetchFrom(server)).status).toBe(500);
    writeFileSync(path, usersFile());
    expect((await fetchFrom(server, { auth: { user: 'alice', password: 'alice123' } })).status).toBe(200);
  });
});

describe('createWebServer log lines at start and on reload', () => {
  it('says TLS is off, with no file to name, when there is no config file', async () => {
    await start(undefined);
    expect(logged()).toEqual(['level=info msg="TLS is disabled." http2=false']);
  });

  it('names the file and the rate limit at start, and re-reads nothing while the file is unchanged', async () => {
    const path = configFile('rate_limit:\n  interval: 1h\n  burst: 5\n');
    const server = await start(path);
    expect((await fetchFrom(server)).status).toBe(200);
    expect((await fetchFrom(server)).status).toBe(200);
    expect(logged()).toEqual([
      'level=info msg="Rate limiter is enabled." burst=5 interval_ms=3600000',
      `level=info msg="TLS is disabled." http2=false file=${path}`,
    ]);
  });

  it('logs each reload, and warns only when rate_limit or http2 changed, which needs a restart', async () => {
    const rate = (burst: number): string => `rate_limit:\n  interval: 1h\n  burst: ${burst}\n`;
    const http = (http2: boolean, frame: string): string => `http_server_config:\n  http2: ${http2}\n  headers:\n    X-Frame-Options: ${frame}\n`;
    const path = configFile(rate(5) + http(true, 'deny'));
    const server = await start(path);
    const reloaded = `level=info msg="Web config reloaded" file=${path}`;
    const restart = `level=warn msg="rate_limit and http2 changes take effect after a restart" file=${path}`;
    const step = async (text: string, frame: string): Promise<string[]> => {
      logLines = [];
      rewrite(path, text);
      expect((await fetchFrom(server)).headers['x-frame-options']).toBe(frame);
      return logged();
    };
    expect(await step(rate(5) + http(true, 'sameorigin'), 'sameorigin')).toEqual([reloaded]);
    expect(await step(rate(6) + http(true, 'deny'), 'deny')).toEqual([restart, reloaded]);
    expect(await step(rate(6) + http(false, 'sameorigin'), 'sameorigin')).toEqual([restart, reloaded]);
    expect(await step(http(false, 'deny'), 'deny')).toEqual([restart, reloaded]);
    // As the warning says, the bucket made at start (burst 5) still limits: 4 requests so far.
    expect((await fetchFrom(server)).status).toBe(200);
    expect((await fetchFrom(server)).status).toBe(429);
  });
});

describe('createWebServer request handling', () => {
  it('answers 500 and logs the error when the handler throws', async () => {
    const server = await start(configFile(''), () => {
      throw new Error('collector exploded');
    });
    const r = await fetchFrom(server);
    expect(r).toMatchObject({ status: 500, body: 'Internal Server Error\n', headers: PLAIN });
    expect(logged()).toContain('level=error msg="Request handler failed" err="collector exploded"');
  });

  it('drops the connection when the handler throws after sending its headers', async () => {
    const server = await start(configFile(''), (_req, res) => {
      (res as unknown as FakeResponse).headersSent = true;
      throw new Error('failed mid-answer');
    });
    const { res, args } = fakeExchange();
    requestListener(server)(...args);
    expect(res.destroy).toHaveBeenCalledTimes(1);
    expect(res.writeHead).not.toHaveBeenCalled();
    expect(logged()).toContain('level=error msg="Request handler failed" err="failed mid-answer"');
  });

  it('does not run the handler for a client that left while its password was being checked', async () => {
    const handler = vi.fn();
    const server = await start(configFile(usersFile()), handler);
    const check = vi.spyOn(BasicAuthenticator.prototype, 'check');
    const gone = fakeExchange(basic('alice', 'alice123'));
    requestListener(server)(...gone.args);
    gone.res.destroyed = true;
    const stays = fakeExchange(basic('alice', 'alice123'));
    requestListener(server)(...stays.args);
    // Awaited after the listener's own callbacks were chained to the same promises: they have run.
    expect(await check.mock.results[0].value).toBe(true);
    expect(await check.mock.results[1].value).toBe(true);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0][1]).toBe(stays.res);
    expect(gone.res.writeHead).not.toHaveBeenCalled();
  });

  it('answers 500 and logs it when the password check itself fails', async () => {
    const server = await start(configFile(usersFile()));
    vi.spyOn(BasicAuthenticator.prototype, 'check').mockRejectedValue(new Error('hmac unavailable'));
    const r = await fetchFrom(server, { auth: { user: 'alice', password: 'alice123' } });
    expect(r).toMatchObject({ status: 500, body: 'Internal Server Error\n', headers: PLAIN });
    expect(logged()).toContain('level=error msg="Basic auth check failed" err="hmac unavailable"');
  });
});

describe('createWebServer with TLS', () => {
  const tlsConfig = (extra = ''): string => `tls_server_config:\n  cert_file: ${pki.serverCert}\n  key_file: ${pki.serverKey}\n${extra}`;
  const withPolicy = (type: string): string => `  client_ca_file: ${pki.caCert}\n  client_auth_type: ${type}\n`;
  const https = (extra: FetchOptions = {}): FetchOptions => ({ https: true, ca: readFileSync(pki.caCert), ...extra });
  const foreign = (): FetchOptions => https({ cert: readFileSync(pki.foreignClientCert), key: readFileSync(pki.foreignClientKey) });
  /** node's per-connection switches, which a reload has to set along with the secure context. */
  const switches = (server: Server): unknown => {
    const s = server as unknown as { requestCert: unknown; rejectUnauthorized: unknown };
    return { requestCert: s.requestCert, rejectUnauthorized: s.rejectUnauthorized };
  };

  it('says TLS is on, and names the file', async () => {
    const path = configFile(tlsConfig());
    await start(path);
    expect(logged()).toEqual([`level=info msg="TLS is enabled." http2=false file=${path}`]);
  });

  it('refuses to switch to plain HTTP on reload: 500 and a line saying to restart', async () => {
    const path = configFile(tlsConfig());
    const server = await start(path);
    rewrite(path, '');
    const r = await fetchFrom(server, https());
    expect(r).toMatchObject({ status: 500, body: 'Internal Server Error\n', headers: PLAIN });
    expect(logged()).toContain('level=error msg="Unable to load the web config; answering 500 until it is fixed" '
      + `file=${path} err="--web.config.file: TLS was turned off while running; restart the exporter to switch between HTTP and HTTPS"`);
  });

  it('a reloaded client policy sets what node asks for and verifies during the handshake', async () => {
    const path = configFile(tlsConfig());
    const server = await start(path);
    expect(switches(server)).toEqual({ requestCert: false, rejectUnauthorized: false });
    rewrite(path, tlsConfig(withPolicy('RequireAndVerifyClientCert')));
    const handshakeFailed = once(server, 'tlsClientError');
    await expect(fetchFrom(server, foreign())).rejects.toThrow();
    await handshakeFailed;
    expect(switches(server)).toEqual({ requestCert: true, rejectUnauthorized: true });
    // OpenSSL itself refused the untrusted certificate; our own after-handshake check never saw it.
    expect(logged().filter((l) => l.startsWith('level=debug'))).toEqual([expect.stringMatching(/^level=debug msg="TLS handshake failed" err=/)]);
    rewrite(path, tlsConfig(withPolicy('VerifyClientCertIfGiven')));
    expect((await fetchFrom(server, https())).status).toBe(200);
    expect(switches(server)).toEqual({ requestCert: true, rejectUnauthorized: false });
  });

  it('refuses, after the handshake, a client the policy needs a certificate from', async () => {
    const server = await start(configFile(tlsConfig(withPolicy('RequireAnyClientCert'))));
    await expect(fetchFrom(server, https())).rejects.toThrow();
    expect(logged()).toContain('level=debug msg="Refusing TLS client" reason="client sent no certificate" remote=127.0.0.1');
  });

  it('applies a policy tightened by a reload to the next request on an open connection: 403 and close', async () => {
    const path = configFile(tlsConfig());
    const server = await start(path);
    server.keepAliveTimeout = 600_000; // the connection must outlive any delay between the two requests
    const agent = new HttpsAgent({ keepAlive: true, maxSockets: 1 });
    try {
      expect((await fetchFrom(server, https({ agent }))).status).toBe(200);
      rewrite(path, tlsConfig(withPolicy('RequireAnyClientCert')));
      const r = await fetchFrom(server, https({ agent }));
      expect(r.reusedSocket).toBe(true);
      expect(r).toMatchObject({ status: 403, body: 'Forbidden\n', headers: { ...PLAIN, connection: 'close' } });
      expect(logged()).toContain('level=debug msg="Refusing client certificate" reason="client sent no certificate" remote=127.0.0.1');
    } finally {
      agent.destroy();
    }
  });

  it('answers plain HTTP on the TCP socket only while that socket is open', async () => {
    const server = await start(configFile(tlsConfig()));
    const onClientError = server.listeners('tlsClientError').at(-1) as (err: Error, socket: unknown) => void;
    const httpRequest = Object.assign(new Error('http request'), { code: 'ERR_SSL_HTTP_REQUEST' });
    const closed = new Socket();
    closed.destroy();
    const end = vi.spyOn(closed, 'end');
    onClientError(httpRequest, { _parent: closed, remoteAddress: '192.0.2.7' });
    expect(end).not.toHaveBeenCalled();
    // A TLS socket over a stream that is no TCP socket (node sets _parent to null): nothing to answer on.
    expect(() => onClientError(httpRequest, { _parent: null, remoteAddress: '192.0.2.8' })).not.toThrow();
    expect(logged().slice(1)).toEqual([
      'level=debug msg="TLS handshake failed" err="http request" remote=192.0.2.7',
      'level=debug msg="TLS handshake failed" err="http request" remote=192.0.2.8',
    ]);
  });

  it('logs any other failure to apply a reload with the flag name, and recovers', async () => {
    const path = configFile(tlsConfig());
    const server = await start(path);
    const apply = vi.spyOn(server as unknown as { setSecureContext: () => void }, 'setSecureContext').mockImplementation(() => {
      throw new Error('secure context rejected');
    });
    rewrite(path, tlsConfig('  min_version: TLS13\n'));
    expect((await fetchFrom(server, https())).status).toBe(500);
    expect(logged()).toContain('level=error msg="Unable to load the web config; answering 500 until it is fixed" '
      + `file=${path} err="--web.config.file: secure context rejected"`);
    apply.mockRestore();
    rewrite(path, tlsConfig('  min_version: TLS12\n'));
    expect((await fetchFrom(server, https())).status).toBe(200);
    expect(logged().at(-1)).toBe(`level=info msg="Web config is valid again" file=${path}`);
  });
});
