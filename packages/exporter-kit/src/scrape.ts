import type { Collector } from './collector.js';
import { NoDataError } from './collector.js';
import type { Logger } from './logger.js';
import { silentLogger } from './logger.js';
import type { MetricFamily } from './metrics.js';
import { MetricSink } from './metrics.js';
import { mergeFamilies } from './merge.js';
import { ScrapeScope } from './scrape-scope.js';
import { BugLog, isBug } from './unexpected-errors.js';

export { ScrapeDeadlineError, ScrapeAbandonedError, ScrapeScope } from './scrape-scope.js';

export interface CollectorMetricNames {
  readonly duration: string;
  readonly success: string;
  /** Prepended to the collector's name in the `collector` label (mysqld_exporter: 'collect.'). */
  readonly labelPrefix?: string;
  /**
   * The success value of a collector that threw NoDataError. node_exporter reports 0 for its
   * ErrNoData (logged at debug, not as a failure); 1 (the default) says "nothing to report, and
   * that is fine", as the mysqld and rabbitmq exporters here document it.
   */
  readonly noDataSuccess?: 0 | 1;
}

export interface CollectorRun<Target> {
  readonly collectors: ReadonlyArray<Collector<Target>>;
  readonly target: Target;
  /** The scrape's deadline and signal; collectors still running when it fires contribute nothing. */
  readonly scope: ScrapeScope;
  readonly logger: Logger;
  /** Names of the per-collector duration/success gauges; omitted → none emitted. */
  readonly collectorMetrics?: CollectorMetricNames;
  /** Where bugs in collectors are reported (with their stack once per distinct error). */
  readonly bugs: BugLog;
}

interface Outcome {
  readonly name: string;
  readonly seconds: number;
  readonly success: boolean;
  readonly families: MetricFamily[];
}

/**
 * Runs every collector concurrently under the scope's deadline and returns what each wrote, one
 * part per collector plus the duration/success gauges, unmerged: the pipeline merges a scrape's
 * parts once. Each collector writes into its own sink; only collectors that finished in time and
 * without an error count, so a half-written sink never reaches the output. The gauges cover
 * every collector, late or failed ones included.
 */
export async function runCollectors<Target>(run: CollectorRun<Target>): Promise<MetricFamily[][]> {
  const { scope, logger } = run;
  const started = performance.now();

  const runOne = async (collector: Collector<Target>): Promise<Outcome> => {
    const t0 = performance.now();
    const sink = new MetricSink();
    const log = logger.child({ collector: collector.name });
    const failed = (): Outcome => ({ name: collector.name, seconds: (performance.now() - t0) / 1000, success: false, families: [] });
    if (scope.signal.aborted) {
      log.warn('collector not started: no time left before the scrape deadline');
      return failed();
    }
    const work = (async () => {
      await collector.collect({ signal: scope.signal, logger: log, deadline: scope.deadline, target: run.target }, sink);
      return sink.toFamilies();
    })();
    try {
      const result = await Promise.race([work, scope.aborted.then(() => undefined)]);
      if (result === undefined) {
        work.catch(() => {}); // it will reject on the abort; nobody is listening any more
        const outcome = failed();
        if (scope.deadlineReached) log.warn('collector did not finish before the scrape deadline', { duration_seconds: outcome.seconds });
        else log.debug('collector stopped: the scrape was abandoned', { duration_seconds: outcome.seconds });
        return outcome;
      }
      return { name: collector.name, seconds: (performance.now() - t0) / 1000, success: true, families: result };
    } catch (err) {
      const outcome = failed();
      if (err instanceof NoDataError) {
        log.debug('collector returned no data', { err: err.message, duration_seconds: outcome.seconds });
        return { ...outcome, success: run.collectorMetrics?.noDataSuccess !== 0 };
      }
      if (isBug(err)) run.bugs.report(log, 'collector failed', err, { duration_seconds: outcome.seconds });
      else log.error('collector failed', { err: err instanceof Error ? err.message : String(err), duration_seconds: outcome.seconds });
      return outcome;
    }
  };

  const outcomes = await Promise.all(run.collectors.map(runOne));
  const parts = outcomes.map((o) => o.families);
  if (run.collectorMetrics) parts.push(collectorSelfMetrics(outcomes, run.collectorMetrics));
  logger.debug('collectors finished', { collectors: outcomes.length, duration_seconds: (performance.now() - started) / 1000 });
  return parts;
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

export interface ScrapeOptions<Target> {
  readonly collectors: ReadonlyArray<Collector<Target>>;
  readonly target: Target;
  /** Milliseconds until the deadline. */
  readonly timeoutMs: number;
  readonly logger?: Logger;
  readonly collectorMetrics?: CollectorMetricNames;
  /** Aborts everything early (the caller gave up). */
  readonly signal?: AbortSignal;
}

/**
 * One scrape outside a server (tools, tests): the collectors under their own deadline, merged
 * into one sorted snapshot.
 */
export async function runScrape<Target>(opts: ScrapeOptions<Target>): Promise<MetricFamily[]> {
  const logger = opts.logger ?? silentLogger;
  const scope = new ScrapeScope(opts.timeoutMs, opts.signal);
  try {
    const parts = await runCollectors({ ...opts, scope, logger, bugs: new BugLog() });
    return mergeFamilies(parts, logger);
  } finally {
    scope.finish();
  }
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
  const scope = new ScrapeScope(options.timeoutMs ?? 10_000);
  const sink = new MetricSink();
  try {
    await collector.collect({ signal: scope.signal, logger: options.logger ?? silentLogger, deadline: scope.deadline, target }, sink);
  } finally {
    scope.finish();
  }
  return mergeFamilies([sink.toFamilies()], options.logger ?? silentLogger);
}
