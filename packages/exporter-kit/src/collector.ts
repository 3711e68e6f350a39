import type { Logger } from './logger.js';
import type { MetricSink } from './metrics.js';
import type { FlagSpec } from './spec.js';

/**
 * What one collector gets for one scrape. `signal` aborts at the scrape deadline: long work
 * (queries, HTTP calls, slow file reads) must pass it on or check it, because after the deadline
 * the collector's output is discarded anyway.
 */
export interface CollectContext<Target = void> {
  readonly signal: AbortSignal;
  readonly logger: Logger;
  /** Epoch milliseconds at which the scrape's deadline fires. */
  readonly deadline: number;
  /** Per-scrape handle on the monitored system (a DB connection, an API client); void for the node exporter. */
  readonly target: Target;
}

/**
 * The collector contract, after node_exporter's registry and mysqld_exporter's Scraper: a name
 * (which becomes the `collector` label and the --collector.<name> flag), a default on/off, and
 * collect(), which writes the samples of one scrape into `out`. A collector that throws, or has
 * not finished by the deadline, contributes nothing to that scrape and is reported with
 * success 0; the other collectors are unaffected.
 */
export interface Collector<Target = void> {
  readonly name: string;
  readonly help: string;
  readonly defaultEnabled: boolean;
  /**
   * The collector's own options (`--collector.<name>.<option>` in node_exporter, `--collect.<name>.<option>`
   * in mysqld_exporter), declared by kind beside the code that reads them. The kit adds them to
   * the command line with the exporter's flags; their parsed values reach the exporter's setup()
   * like any flag's, whether the collector is enabled or not.
   */
  readonly flags?: readonly FlagSpec[];
  collect(ctx: CollectContext<Target>, out: MetricSink): Promise<void>;
}

/**
 * Thrown by a collector that has nothing to report on this host (no such hardware or kernel
 * feature). Like node_exporter's ErrNoData: the collector counts as successful and logs at
 * debug level, never as an error.
 */
export class NoDataError extends Error {
  override readonly name = 'NoDataError';

  constructor(message: string) {
    // Thrown on every scrape by each collector whose hardware is absent: skip the stack trace,
    // which is most of an Error's cost and is never shown (no data is logged at debug only).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

/** Builds a collector from a plain object literal, keeping the contract's types. */
export function defineCollector<Target = void>(collector: Collector<Target>): Collector<Target> {
  return collector;
}
