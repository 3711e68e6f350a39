import { TEXT_CONTENT_TYPE, renderText } from '../exposition.js';
import type { Logger } from '../logger.js';
import { sampleKey } from '../merge.js';
import type { MetricFamily } from '../metrics.js';
import type { HttpSender } from './http-sender.js';
import type { PushTargetStats } from './push-stats.js';
import type { RetryClock } from './retry-policy.js';
import { judgeError, judgeResponse, realClock } from './retry-policy.js';
import { sendWithRetries } from './send-with-retries.js';

export interface PushgatewayClientOptions {
  readonly groupUrl: URL;
  readonly sender: HttpSender;
  readonly stats: PushTargetStats;
  readonly logger: Logger;
  readonly requestTimeoutMs: number;
  readonly giveUpAfterMs: number;
  readonly clock?: RetryClock;
}

/**
 * The Pushgateway refuses a sample with a timestamp (HTTP 400, "pushed metrics must not have
 * timestamps"): a relayed sample (cloudwatch_exporter's set_timestamp, YACE's
 * addCloudwatchTimestamp) is pushed without its time, and of a series repeated over time (YACE's
 * exportAllDataPoints) only the newest sample, the last. remote_write keeps both.
 */
export function withoutTimestamps(families: readonly MetricFamily[]): MetricFamily[] {
  return families.map((f) => {
    if (!f.samples.some((s) => s.timestampMs !== undefined)) return f;
    const last = new Map<string, number>();
    f.samples.forEach((s, i) => last.set(sampleKey(s), i));
    const samples = f.samples.filter((s, i) => last.get(sampleKey(s)) === i).map((s) => ({ suffix: s.suffix, labels: s.labels, value: s.value }));
    return { ...f, samples };
  });
}

/** Raised when a push is given up: the message is the one line --push.once prints. */
export class PushFailedError extends Error {
  override readonly name = 'PushFailedError';
}

/**
 * Pushes whole collections to one Pushgateway group with PUT, so the group holds exactly the
 * latest collection. A failed PUT is retried with backoff until it succeeds, is superseded (the
 * caller aborts it because a newer collection is ready), or --push.give-up-after passes. Only the
 * latest state matters here, so there is no queue.
 */
export class PushgatewayClient {
  private readonly clock: RetryClock;

  constructor(private readonly opts: PushgatewayClientOptions) {
    this.clock = opts.clock ?? realClock;
  }

  /** Resolves when the group was replaced; rejects with PushFailedError when given up or aborted. */
  async push(families: readonly MetricFamily[], signal?: AbortSignal): Promise<void> {
    const pushed = withoutTimestamps(families);
    const body = renderText(pushed);
    const samples = pushed.reduce((n, f) => n + f.samples.length, 0);
    await this.attempt('PUT', body, signal, samples);
  }

  /** Deletes the group (clean shutdown); one try, bounded by the request timeout. */
  async delete(): Promise<void> {
    const { stats, groupUrl } = this.opts;
    stats.requests++;
    try {
      const res = await this.opts.sender.send({ method: 'DELETE', url: groupUrl, timeoutMs: this.opts.requestTimeoutMs });
      const verdict = judgeResponse(res);
      if (verdict.kind !== 'success') throw new PushFailedError(`pushgateway ${groupUrl.origin}: delete failed: ${verdict.reason}`);
      this.opts.logger.info('deleted the Pushgateway group', { url: groupUrl.href });
    } catch (err) {
      stats.requestFailures++;
      throw err instanceof PushFailedError ? err : new PushFailedError(`pushgateway ${groupUrl.origin}: delete failed: ${judgeError(err).reason}`);
    }
  }

  private async attempt(method: 'PUT', body: string, signal: AbortSignal | undefined, samples: number): Promise<void> {
    const { stats, groupUrl, logger } = this.opts;
    const outcome = await sendWithRetries({
      attempt: (sig) => this.opts.sender.send({
        method, url: groupUrl, body, headers: { 'Content-Type': TEXT_CONTENT_TYPE }, timeoutMs: this.opts.requestTimeoutMs, signal: sig,
      }),
      clock: this.clock, giveUpAfterMs: this.opts.giveUpAfterMs, stats, logger, signal, what: 'push to the Pushgateway',
    });
    if (outcome.ok) {
      stats.samplesSent += samples;
      logger.debug('pushed to the Pushgateway', { url: groupUrl.href, samples });
      return;
    }
    stats.samplesFailed += samples;
    const message = `pushgateway ${groupUrl.origin}: ${signal?.aborted ? 'superseded by a newer collection' : outcome.reason}`;
    if (!signal?.aborted) logger.error('push to the Pushgateway failed', { err: message });
    throw new PushFailedError(message);
  }
}
