/**
 * Post-scrape housekeeping: what the kit does with the memory a scrape leaves behind. One
 * instance per pipeline (two servers in one process keep their own counts); the process-wide
 * capabilities it uses come from the launcher's runtime settings (launch.ts).
 *
 * A young-generation GC right after each scrape, when almost nothing in the young generation is
 * alive: the scavenge copies next to nothing, and the next scrape starts with an empty young
 * generation instead of V8 collecting in the middle of one, where the scrape's half-built
 * families survive and get promoted to old space. It also frees the scrape's buffers (body, gzip
 * output) at once instead of whenever V8 next collects. Node exporter, 2,000 back-to-back
 * scrapes: RSS 79 -> 75 MiB, latency and CPU unchanged (docs/BENCHMARKS.md, run 4). With an
 * old-generation step, a full GC follows now and then (heap-tuning.ts, OLD_GENERATION).
 */

/** Process capabilities the housekeeping may use; both optional. */
export interface RuntimeHooks {
  /** The post-scrape GC (heap-tuning's postScrapeGc), present when the heap was tuned. */
  readonly postScrapeGc?: () => void;
  /** Returns freed native (malloc) memory to the kernel, e.g. glibc's malloc_trim. */
  readonly nativeHeapTrim?: () => unknown;
  /** What the launcher applied, logged once at start-up (launch.ts). */
  readonly summary?: Readonly<Record<string, string | number | boolean>>;
}

/** Trim this long after a scrape ends, so the post-scrape GC has freed its buffers first. */
export const NATIVE_TRIM_DELAY_MS = 50;

export interface TrimScheduler {
  /** Called when a scrape has ended. */
  scrapeEnded(): void;
  /** Trims done so far (for tests and debugging). */
  readonly trims: number;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  setImmediate(fn: () => void): unknown;
}

const realTimers: Timers = { setTimeout: (fn, ms) => setTimeout(fn, ms), setImmediate: (fn) => setImmediate(fn) };

/**
 * At most one trim pending at a time, `delayMs` after the first scrape that ends with none
 * pending; if a scrape is running when it is due (`busy`), it waits another `delayMs`, so a trim
 * never competes with a scrape for the event loop. Under back-to-back scrapes that is about one
 * trim per `delayMs`, at a normal scrape interval one per scrape. The timer never keeps the
 * process alive.
 */
export function trimScheduler(
  trim: () => unknown,
  busy: () => boolean,
  delayMs = NATIVE_TRIM_DELAY_MS,
  timers: Pick<Timers, 'setTimeout'> = realTimers,
): TrimScheduler {
  let pending = false;
  let trims = 0;
  const arm = (): void => {
    const t = timers.setTimeout(() => {
      if (busy()) {
        arm();
        return;
      }
      pending = false;
      trims++;
      trim();
    }, delayMs);
    (t as { unref?: () => void }).unref?.();
  };
  return {
    scrapeEnded() {
      if (pending) return;
      pending = true;
      arm();
    },
    get trims() {
      return trims;
    },
  };
}

export interface ScrapeHousekeeping {
  /** A scrape (a /metrics or /probe request that collects) starts. */
  scrapeStarted(): void;
  /** That scrape has ended, answered or not. */
  scrapeEnded(): void;
  /** Native trims done so far. */
  readonly trims: number;
}

/**
 * The young-generation GC (coalesced: one per burst of scrapes ending together, from the event
 * loop) and the native trim (never while one of this pipeline's scrapes runs). Without hooks,
 * both calls only count.
 */
export function scrapeHousekeeping(hooks: RuntimeHooks = {}, timers: Timers = realTimers): ScrapeHousekeeping {
  let running = 0;
  let gcPending = false;
  const gc = hooks.postScrapeGc;
  const trim = hooks.nativeHeapTrim ? trimScheduler(hooks.nativeHeapTrim, () => running > 0, NATIVE_TRIM_DELAY_MS, timers) : undefined;
  return {
    scrapeStarted() {
      running++;
    },
    scrapeEnded() {
      running = Math.max(0, running - 1);
      trim?.scrapeEnded();
      if (!gc || gcPending) return;
      gcPending = true;
      timers.setImmediate(() => {
        gcPending = false;
        gc();
      });
    },
    get trims() {
      return trim?.trims ?? 0;
    },
  };
}
