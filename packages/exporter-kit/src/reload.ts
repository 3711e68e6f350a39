import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from './logger.js';
import type { MetricFamily } from './metrics.js';
import { MetricSink } from './metrics.js';

export type ReloadTrigger = 'POST /-/reload' | 'SIGHUP';

/**
 * The one way an exporter's configuration is reloaded (ExporterRuntime.reload): `POST /-/reload`
 * and SIGHUP, as cloudwatch_exporter, mysqld_exporter 0.15 and Prometheus itself take them.
 * Reloads run one at a time; a failed one leaves the old configuration serving, is logged, and
 * is answered with its reason. `<prefix>_config_last_reload_successful` and
 * `<prefix>_config_last_reload_success_timestamp_seconds` (Prometheus' own names for the same
 * facts) let an alert catch a config that no longer loads before the next restart does.
 */
export class ConfigReloader {
  private queue: Promise<unknown> = Promise.resolve();
  private lastSuccessful = true;
  private lastSuccessSeconds: number;
  private readonly onSighup = (): void => {
    void this.reload('SIGHUP');
  };

  constructor(
    private readonly apply: () => Promise<void>,
    private readonly metricPrefix: string,
    private readonly logger: Logger,
    nowMs: number = Date.now(),
  ) {
    // The configuration read at start-up counts as the first successful load.
    this.lastSuccessSeconds = nowMs / 1000;
  }

  /** Applies the configuration again; resolves to the failure's reason, or undefined on success. */
  reload(trigger: ReloadTrigger): Promise<string | undefined> {
    const run = this.queue.then(async () => {
      try {
        await this.apply();
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        this.lastSuccessful = false;
        this.logger.error('Reloading the configuration failed; the previous one stays active', { trigger, err: reason });
        return reason;
      }
      this.lastSuccessful = true;
      this.lastSuccessSeconds = Date.now() / 1000;
      this.logger.info('Reloaded configuration', { trigger });
      return undefined;
    });
    this.queue = run;
    return run;
  }

  /** The `POST /-/reload` handler: 200 `OK`, or 500 with the reason. */
  readonly handle = async (_req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const failure = await this.reload('POST /-/reload');
    res.writeHead(failure === undefined ? 200 : 500, { 'Content-Type': 'text/plain; charset=utf-8' })
      .end(failure === undefined ? 'OK\n' : `Reloading the configuration failed: ${failure}\n`);
  };

  listenForSighup(): void {
    process.on('SIGHUP', this.onSighup);
  }

  stopListening(): void {
    process.off('SIGHUP', this.onSighup);
  }

  metrics(): MetricFamily[] {
    return new MetricSink()
      .gauge(`${this.metricPrefix}_config_last_reload_successful`, 'Whether the last configuration reload attempt was successful.', this.lastSuccessful ? 1 : 0)
      .gauge(`${this.metricPrefix}_config_last_reload_success_timestamp_seconds`, 'Timestamp of the last successful configuration reload.', this.lastSuccessSeconds)
      .toFamilies();
  }
}
