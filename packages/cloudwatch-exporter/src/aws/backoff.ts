/**
 * Jittered exponential backoff ("full jitter"): attempt n waits a random time in
 * [0, min(maxDelay, base · 2^n)], so many throttled callers spread out instead of retrying in step.
 */
export interface BackoffPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 5_000 };

export interface BackoffClock {
  readonly random: () => number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: BackoffClock = {
  random: Math.random,
  sleep: (ms, signal) => new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  }),
};

export function backoffDelayMs(policy: BackoffPolicy, retry: number, random: () => number): number {
  return Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry));
}

/** Runs `attempt` until it succeeds, fails with a non-retryable error, or the attempts are used up. */
export async function withBackoff<T>(
  attempt: () => Promise<T>,
  retryable: (err: unknown) => boolean,
  policy: BackoffPolicy,
  clock: BackoffClock,
  signal?: AbortSignal,
  onRetry?: (err: unknown, delayMs: number) => void,
): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (n + 1 >= policy.maxAttempts || !retryable(err) || signal?.aborted) throw err;
      const delay = backoffDelayMs(policy, n, clock.random);
      onRetry?.(err, delay);
      await clock.sleep(delay, signal);
    }
  }
}
