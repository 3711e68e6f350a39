import type { Logger } from '../logger.js';
import type { HttpSender } from './http-sender.js';
import { PushFailedError } from './pushgateway-client.js';
import type { PushTargetStats } from './push-stats.js';
import type { WriteSeries } from './remote-write-proto.js';
import { encodeWriteRequest } from './remote-write-proto.js';
import { SampleQueue } from './remote-write-queue.js';
import type { RetryClock } from './retry-policy.js';
import { realClock } from './retry-policy.js';
import { sendWithRetries } from './send-with-retries.js';

export interface RemoteWriteClientOptions {
  readonly url: URL;
  readonly sender: HttpSender;
  readonly stats: PushTargetStats;
  readonly logger: Logger;
  readonly requestTimeoutMs: number;
  readonly giveUpAfterMs: number;
  readonly queueCapacity: number;
  readonly maxSamplesPerSend: number;
  readonly clock?: RetryClock;
}

/** The spec's request headers (remote_write 1.0). User-Agent comes from the sender. */
const REMOTE_WRITE_HEADERS = {
  'Content-Encoding': 'snappy',
  'Content-Type': 'application/x-protobuf',
  'X-Prometheus-Remote-Write-Version': '0.1.0',
};

/**
 * remote_write sender: collections go into a bounded queue; one sender drains it oldest first in
 * requests of at most --push.max-samples-per-send samples, so each series' samples arrive in time
 * order (one shard, as the spec's ordering rule needs). A request that fails with 5xx, 429 or a
 * connection error is retried with jittered backoff (Retry-After honoured) until
 * --push.give-up-after; any other 4xx is final. Meanwhile new collections keep arriving and the
 * queue drops its oldest samples when full, so memory stays bounded by capacity plus one request.
 */
export class RemoteWriteClient {
  private readonly queue: SampleQueue;
  private readonly clock: RetryClock;
  private readonly stopping = new AbortController();
  private draining: Promise<void> | undefined;
  /** Why the last batch was given up; what --push.once prints. */
  lastFailure: string | undefined;

  constructor(private readonly opts: RemoteWriteClientOptions) {
    this.queue = new SampleQueue(opts.queueCapacity);
    this.clock = opts.clock ?? realClock;
  }

  get queuedSamples(): number {
    return this.queue.length;
  }

  enqueue(series: readonly WriteSeries[]): void {
    if (this.stopping.signal.aborted) return;
    const dropped = this.queue.push(series);
    const { stats, logger } = this.opts;
    if (dropped > 0) {
      stats.samplesDropped += dropped;
      logger.warn('remote_write queue full; dropped the oldest samples', { dropped, capacity: this.queue.capacity });
    }
    stats.queueSamples = this.queue.length;
    this.kick();
  }

  /** Resolves once the queue is empty and no request is in flight (sent or given up). */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Tries to send what is queued for at most graceMs, then stops retrying and drops the rest. */
  async close(graceMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([this.flush(), grace]);
    clearTimeout(timer);
    this.stopping.abort();
    await this.flush();
  }

  private kick(): void {
    if (this.draining) return;
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.queue.length > 0 && !this.stopping.signal.aborted) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.stopping.signal.aborted) {
      const batch = this.queue.take(this.opts.maxSamplesPerSend);
      this.opts.stats.queueSamples = this.queue.length;
      await this.send(batch);
    }
  }

  private async send(batch: readonly WriteSeries[]): Promise<void> {
    const { stats, logger, url } = this.opts;
    const body = encodeWriteRequest(batch);
    const outcome = await sendWithRetries({
      attempt: (signal) => this.opts.sender.send({ method: 'POST', url, body, headers: REMOTE_WRITE_HEADERS, timeoutMs: this.opts.requestTimeoutMs, signal }),
      clock: this.clock, giveUpAfterMs: this.opts.giveUpAfterMs, stats, logger, signal: this.stopping.signal, what: 'remote_write request',
    });
    if (outcome.ok) {
      stats.samplesSent += batch.length;
      logger.debug('remote_write request sent', { samples: batch.length });
    } else {
      this.giveUp(batch.length, outcome.reason);
    }
  }

  private giveUp(samples: number, reason: string): void {
    this.opts.stats.samplesFailed += samples;
    this.lastFailure = `remote_write ${this.opts.url.origin}: ${reason}`;
    this.opts.logger.error('remote_write request failed; its samples are lost', { err: this.lastFailure, samples });
  }

  /** The error --push.once reports when anything it queued was not delivered. */
  failure(): PushFailedError | undefined {
    const { stats } = this.opts;
    if (stats.samplesFailed === 0 && stats.samplesDropped === 0) return undefined;
    return new PushFailedError(this.lastFailure ?? `remote_write ${this.opts.url.origin}: ${stats.samplesDropped} samples dropped (queue full)`);
  }
}
