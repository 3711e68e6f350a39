import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Collector } from './collector.js';
import { acceptsGzip, gzipBody, negotiateFormat, render } from './exposition.js';
import type { HandlerMetrics } from './handler-metrics.js';
import type { RuntimeHooks } from './housekeeping.js';
import { scrapeHousekeeping } from './housekeeping.js';
import type { Logger } from './logger.js';
import { mergeFamilies } from './merge.js';
import type { MetricFamily } from './metrics.js';
import { MetricSink } from './metrics.js';
import { BadRequestError, RequestError } from './request-errors.js';
import type { CollectorMetricNames } from './scrape.js';
import { runCollectors } from './scrape.js';
import { ScrapeScope } from './scrape-scope.js';
import type { Acquired, ExporterRuntime, MetricsVariantRequest } from './spec.js';
import { BugLog, isBug } from './unexpected-errors.js';

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
  /** Exporter self metrics of the metrics path (build info, process). */
  readonly selfMetrics?: () => Promise<MetricFamily[]>;
  /** promhttp_metric_handler_*: added to the metrics path, told about gathering and encoding errors. */
  readonly handlerMetrics?: HandlerMetrics;
  /** Process capabilities for the post-scrape housekeeping (the launcher's runtime settings). */
  readonly runtimeHooks?: RuntimeHooks;
  readonly logger: Logger;
}

export { BadRequestError, RequestError } from './request-errors.js';

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

/** A collection in progress that requests can wait for (several, with single-flight). */
interface Collection {
  readonly scope: ScrapeScope;
  readonly parts: Promise<MetricFamily[][]>;
}

export interface Pipeline {
  /**
   * Serves the metrics path, or one of its variants (`variant`: the name after the metrics path).
   * Throws RequestError for a bad request; the server maps it.
   */
  metrics(req: IncomingMessage, res: ServerResponse, url: URL, variant?: string): Promise<void>;
  /** Serves /probe?target=… (multi-target mode). */
  probe(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
  /** One snapshot of the metrics path without a request (push mode): every enabled collector, merged. */
  collect(): Promise<MetricFamily[]>;
}

/**
 * Turns a request into one snapshot: acquire the target, run the collectors under one deadline
 * and one AbortSignal (ScrapeScope, which also fires when the client goes away), release, then
 * merge every part (target, collectors, self metrics) once and answer. With single-flight,
 * requests that arrive while an identical collection runs wait for it instead of starting another.
 * All state (in-flight collections, housekeeping, bugs seen) belongs to this pipeline.
 */
export function createPipeline<Target>(opts: PipelineOptions<Target>): Pipeline {
  const { logger } = opts;
  const inFlight = new Map<string, Collection>();
  const housekeeping = scrapeHousekeeping(opts.runtimeHooks);
  const bugs = new BugLog();

  /** One collection: acquire the target, then the collectors get whatever time acquire left. */
  const collect = async (
    collectors: ReadonlyArray<Collector<Target>>,
    probe: URLSearchParams | undefined,
    scope: ScrapeScope,
    variant?: MetricsVariantRequest,
  ): Promise<MetricFamily[][]> => {
    const out = new MetricSink();
    let acquired: Acquired<Target>;
    try {
      acquired = await opts.runtime.acquire({ signal: scope.signal, logger, probe, variant, out });
    } catch (err) {
      if (err instanceof RequestError) throw err;
      if (isBug(err)) bugs.report(logger, 'could not reach the target', err);
      else logger.error('could not reach the target', { err: err instanceof Error ? err.message : String(err) });
      return [out.toFamilies()];
    }
    if (!acquired.ok) return [out.toFamilies()];
    try {
      const parts = await runCollectors({ collectors, target: acquired.target, scope, logger, collectorMetrics: opts.collectorMetrics, bugs });
      parts.unshift(out.toFamilies());
      return parts;
    } finally {
      try {
        await acquired.release?.();
      } catch (err) {
        logger.warn('releasing the target failed', { err: err instanceof Error ? err.message : String(err) });
      }
    }
  };

  /** Starts a collection, or with single-flight joins the identical one already running. */
  const collection = (key: string, timeoutMs: number, run: (scope: ScrapeScope) => Promise<MetricFamily[][]>): Collection => {
    const running = opts.singleFlight ? inFlight.get(key) : undefined;
    // An abandoned collection is still winding down: a new client gets a fresh one.
    if (running && !running.scope.signal.aborted) return running;
    const scope = new ScrapeScope(timeoutMs);
    const parts = run(scope).finally(() => {
      scope.finish();
      if (inFlight.get(key) === started) inFlight.delete(key);
    });
    const started: Collection = { scope, parts };
    if (opts.singleFlight) inFlight.set(key, started);
    return started;
  };

  /** Waits for a collection on behalf of one request; a client that goes away stops waiting. */
  const waitFor = async (c: Collection, res: ServerResponse): Promise<MetricFamily[][]> => {
    const leave = c.scope.join();
    const onClose = (): void => {
      if (!res.writableEnded) leave();
    };
    res.once('close', onClose);
    try {
      return await c.parts;
    } finally {
      res.off('close', onClose);
    }
  };

  const respond = async (req: IncomingMessage, res: ServerResponse, parts: MetricFamily[][], instrumented: boolean): Promise<void> => {
    const handler = instrumented ? opts.handlerMetrics : undefined;
    const families = mergeFamilies(parts, logger, handler ? () => handler.error('gathering') : undefined);
    const { format, contentType } = negotiateFormat(req.headers.accept);
    const headers: Record<string, string> = { 'Content-Type': contentType };
    let body: string | Buffer;
    try {
      body = render(families, format);
      if (acceptsGzip(req.headers['accept-encoding'])) {
        body = await gzipBody(body);
        headers['Content-Encoding'] = 'gzip';
      }
    } catch (err) {
      handler?.error('encoding');
      throw err;
    }
    headers['Content-Length'] = String(Buffer.byteLength(body));
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
  };

  const plan = (req: IncomingMessage, url: URL) => {
    const collectors = filterCollectors(opts.collectors, opts.registered, url.searchParams, opts.collectFilter);
    const timeoutMs = scrapeTimeoutMs(req.headers['x-prometheus-scrape-timeout-seconds'], opts.maxTimeoutSeconds, opts.timeoutOffsetSeconds);
    return { collectors, timeoutMs, names: collectors.map((c) => c.name).join(',') };
  };

  const selfParts = async (): Promise<MetricFamily[][]> => {
    const self = opts.selfMetrics ? await opts.selfMetrics() : [];
    return opts.handlerMetrics ? [self, opts.handlerMetrics.families()] : [self];
  };

  return {
    async metrics(req, res, url, variantName) {
      const p = plan(req, url);
      let variant: MetricsVariantRequest | undefined;
      let key = `metrics\u0000${p.names}`;
      if (variantName !== undefined) {
        const params = new URLSearchParams(url.searchParams);
        params.delete('collect[]');
        params.sort();
        variant = { name: variantName, params };
        key = `metrics/${variantName}\u0000${params.toString()}\u0000${p.names}`;
      }
      housekeeping.scrapeStarted();
      try {
        const c = collection(key, p.timeoutMs, (scope) => collect(p.collectors, undefined, scope, variant));
        const [parts, self] = await Promise.all([waitFor(c, res), selfParts()]);
        await respond(req, res, [...parts, ...self], true);
      } finally {
        housekeeping.scrapeEnded();
      }
    },
    async probe(req, res, url) {
      if (!url.searchParams.get('target')) throw new BadRequestError("'target' parameter must be specified");
      const p = plan(req, url);
      const params = new URLSearchParams(url.searchParams);
      params.sort();
      housekeeping.scrapeStarted();
      try {
        const c = collection(`probe\u0000${params.toString()}\u0000${p.names}`, p.timeoutMs, (scope) => collect(p.collectors, url.searchParams, scope));
        await respond(req, res, await waitFor(c, res), false);
      } finally {
        housekeeping.scrapeEnded();
      }
    },
    async collect() {
      const scope = new ScrapeScope(Math.round(opts.maxTimeoutSeconds * 1000));
      housekeeping.scrapeStarted();
      try {
        const [parts, self] = await Promise.all([collect(opts.collectors, undefined, scope), selfParts()]);
        return mergeFamilies([...parts, ...self], logger);
      } finally {
        scope.finish();
        housekeeping.scrapeEnded();
      }
    },
  };
}
