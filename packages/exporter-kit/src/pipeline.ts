import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Collector } from './collector.js';
import { acceptsGzip, gzipBody, negotiateFormat, render } from './exposition.js';
import { scrapeEnded, scrapeStarted } from './heap-tuning.js';
import type { Logger } from './logger.js';
import { mergeFamilies } from './merge.js';
import type { MetricFamily } from './metrics.js';
import { MetricSink } from './metrics.js';
import type { CollectorMetricNames } from './scrape.js';
import { runScrape } from './scrape.js';
import type { Acquired, ExporterRuntime } from './spec.js';

export interface PipelineOptions<Target> {
  readonly collectors: ReadonlyArray<Collector<Target>>;
  /** Names of every registered collector, enabled or not (for collect[] error messages). */
  readonly registered: ReadonlySet<string>;
  readonly runtime: ExporterRuntime<Target>;
  readonly collectorMetrics: CollectorMetricNames;
  /** Cap of a scrape's deadline, and the deadline when Prometheus sends no timeout header. */
  readonly maxTimeoutSeconds: number;
  /** Subtracted from X-Prometheus-Scrape-Timeout-Seconds so the answer arrives before Prometheus gives up. */
  readonly timeoutOffsetSeconds: number;
  readonly singleFlight: boolean;
  /** collect[] semantics; see ExporterSpec.collectFilter. */
  readonly collectFilter?: 'strict' | 'lenient';
  /** Exporter self metrics (build info, process); omitted with --web.disable-exporter-metrics. */
  readonly selfMetrics?: () => Promise<MetricFamily[]>;
  readonly logger: Logger;
}

export class BadRequestError extends Error {
  override readonly name = 'BadRequestError';
}

/** The deadline for one scrape, from Prometheus's timeout header, the offset and the cap. */
export function scrapeTimeoutMs(header: string | string[] | undefined, maxSeconds: number, offsetSeconds: number): number {
  const raw = Array.isArray(header) ? header[0] : header;
  const fromHeader = raw === undefined ? NaN : Number(raw);
  let seconds = maxSeconds;
  if (Number.isFinite(fromHeader) && fromHeader > 0) {
    // An offset as large as the timeout itself would leave nothing; then keep the raw timeout.
    const adjusted = fromHeader > offsetSeconds ? fromHeader - offsetSeconds : fromHeader;
    seconds = Math.min(adjusted, maxSeconds);
  }
  return Math.max(1, Math.round(seconds * 1000));
}

/**
 * node_exporter's collect[] / exclude[] query filters: restrict the scrape to (or drop) some of the
 * enabled collectors. Both at once, or a name that is not enabled, is a client error (400).
 */
export function filterCollectors<Target>(
  enabled: ReadonlyArray<Collector<Target>>,
  registered: ReadonlySet<string>,
  params: URLSearchParams,
  mode: 'strict' | 'lenient' = 'strict',
): ReadonlyArray<Collector<Target>> {
  const include = params.getAll('collect[]');
  const exclude = params.getAll('exclude[]');
  if (include.length === 0 && exclude.length === 0) return enabled;
  if (include.length > 0 && exclude.length > 0) {
    throw new BadRequestError('collect[] and exclude[] cannot be combined');
  }
  if (include.length > 0 && mode === 'lenient') {
    // mysqld_exporter: keep the enabled collectors named; ignore other names; none matched → all.
    const wanted = new Set(include);
    const kept = enabled.filter((c) => wanted.has(c.name));
    return kept.length > 0 ? kept : enabled;
  }
  const enabledNames = new Set(enabled.map((c) => c.name));
  for (const name of [...include, ...exclude]) {
    if (!registered.has(name)) throw new BadRequestError(`missing collector: ${name}`);
    if (!enabledNames.has(name)) throw new BadRequestError(`disabled collector: ${name}`);
  }
  if (include.length > 0) {
    const wanted = new Set(include);
    return enabled.filter((c) => wanted.has(c.name));
  }
  const unwanted = new Set(exclude);
  return enabled.filter((c) => !unwanted.has(c.name));
}

/**
 * Turns a request into one snapshot: acquire the target, run the collectors under the deadline,
 * release. Every scrape builds its own families; with single-flight, scrapes that arrive while
 * an identical one is running share its promise (and so its snapshot) instead of starting another.
 */
export function createPipeline<Target>(opts: PipelineOptions<Target>) {
  const inFlight = new Map<string, Promise<MetricFamily[] | BadRequestError>>();

  /** One collection: acquire the target, then the collectors get whatever time acquire left. */
  const collect = async (
    collectors: ReadonlyArray<Collector<Target>>,
    probe: URLSearchParams | undefined,
    timeoutMs: number,
  ): Promise<MetricFamily[] | BadRequestError> => {
    const deadline = Date.now() + timeoutMs;
    const signal = AbortSignal.timeout(timeoutMs);
    const out = new MetricSink();
    const parts: MetricFamily[][] = [];
    let acquired: Acquired<Target>;
    try {
      acquired = await opts.runtime.acquire({ signal, logger: opts.logger, probe, out });
    } catch (err) {
      opts.logger.error('could not reach the target', { err: err instanceof Error ? err.message : String(err) });
      acquired = { ok: false };
    }
    if (!acquired.ok && acquired.badRequest) return new BadRequestError(acquired.badRequest);
    parts.push(out.toFamilies());
    if (acquired.ok) {
      try {
        parts.push(await runScrape({
          collectors,
          target: acquired.target,
          timeoutMs: Math.max(0, deadline - Date.now()),
          logger: opts.logger,
          collectorMetrics: opts.collectorMetrics,
        }));
      } finally {
        try {
          await acquired.release?.();
        } catch (err) {
          opts.logger.warn('releasing the target failed', { err: err instanceof Error ? err.message : String(err) });
        }
      }
    }
    return mergeFamilies(parts, opts.logger);
  };

  const shared = (key: string, run: () => Promise<MetricFamily[] | BadRequestError>): Promise<MetricFamily[] | BadRequestError> => {
    if (!opts.singleFlight) return run();
    const existing = inFlight.get(key);
    if (existing) return existing;
    const p = run().finally(() => inFlight.delete(key));
    inFlight.set(key, p);
    return p;
  };

  const respond = async (req: IncomingMessage, res: ServerResponse, families: MetricFamily[]): Promise<void> => {
    const { format, contentType } = negotiateFormat(req.headers.accept);
    const body = render(families, format);
    const headers: Record<string, string> = { 'Content-Type': contentType };
    if (acceptsGzip(req.headers['accept-encoding'])) {
      const zipped = await gzipBody(body);
      headers['Content-Encoding'] = 'gzip';
      headers['Content-Length'] = String(zipped.length);
      res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : zipped);
    } else {
      headers['Content-Length'] = String(Buffer.byteLength(body));
      res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
    }
  };

  const badRequest = (res: ServerResponse, err: unknown): boolean => {
    if (!(err instanceof BadRequestError)) return false;
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${err.message}\n`);
    return true;
  };

  /** The collectors and deadline for one request; undefined when the filters were bad (400 sent). */
  const plan = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    let collectors;
    try {
      collectors = filterCollectors(opts.collectors, opts.registered, url.searchParams, opts.collectFilter);
    } catch (err) {
      if (badRequest(res, err)) return undefined;
      throw err;
    }
    const timeoutMs = scrapeTimeoutMs(req.headers['x-prometheus-scrape-timeout-seconds'], opts.maxTimeoutSeconds, opts.timeoutOffsetSeconds);
    return { collectors, timeoutMs, names: collectors.map((c) => c.name).join(',') };
  };

  /** The metrics path's answer: the collectors' snapshot plus the self metrics. */
  const metricsSnapshot = async (collectors: ReadonlyArray<Collector<Target>>, names: string, timeoutMs: number): Promise<MetricFamily[] | BadRequestError> => {
    const [families, self] = await Promise.all([
      shared(`metrics\u0000${names}`, () => collect(collectors, undefined, timeoutMs)),
      opts.selfMetrics ? opts.selfMetrics() : Promise.resolve([]),
    ]);
    if (families instanceof BadRequestError) return families;
    return self.length ? mergeFamilies([families, self], opts.logger) : families;
  };

  return {
    async metrics(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
      const p = plan(req, res, url);
      if (!p) return;
      scrapeStarted();
      try {
        const families = await metricsSnapshot(p.collectors, p.names, p.timeoutMs);
        if (badRequest(res, families)) return;
        await respond(req, res, families as MetricFamily[]);
      } finally {
        scrapeEnded();
      }
    },
    /**
     * What GET <metrics path> without collect[] would answer now, without HTTP: every enabled
     * collector under the --scrape.timeout deadline, plus the self metrics (push mode).
     */
    async snapshot(): Promise<MetricFamily[]> {
      scrapeStarted();
      try {
        const names = opts.collectors.map((c) => c.name).join(',');
        const families = await metricsSnapshot(opts.collectors, names, Math.max(1, Math.round(opts.maxTimeoutSeconds * 1000)));
        if (families instanceof BadRequestError) throw families;
        return families;
      } finally {
        scrapeEnded();
      }
    },
    async probe(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
      if (!url.searchParams.get('target')) {
        res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end("'target' parameter must be specified\n");
        return;
      }
      const p = plan(req, res, url);
      if (!p) return;
      const params = new URLSearchParams(url.searchParams);
      params.sort();
      scrapeStarted();
      try {
        const families = await shared(`probe\u0000${params.toString()}\u0000${p.names}`, () => collect(p.collectors, url.searchParams, p.timeoutMs));
        if (badRequest(res, families)) return;
        await respond(req, res, families as MetricFamily[]);
      } finally {
        scrapeEnded();
      }
    },
  };
}
