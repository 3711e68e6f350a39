/**
 * --web.config.file: exporter-toolkit's web configuration (TLS, client certificates, basic auth,
 * response headers, rate limit) applied to a node HTTP(S) server.
 *
 * Like the Go toolkit, the file is re-checked on every request and every new connection, so users,
 * headers and certificates change without a restart. Here a stat (mtime, size, inode) decides whether
 * to re-parse. A file that turns invalid while running makes requests fail with 500 and logs one
 * error line per change; the server keeps running and recovers when the file is fixed.
 * Fixed at start, as in Go: rate_limit, http2, and whether the server speaks HTTP or HTTPS.
 */
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import { Socket } from 'node:net';
import { resolve } from 'node:path';
import type { TLSSocket } from 'node:tls';
import type { Logger } from './logger.js';
import { BasicAuthenticator, parseBasicAuth } from './web-config-auth.js';
import { parseWebConfig, readWebConfigText } from './web-config-parse.js';
import { httpsLib, tlsLib } from './lazy-deps.js';
import { FLAG, WebConfigError } from './web-config-reader.js';
import type { WebConfig } from './web-config-parse.js';
import { TokenBucket } from './web-config-ratelimit.js';
import { buildTlsOptions, clientCertRejection, filesSignature, tlsFiles } from './web-config-tls.js';
import type { ServerTlsOptions } from './web-config-tls.js';

export { WebConfigError, parseWebConfig, ALLOWED_HEADERS } from './web-config-parse.js';
export type { WebConfig, TlsServerConfig, RateLimitConfig } from './web-config-parse.js';
export type { ClientAuthType, TlsVersionName, GoCurveName } from './web-config-names.js';

/** Reads and fully validates a web config file, including its certificate, key and CA files. */
export function loadWebConfig(file: string): WebConfig {
  const path = resolve(file);
  const config = parseWebConfig(readWebConfigText(path), path);
  if (config.tls) buildTlsOptions(config.tls);
  return config;
}

export interface WebServerOptions {
  configFile?: string;
  logger: Logger;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** The node internals that decide, per new connection, whether a client certificate is asked for. */
interface ClientCertSwitches {
  requestCert?: unknown;
  rejectUnauthorized?: unknown;
}

function applyTlsOptions(server: HttpsServer, options: ServerTlsOptions): void {
  server.setSecureContext(options);
  // setSecureContext leaves these alone, yet node reads them for every new connection. If a node
  // version stops doing so, the per-connection policy check still refuses what it should (fail closed).
  const switches = server as unknown as ClientCertSwitches;
  if (typeof switches.requestCert === 'boolean') switches.requestCert = options.requestCert;
  if (typeof switches.rejectUnauthorized === 'boolean') switches.rejectUnauthorized = options.rejectUnauthorized;
}

/** The current web config, re-read when the file (or a certificate file it names) changes. */
class LiveWebConfig {
  private signature: string;
  private failure: string | undefined;
  server: HttpsServer | undefined;

  constructor(
    private readonly file: string,
    private readonly logger: Logger,
    public config: WebConfig,
  ) {
    this.signature = this.signatureOf(config);
  }

  private signatureOf(config: WebConfig): string {
    return filesSignature([this.file, ...(config.tls ? tlsFiles(config.tls) : [])]);
  }

  /** The config to serve with, or undefined while the file is invalid (answer 500). */
  refresh(): WebConfig | undefined {
    const signature = this.signatureOf(this.config);
    if (signature === this.signature) return this.failure === undefined ? this.config : undefined;
    this.signature = signature;
    try {
      const next = parseWebConfig(readWebConfigText(this.file), this.file);
      if (Boolean(next.tls) !== Boolean(this.server)) {
        throw new WebConfigError(`${FLAG}: TLS was turned ${next.tls ? 'on' : 'off'} while running; `
          + 'restart the exporter to switch between HTTP and HTTPS');
      }
      // Taken before the files are read: a rotation racing with this read triggers another reload.
      const nextSignature = this.signatureOf(next);
      if (next.tls && this.server) applyTlsOptions(this.server, buildTlsOptions(next.tls));
      this.signature = nextSignature;
      this.warnFixedSettings(next);
      this.config = next;
      this.logger.info(this.failure === undefined ? 'Web config reloaded' : 'Web config is valid again', { file: this.file });
      this.failure = undefined;
      return next;
    } catch (err) {
      const message = err instanceof WebConfigError ? err.message : `${FLAG}: ${(err as Error).message}`;
      if (message !== this.failure) {
        this.logger.error('Unable to load the web config; answering 500 until it is fixed', { file: this.file, err: message });
      }
      this.failure = message;
      return undefined;
    }
  }

  private warnFixedSettings(next: WebConfig): void {
    const before = this.config;
    const rate = (c: WebConfig): string => JSON.stringify(c.rateLimit ?? null);
    if (rate(before) !== rate(next) || before.http2 !== next.http2) {
      this.logger.warn('rate_limit and http2 changes take effect after a restart', { file: this.file });
    }
  }
}

function plainError(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(`${text}\n`);
}

/**
 * A node http.Server (no config file, or no TLS in it) or https.Server (TLS). Its request listener
 * applies, in order: rate limit (429), the client-certificate policy, the configured headers, basic
 * auth (401 + WWW-Authenticate: Basic), then `handler`. Headers come before auth so that 401 answers
 * carry them too, as in Go. Throws WebConfigError for a bad file.
 */
export function createWebServer(opts: WebServerOptions, handler: Handler): Server {
  const { logger } = opts;
  if (!opts.configFile) {
    logger.info('TLS is disabled.', { http2: false });
    return createHttpServer(handler);
  }
  const file = resolve(opts.configFile);
  const initial = loadWebConfig(file);
  const live = new LiveWebConfig(file, logger, initial);
  const limiter = initial.rateLimit ? new TokenBucket(initial.rateLimit.intervalMs, initial.rateLimit.burst) : undefined;
  if (initial.rateLimit) logger.info('Rate limiter is enabled.', { burst: initial.rateLimit.burst, interval_ms: initial.rateLimit.intervalMs });
  const auth = new BasicAuthenticator();

  const serve = (req: IncomingMessage, res: ServerResponse): void => {
    if (res.destroyed) return;
    try {
      handler(req, res);
    } catch (err) {
      logger.error('Request handler failed', { err: (err as Error).message });
      if (!res.headersSent) plainError(res, 500, 'Internal Server Error');
      else res.destroy();
    }
  };

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const config = live.refresh();
    if (!config) return plainError(res, 500, 'Internal Server Error');
    if (limiter && !limiter.take()) return plainError(res, 429, 'Too Many Requests');
    if (config.tls && req.socket instanceof tlsLib().TLSSocket) {
      // The policy may have been tightened by a reload since this connection's handshake.
      const reason = clientCertRejection(req.socket, config.tls);
      if (reason) {
        logger.debug('Refusing client certificate', { reason, remote: req.socket.remoteAddress });
        plainError(res, 403, 'Forbidden', { Connection: 'close' });
        return;
      }
    }
    for (const [name, value] of Object.entries(config.headers)) res.setHeader(name, value);
    if (config.users.size === 0) return serve(req, res);
    const unauthorized = (): void => plainError(res, 401, 'Unauthorized', { 'WWW-Authenticate': 'Basic' });
    const creds = parseBasicAuth(req.headers.authorization);
    if (!creds) return unauthorized();
    auth.check(config.users, creds.user, creds.password).then(
      (ok) => (ok ? serve(req, res) : unauthorized()),
      (err: unknown) => {
        logger.error('Basic auth check failed', { err: (err as Error).message });
        if (!res.headersSent) plainError(res, 500, 'Internal Server Error');
      },
    );
  };

  logger.info(initial.tls ? 'TLS is enabled.' : 'TLS is disabled.', { http2: false, file });
  if (!initial.tls) return createHttpServer(listener);

  const server = httpsLib().createServer(buildTlsOptions(initial.tls), listener);
  live.server = server;
  // Before node wraps the socket: a rotated certificate or changed policy applies to this connection.
  server.prependListener('connection', () => {
    live.refresh();
  });
  server.prependListener('secureConnection', (socket: TLSSocket) => {
    const tls = live.config.tls;
    const reason = tls ? clientCertRejection(socket, tls) : undefined;
    if (reason) {
      logger.debug('Refusing TLS client', { reason, remote: socket.remoteAddress });
      socket.destroy();
    }
  });
  server.on('tlsClientError', (err: Error, socket: TLSSocket) => {
    logger.debug('TLS handshake failed', { err: err.message, remote: socket.remoteAddress });
    answerPlainHttp(err, socket);
  });
  return server;
}

/** Go's net/http answer to plain HTTP on a TLS port, byte for byte. */
export const PLAIN_HTTP_ON_TLS_ANSWER = 'HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n';

/**
 * A client that speaks plain HTTP to the TLS port (OpenSSL recognises the request line as the
 * first record) gets Go's 400 instead of a closed connection, which looks like a crash. The
 * answer goes out unencrypted, on the TCP socket under the failed TLS one.
 */
function answerPlainHttp(err: Error, socket: TLSSocket): void {
  if ((err as NodeJS.ErrnoException).code !== 'ERR_SSL_HTTP_REQUEST') return;
  // node keeps the TCP socket a server-side TLS socket wraps as _parent.
  const raw = (socket as unknown as { _parent?: unknown })._parent;
  if (raw instanceof Socket && !raw.destroyed) raw.end(PLAIN_HTTP_ON_TLS_ANSWER);
}
