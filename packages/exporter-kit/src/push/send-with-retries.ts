import type { Logger } from '../logger.js';
import type { HttpResponse } from './http-sender.js';
import type { PushTargetStats } from './push-stats.js';
import type { AttemptVerdict, RetryClock } from './retry-policy.js';
import { backoffMs, judgeError, judgeResponse } from './retry-policy.js';

export interface SendWithRetriesOptions {
  /** Sends the request once; rejects on connection errors and timeouts. */
  readonly attempt: (signal: AbortSignal | undefined) => Promise<HttpResponse>;
  readonly clock: RetryClock;
  readonly giveUpAfterMs: number;
  readonly stats: PushTargetStats;
  readonly logger: Logger;
  /** Ends the retrying early (shutdown, or a newer collection supersedes this push). */
  readonly signal?: AbortSignal;
  /** For the logs: 'push to the Pushgateway', 'remote_write request'. */
  readonly what: string;
}

export type SendOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * The one retry loop of push mode: send, judge the answer (retry-policy), back off with jitter or
 * Retry-After, and give up once --push.give-up-after would pass, the answer is a final 4xx, or the
 * signal aborts. Counts requests, retries and failed requests on the target's stats.
 */
export async function sendWithRetries(opts: SendWithRetriesOptions): Promise<SendOutcome> {
  const { clock, stats, logger, signal } = opts;
  const started = clock.now();
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) stats.retries++;
    stats.requests++;
    let verdict: AttemptVerdict;
    try {
      verdict = judgeResponse(await opts.attempt(signal), clock.now());
    } catch (err) {
      verdict = judgeError(err);
    }
    if (verdict.kind === 'success') {
      stats.lastSuccessSeconds = clock.now() / 1000;
      return { ok: true };
    }
    stats.requestFailures++;
    if (signal?.aborted) return { ok: false, reason: `${verdict.reason} (stopped while retrying)` };
    if (verdict.kind === 'fail') return { ok: false, reason: verdict.reason };
    const waitMs = backoffMs(attempt, verdict.retryAfterMs, clock.random);
    if (clock.now() + waitMs - started > opts.giveUpAfterMs) {
      return { ok: false, reason: `${verdict.reason} (gave up after ${attempt + 1} attempts)` };
    }
    // The first failure of a request is worth a warning; the retries after it are noise.
    (attempt === 0 ? logger.warn : logger.debug).call(logger, `${opts.what} failed; retrying`, { err: verdict.reason, retry_in_ms: waitMs });
    if (!(await clock.sleep(waitMs, signal))) return { ok: false, reason: `${verdict.reason} (stopped while retrying)` };
  }
}
