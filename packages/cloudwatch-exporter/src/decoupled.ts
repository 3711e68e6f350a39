import type { Logger } from '@scrapekit/exporter-kit';

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/**
 * Decoupled mode (--scrape.interval): collect on our own schedule, at instants aligned to the
 * interval (12:00:00, 12:01:00, … for 1m), and let every scrape read the last result. However
 * many Prometheus servers scrape, and however often, AWS sees one collection per interval. A
 * collection still running at the next tick makes that tick skip, never overlap.
 */
export class DecoupledSchedule<T> {
  private last: T | undefined;
  private first: Promise<T> | undefined;
  private resolveFirst: ((value: T) => void) | undefined;
  private running = false;
  private timer: unknown;
  private stopped = false;
  private controller = new AbortController();

  constructor(
    private readonly intervalMs: number,
    private readonly collect: (alignedNowMs: number, signal: AbortSignal) => Promise<T>,
    private readonly logger: Logger,
    private readonly timers: Timers = realTimers,
  ) {
    this.first = new Promise<T>((resolve) => { this.resolveFirst = resolve; });
  }

  /** Collects at once, then at every following boundary of the interval. */
  start(): void {
    void this.run(this.timers.now());
    this.scheduleNext();
  }

  /** The newest finished collection; before the first one finishes, that one. */
  latest(): Promise<T> {
    return this.last !== undefined ? Promise.resolve(this.last) : (this.first as Promise<T>);
  }

  /** Collects again now (after a reload), keeping the schedule. */
  refresh(): void {
    void this.run(this.timers.now());
  }

  stop(): void {
    this.stopped = true;
    this.timers.clearTimeout(this.timer);
    this.controller.abort(new Error('exporter stopping'));
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    const now = this.timers.now();
    const next = (Math.floor(now / this.intervalMs) + 1) * this.intervalMs;
    this.timer = this.timers.setTimeout(() => {
      void this.run(next);
      this.scheduleNext();
    }, next - now);
  }

  private async run(alignedNowMs: number): Promise<void> {
    if (this.running) {
      this.logger.warn('previous collection still running; skipping this interval', { interval_ms: this.intervalMs });
      return;
    }
    this.running = true;
    try {
      const result = await this.collect(alignedNowMs, this.controller.signal);
      this.last = result;
      this.resolveFirst?.(result);
      this.resolveFirst = undefined;
    } catch (err) {
      if (!this.stopped) this.logger.error('collection failed', { err: err instanceof Error ? err.message : String(err) });
    } finally {
      this.running = false;
    }
  }
}
