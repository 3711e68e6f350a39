import type { Logger } from '../logger.js';
import type { MetricFamily } from '../metrics.js';
import { HttpSender } from './http-sender.js';
import type { PushConfig } from './push-flags.js';
import { PushStats, PushTargetStats } from './push-stats.js';
import { PushFailedError, PushgatewayClient } from './pushgateway-client.js';
import { pushgatewayGroupUrl } from './pushgateway-group.js';
import { RemoteWriteClient } from './remote-write-client.js';
import { StaleSeriesTracker, familiesToSeries } from './remote-write-series.js';
import type { RetryClock } from './retry-policy.js';
import { realClock } from './retry-policy.js';

/** One collection exactly as a scrape of the metrics path would answer it now. */
export type CollectSnapshot = () => Promise<MetricFamily[]>;

export interface PushModeOptions {
  readonly exporterName: string;
  readonly version: string;
  readonly logger: Logger;
  readonly clock?: RetryClock;
}

/**
 * Push mode of one exporter: the clients of the configured targets, their self metrics, and the
 * schedule (--push.interval or --push.once). The exporter hands it a function that collects once
 * through the same pipeline a scrape uses, so what is pushed is what a scrape would return.
 */
export class PushMode {
  readonly stats = new PushStats();
  private readonly gateway: PushgatewayClient | undefined;
  private readonly remoteWrite: RemoteWriteClient | undefined;
  private readonly stale = new StaleSeriesTracker();
  private readonly identity: ReadonlyArray<readonly [string, string]>;
  private readonly clock: RetryClock;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private gatewayPush: AbortController | undefined;
  private gatewayPushed: Promise<void> = Promise.resolve();
  private stopped = false;

  private constructor(readonly config: PushConfig, private readonly sender: HttpSender, private readonly opts: PushModeOptions) {
    this.clock = opts.clock ?? realClock;
    this.identity = [['job', config.job], ...config.grouping];
    const common = { sender, logger: opts.logger, requestTimeoutMs: config.requestTimeoutMs, giveUpAfterMs: config.giveUpAfterMs, clock: this.clock };
    if (config.gatewayUrl) {
      this.gateway = new PushgatewayClient({
        ...common,
        groupUrl: pushgatewayGroupUrl(config.gatewayUrl, config.job, config.grouping),
        stats: this.stats.add(new PushTargetStats('pushgateway')),
      });
    }
    if (config.remoteWriteUrl) {
      this.remoteWrite = new RemoteWriteClient({
        ...common,
        url: config.remoteWriteUrl,
        stats: this.stats.add(new PushTargetStats('remote_write', config.queueCapacity)),
        queueCapacity: config.queueCapacity,
        maxSamplesPerSend: config.maxSamplesPerSend,
      });
    }
  }

  /** Reads the credential and TLS files (ConfigError when one is missing). */
  static async create(config: PushConfig, opts: PushModeOptions): Promise<PushMode> {
    const needsHttps = [config.gatewayUrl, config.remoteWriteUrl].some((u) => u?.protocol === 'https:');
    const sender = await HttpSender.create(config.http, `${opts.exporterName}/${opts.version}`, needsHttps);
    return new PushMode(config, sender, opts);
  }

  /** Whether the exporter also serves its metrics path (not with --push.once or --web.disable-listen). */
  get listen(): boolean {
    return this.config.listen;
  }

  selfMetrics(): MetricFamily[] {
    return this.stats.families();
  }

  /**
   * Collects once and hands the result to every target. Returns once collected and queued; the
   * Pushgateway push goes on in `pushed` (a later round aborts it if it is still retrying).
   */
  private async round(collect: CollectSnapshot): Promise<{ pushed: Promise<void> }> {
    const timestampMs = this.clock.now();
    const families = await collect();
    if (this.remoteWrite) {
      const series = familiesToSeries(families, this.identity, timestampMs);
      this.remoteWrite.enqueue([...this.stale.vanished(series, timestampMs), ...series]);
    }
    if (!this.gateway) return { pushed: Promise.resolve() };
    this.gatewayPush?.abort();
    const controller = (this.gatewayPush = new AbortController());
    const pushed = this.gateway.push(families, controller.signal);
    this.gatewayPushed = pushed.catch(() => {});
    return { pushed };
  }

  /** --push.once: collect, push, wait for every target; rejects with a one-line PushFailedError. */
  async runOnce(collect: CollectSnapshot): Promise<void> {
    const failures: string[] = [];
    await this.round(collect)
      .then(({ pushed }) => pushed)
      .catch((err: unknown) => failures.push((err as Error).message));
    if (this.remoteWrite) {
      await this.remoteWrite.flush();
      const failure = this.remoteWrite.failure();
      if (failure) failures.push(failure.message);
    }
    if (failures.length > 0) throw new PushFailedError(`push failed: ${failures.join('; ')}`);
    for (const t of this.stats.targets) this.opts.logger.info('pushed', { target: t.target, samples: t.samplesSent });
  }

  /** --push.interval: a round now and then every interval (a round still running delays the next). */
  start(collect: CollectSnapshot): void {
    const intervalMs = this.config.schedule.kind === 'interval' ? this.config.schedule.intervalMs : 0;
    const tick = (): void => {
      if (this.stopped) return;
      const started = Date.now();
      this.running = this.round(collect)
        .then(({ pushed }) => {
          pushed.catch(() => {}); // logged and counted by the client
        }, (err: unknown) => {
          this.opts.logger.error('collecting for a push failed', { err: (err as Error).message });
        })
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.timer = setTimeout(tick, Math.max(0, started + intervalMs - Date.now()));
        });
    };
    tick();
  }

  /** Stops the schedule, gives the remote_write queue up to graceMs, deletes the group if asked. */
  async close(graceMs = 5000): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const until = Date.now() + graceMs;
    try {
      await Promise.race([this.running, new Promise((r) => setTimeout(r, graceMs).unref())]);
      this.gatewayPush?.abort();
      await this.gatewayPushed; // so the DELETE below cannot overtake a PUT
      await this.remoteWrite?.close(Math.max(0, until - Date.now()));
      if (this.gateway && this.config.deleteOnExit) {
        await this.gateway.delete().catch((err: unknown) => this.opts.logger.error('could not delete the Pushgateway group', { err: (err as Error).message }));
      }
    } finally {
      this.sender.close();
    }
  }
}
