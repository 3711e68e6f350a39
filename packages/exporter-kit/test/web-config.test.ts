import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import { bcryptLib } from '../src/lazy-deps.js';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../src/logger.js';
import { DUMMY_BCRYPT_HASH } from '../src/web-config-auth.js';
import { WebConfigError, createWebServer } from '../src/web-config.js';
import { closeServer, fetchFrom, listen } from './web-config-fixtures.js';

let dir: string;
let aliceHash: string;
let bobHashY: string;
const servers: Server[] = [];
let logLines: string[] = [];
const logger = createLogger({ level: 'debug', write: (line) => logLines.push(line) });

function ok(req: unknown, res: import('node:http').ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('metrics\n');
}

function configFile(text: string): string {
  const path = join(mkdtempSync(join(dir, 'c-')), 'web.yml');
  writeFileSync(path, text);
  return path;
}

async function start(configFile?: string): Promise<Server> {
  const server = createWebServer({ configFile, logger }, ok);
  servers.push(server);
  return listen(server);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'webcfg-http-'));
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
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Basic');
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
    expect(limited.status).toBe(429);
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

  it('answers 500 while the file is invalid, logs it once, and recovers', async () => {
    const path = configFile(usersFile());
    const server = await start(path);
    const auth = { user: 'alice', password: 'alice123' };
    expect((await fetchFrom(server, { auth })).status).toBe(200);
    writeFileSync(path, `${usersFile()}  carol: plaintext-password\n`);
    expect((await fetchFrom(server, { auth })).status).toBe(500);
    expect((await fetchFrom(server, { auth })).status).toBe(500);
    const errors = logLines.filter((l) => l.includes('level=error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/password of user 'carol' in basic_auth_users is not a bcrypt hash/);
    expect(errors[0]).not.toContain('plaintext-password');
    expect(logLines.join('\n')).not.toContain(aliceHash);
    writeFileSync(path, 'no_such_section: 1\n');
    expect((await fetchFrom(server, { auth })).status).toBe(500);
    expect(logLines.filter((l) => l.includes('level=error')).at(-1)).toMatch(/unknown key 'no_such_section' \(line 1\)/);
    writeFileSync(path, usersFile());
    expect((await fetchFrom(server, { auth })).status).toBe(200);
    expect(logLines.some((l) => l.includes('Web config is valid again'))).toBe(true);
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
