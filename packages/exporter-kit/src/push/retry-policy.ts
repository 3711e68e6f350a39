import type { HttpResponse } from './http-sender.js';

/** Backoff bounds, as Prometheus's queue_config min_backoff / max_backoff. */
export const MIN_BACKOFF_MS = 100;
export const MAX_BACKOFF_MS = 5000;

/**
 * What to do after one attempt. The remote_write spec: retry 5xx, may retry 429, never another
 * 4xx (the same request would fail again). Connection errors and timeouts are retried.
 */
export type AttemptVerdict =
  | { readonly kind: 'success' }
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs?: number }
  | { readonly kind: 'fail'; readonly reason: string };

export function judgeResponse(res: HttpResponse, now: number = Date.now()): AttemptVerdict {
  if (res.status >= 200 && res.status < 300) return { kind: 'success' };
  const reason = `HTTP ${res.status}${res.body ? `: ${firstLine(res.body)}` : ''}`;
  if (res.status === 429 || res.status >= 500) return { kind: 'retry', reason, retryAfterMs: parseRetryAfter(res.headers['retry-after'], now) };
  return { kind: 'fail', reason };
}

export function judgeError(err: unknown): { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs?: number } {
  const e = err as NodeJS.ErrnoException;
  const message = String(e?.message ?? err);
  return { kind: 'retry', reason: e?.code && !message.includes(e.code) ? `${e.code}: ${message}` : message };
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | string[] | undefined, now: number = Date.now()): number | undefined {
  const raw = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!raw) return undefined;
  if (/^\d+$/.test(raw)) return Number(raw) * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Exponential backoff with full jitter: a random wait in [0, min(max, min·2^attempt)], so many
 * exporters that lost the same receiver do not come back in lock step. Retry-After wins when given.
 */
export function backoffMs(attempt: number, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const ceiling = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** attempt);
  return Math.max(1, Math.round(random() * ceiling));
}

/** A wait that an abort ends early; resolves false when aborted. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<boolean>;

export const sleep: Sleep = (ms, signal) => new Promise<boolean>((resolve) => {
  if (signal?.aborted) return resolve(false);
  const onAbort = (): void => {
    clearTimeout(timer);
    resolve(false);
  };
  const timer = setTimeout(() => {
    signal?.removeEventListener('abort', onAbort);
    resolve(true);
  }, ms);
  signal?.addEventListener('abort', onAbort, { once: true });
});

/** Time as the retry loops see it; tests pass a virtual one so hours of backoff take no time. */
export interface RetryClock {
  now(): number;
  readonly sleep: Sleep;
  random(): number;
}

export const realClock: RetryClock = { now: () => Date.now(), sleep, random: Math.random };
