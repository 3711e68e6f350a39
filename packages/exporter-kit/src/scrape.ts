import type { Collector } from './collector.js';
import { NoDataError } from './collector.js';
import type { Logger } from './logger.js';
import { silentLogger } from './logger.js';
import type { MetricFamily } from './metrics.js';
import { MetricSink } from './metrics.js';
import { mergeFamilies } from './merge.js';

export interface CollectorMetricNames {
  readonly duration: string;
  readonly success: string;
  /** Prepended to the collector's name in the `collector` label (mysqld_exporter: 'collect.'). */
  readonly labelPrefix?: string;
}

export interface ScrapeOptions<Target> {
  readonly collectors: ReadonlyArray<Collector<Target>>;
  readonly target: Target;
  /** Milliseconds until the deadline; collectors still running then contribute nothing. */
  readonly timeoutMs: number;
  readonly logger?: Logger;
  /** Names of the per-collector duration/success gauges; omitted → none emitted. */
  readonly collectorMetrics?: CollectorMetricNames;
  /** Aborts everything early (the client went away, the server shuts down). */
  readonly signal?: AbortSignal;
}

interface Outcome {
  readonly name: string;
  readonly seconds: number;
  readonly success: boolean;
  readonly families: MetricFamily[];
}

/** Thrown into collectors' signals at the deadline, so they can tell it from other aborts. */
export class ScrapeDeadlineError extends Error {
  override readonly name = 'ScrapeDeadlineError';
}

/**
 * Runs every collector concurrently under one deadline and returns a fresh snapshot. Each
 * collector writes into its own sink; only collectors that finished in time and without an
 * error are merged, so a half-written sink never reaches the output. The per-collector
 * duration/success gauges are added for every collector, late or failed ones included.
 */
export async function runScrape<Target>(opts: ScrapeOptions<Target>): Promise<MetricFamily[]> {
  const logger = opts.logger ?? silentLogger;
  const started = performance.now();
  const deadline = Date.now() + opts.timeoutMs;
  const controller = new AbortController();
  const onParentAbort = (): void => controller.abort(opts.signal?.reason);
  opts.signal?.addEventListener('abort', onParentAbort, { once: true });

  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new ScrapeDeadlineError(`scrape deadline of ${opts.timeoutMs} ms reached`));
      resolve('deadline');
    }, Math.max(0, opts.timeoutMs));
  });

  const runOne = async (collector: Collector<Target>): Promise<Outcome> => {
    const t0 = performance.now();
    const sink = new MetricSink();
    const log = logger.child({ collector: collector.name });
    const work = (async () => {
      await collector.collect({ signal: controller.signal, logger: log, deadline, target: opts.target }, sink);
      return sink.toFamilies();
    })();
    try {
      const result = await Promise.race([work, expired]);
      const seconds = (performance.now() - t0) / 1000;
      if (result === 'deadline') {
        work.catch(() => {}); // it will reject on the abort; nobody is listening any more
        log.warn('collector did not finish before the scrape deadline', { duration_seconds: seconds });
        return { name: collector.name, seconds, success: false, families: [] };
      }
      return { name: collector.name, seconds, success: true, families: result };
    } catch (err) {
      const seconds = (performance.now() - t0) / 1000;
      if (err instanceof NoDataError) {
        log.debug('collector returned no data', { err: err.message });
        return { name: collector.name, seconds, success: true, families: [] };
      }
      log.error('collector failed', { err: err instanceof Error ? err.message : String(err), duration_seconds: seconds });
      return { name: collector.name, seconds, success: false, families: [] };
    }
  };

  try {
    const outcomes = await Promise.all(opts.collectors.map(runOne));
    const parts = outcomes.map((o) => o.families);
    if (opts.collectorMetrics) parts.push(collectorSelfMetrics(outcomes, opts.collectorMetrics));
    const merged = mergeFamilies(parts, logger);
    logger.debug('scrape finished', { collectors: outcomes.length, duration_seconds: (performance.now() - started) / 1000 });
    return merged;
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onParentAbort);
    if (!controller.signal.aborted) controller.abort(new Error('scrape finished'));
  }
}

function collectorSelfMetrics(unsorted: readonly Outcome[], names: CollectorMetricNames): MetricFamily[] {
  const out = new MetricSink();
  // Sorted by collector, as client_golang sorts the series of a family.
  const outcomes = [...unsorted].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const prefix = names.labelPrefix ?? '';
  for (const o of outcomes) {
    out.gauge(names.duration, 'Duration of a collector scrape.', o.seconds, { collector: prefix + o.name });
  }
  for (const o of outcomes) {
    out.gauge(names.success, 'Whether a collector succeeded.', o.success ? 1 : 0, { collector: prefix + o.name });
  }
  return out.toFamilies();
}

export interface CollectOnceOptions {
  readonly timeoutMs?: number;
  readonly logger?: Logger;
}

/**
 * Runs one collector once and returns what it wrote; errors propagate. For unit tests of a
 * collector against fixtures, where a failure should fail the test, not become success 0.
 */
export async function collectOnce<Target>(
  collector: Collector<Target>,
  target: Target,
  options: CollectOnceOptions = {},
): Promise<MetricFamily[]> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const signal = AbortSignal.timeout(timeoutMs);
  const sink = new MetricSink();
  await collector.collect({ signal, logger: options.logger ?? silentLogger, deadline: Date.now() + timeoutMs, target }, sink);
  return mergeFamilies([sink.toFamilies()], options.logger ?? silentLogger);
}
