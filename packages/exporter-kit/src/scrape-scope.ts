/** Aborts a scrape at its deadline, so collectors can tell it from other aborts. */
export class ScrapeDeadlineError extends Error {
  override readonly name = 'ScrapeDeadlineError';
}

/** Aborts a scrape nobody waits for any more: every client asking for it closed its connection. */
export class ScrapeAbandonedError extends Error {
  override readonly name = 'ScrapeAbandonedError';
}

/**
 * One scrape's deadline and its one AbortSignal, which acquire() and every collector get. It
 * fires at the deadline (ScrapeDeadlineError) or when the last client waiting for the scrape has
 * gone (ScrapeAbandonedError; with single-flight several requests wait for one scrape).
 */
export class ScrapeScope {
  /** Epoch milliseconds of the deadline. */
  readonly deadline: number;
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private waiting = 0;
  private abortedPromise: Promise<void> | undefined;

  constructor(readonly timeoutMs: number, parent?: AbortSignal) {
    this.deadline = Date.now() + timeoutMs;
    this.timer = setTimeout(() => this.abort(new ScrapeDeadlineError(`scrape deadline of ${timeoutMs} ms reached`)), Math.max(0, timeoutMs));
    if (parent) {
      if (parent.aborted) this.abort(parent.reason);
      else parent.addEventListener('abort', () => this.abort(parent.reason), { once: true, signal: this.controller.signal });
    }
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Resolves when the signal fires (never rejects). */
  get aborted(): Promise<void> {
    this.abortedPromise ??= this.signal.aborted
      ? Promise.resolve()
      : new Promise((resolve) => this.signal.addEventListener('abort', () => resolve(), { once: true }));
    return this.abortedPromise;
  }

  /** Whether the deadline (rather than the clients leaving) ended the scrape. */
  get deadlineReached(): boolean {
    return this.signal.aborted && this.signal.reason instanceof ScrapeDeadlineError;
  }

  /** A client waits for this scrape; returns what to call when it stops waiting (its connection closed early). */
  join(): () => void {
    this.waiting++;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.waiting--;
      if (this.waiting === 0) this.abort(new ScrapeAbandonedError('every client of this scrape closed its connection'));
    };
  }

  /** The scrape is over: stops the timer and releases whatever still listens on the signal. */
  finish(): void {
    clearTimeout(this.timer);
    this.abort(new Error('scrape finished'));
  }

  private abort(reason: unknown): void {
    if (this.controller.signal.aborted) return;
    clearTimeout(this.timer);
    this.controller.abort(reason);
  }
}
