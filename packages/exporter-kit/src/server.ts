import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HandlerMetrics } from './handler-metrics.js';
import type { Logger } from './logger.js';
import { RequestError } from './request-errors.js';
import { BugLog } from './unexpected-errors.js';
import { createWebServer } from './web-config.js';

export interface Routes {
  readonly metricsPath: string;
  /**
   * Serves the metrics path (and /probe when given): answers, or throws a RequestError (its status
   * and message are sent) or anything else (a bug: 500, logged with its stack).
   */
  metrics(req: IncomingMessage, res: ServerResponse, url: URL, variant?: string): Promise<void>;
  /** Names served under the metrics path by `metrics` as well (`<metricsPath>/<name>`). */
  readonly metricsVariants?: readonly string[];
  probe?(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
  landingPage(): string;
  /** Counts the metrics path's requests by status code and in flight (promhttp_metric_handler_*). */
  readonly handlerMetrics?: HandlerMetrics;
  /** Further kit routes (POST /-/reload when the exporter can reload), matched first on path, then method (405 with Allow otherwise). */
  readonly extra?: ReadonlyArray<{ readonly method: string; readonly path: string; handle(req: IncomingMessage, res: ServerResponse): Promise<void> }>;
}

export interface ServerOptions {
  readonly listenAddresses: readonly string[];
  readonly webConfigFile?: string;
  /** Concurrent scrapes allowed before 503; 0 disables the limit. */
  readonly maxRequests: number;
  readonly logger: Logger;
  readonly routes: Routes;
}

export interface RunningServer {
  /** Bound addresses as host:port, e.g. "127.0.0.1:9100" (useful with port 0). */
  readonly addresses: string[];
  /** Stops accepting, lets in-flight requests finish (at most graceMs), then closes everything. */
  close(graceMs?: number): Promise<void>;
}

export class ListenAddressError extends Error {
  override readonly name = 'ListenAddressError';
}

/** Splits Go-style listen addresses: ":9100", "0.0.0.0:9100", "[::1]:9100", "localhost:9100". */
export function parseListenAddress(address: string): { host: string | undefined; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:[\]]*)):(\d{1,5})$/.exec(address.trim());
  const port = m ? Number(m[3]) : NaN;
  if (!m || port > 65535) {
    throw new ListenAddressError(`--web.listen-address: invalid address ${JSON.stringify(address)}; use host:port, :port or [ipv6]:port`);
  }
  const host = m[1] ?? m[2];
  return { host: host ? host : undefined, port };
}

/** The variant name when `path` is `<metricsPath>/<variant>` for a declared variant. */
function metricsVariantOf(path: string, routes: Routes): string | undefined {
  if (!routes.metricsVariants?.length) return undefined;
  const prefix = routes.metricsPath.endsWith('/') ? routes.metricsPath : `${routes.metricsPath}/`;
  if (!path.startsWith(prefix)) return undefined;
  const name = path.slice(prefix.length);
  return routes.metricsVariants.includes(name) ? name : undefined;
}

/**
 * node:http serving for every exporter: the metrics path, an optional /probe, the landing page,
 * /-/healthy and /-/ready, the concurrent-scrape limit, and graceful shutdown. TLS, basic auth,
 * security headers and rate limiting come from the web-config layer wrapped around it.
 */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const { routes, logger } = opts;
  const bugs = new BugLog();
  let inFlight = 0;
  let ready = false;
  let closing = false;

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://exporter');
    const path = url.pathname;
    const own = routes.extra?.filter((r) => r.path === path);
    if (own && own.length > 0) {
      const route = own.find((r) => r.method === req.method);
      if (!route) {
        const allow = own.map((r) => r.method).join(', ');
        res.writeHead(405, { Allow: allow, 'Content-Type': 'text/plain; charset=utf-8' }).end(`Only ${allow} requests allowed\n`);
        return;
      }
      route.handle(req, res).catch((err: unknown) => {
        logger.error('unexpected error while serving a request', { path, err: err instanceof Error ? err.message : String(err) });
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end();
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method Not Allowed\n');
      return;
    }
    if (path === '/-/healthy') {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Healthy\n');
      return;
    }
    if (path === '/-/ready') {
      const ok = ready && !closing;
      res.writeHead(ok ? 200 : 503, { 'Content-Type': 'text/plain; charset=utf-8' }).end(ok ? 'Ready\n' : 'Not ready\n');
      return;
    }
    const variant = metricsVariantOf(path, routes);
    const onMetricsPath = path === routes.metricsPath || variant !== undefined;
    const scrape = onMetricsPath
      ? (q: IncomingMessage, s: ServerResponse, u: URL) => routes.metrics(q, s, u, variant)
      : path === '/probe' && routes.probe ? routes.probe : undefined;
    if (scrape) {
      // As promhttp's instrumentation inside node_exporter's handler: the limit's 503 counts, a
      // malformed request's 400 (answered before that handler in Go) does not.
      const counted = onMetricsPath ? routes.handlerMetrics?.started() : undefined;
      if (opts.maxRequests > 0 && inFlight >= opts.maxRequests) {
        res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' })
          .end(`Limit of concurrent requests reached (${opts.maxRequests}), try again later.\n`);
        counted?.(503);
        return;
      }
      inFlight++;
      res.once('close', () => {
        inFlight--;
        counted?.(res.statusCode);
      });
      scrape(req, res, url).catch((err: unknown) => {
        if (err instanceof RequestError) {
          counted?.(undefined);
          if (!res.headersSent) res.writeHead(err.status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${err.message}\n`);
          else res.end();
          return;
        }
        bugs.report(logger, 'unexpected error while serving a scrape', err);
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end();
      });
      return;
    }
    if (path === '/' && routes.metricsPath !== '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=UTF-8' }).end(routes.landingPage());
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 page not found\n');
  };

  const servers: Server[] = [];
  const addresses: string[] = [];
  try {
    for (const address of opts.listenAddresses) {
      const { host, port } = parseListenAddress(address);
      const server = createWebServer({ configFile: opts.webConfigFile, logger }, handler) as Server;
      server.keepAliveTimeout = 65_000; // longer than Prometheus's idle connection reuse
      await new Promise<void>((resolve, reject) => {
        const onError = (err: NodeJS.ErrnoException): void => {
          reject(new ListenAddressError(`--web.listen-address: cannot listen on ${address}: ${err.code === 'EADDRINUSE' ? 'address already in use' : err.code === 'EACCES' ? 'permission denied' : err.message}`));
        };
        server.once('error', onError);
        server.listen({ port, host }, () => {
          server.off('error', onError);
          resolve();
        });
      });
      servers.push(server);
      const bound = server.address() as AddressInfo;
      addresses.push(bound.family === 'IPv6' ? `[${bound.address}]:${bound.port}` : `${bound.address}:${bound.port}`);
      logger.info('Listening on', { address: addresses.at(-1) });
    }
  } catch (err) {
    for (const s of servers) s.close();
    throw err;
  }
  ready = true;

  return {
    addresses,
    async close(graceMs = 5000): Promise<void> {
      closing = true;
      const closed = Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
      for (const s of servers) s.closeIdleConnections();
      const until = Date.now() + graceMs;
      while (inFlight > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
      for (const s of servers) s.closeAllConnections();
      await closed;
    },
  };
}
