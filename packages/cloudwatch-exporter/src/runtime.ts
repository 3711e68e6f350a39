import type { AcquireRequest, Acquired, ExporterRuntime, Logger } from '@scrapekit/exporter-kit';
import { ConfigError } from '@scrapekit/exporter-kit';
import pLimit, { type LimitFunction } from 'p-limit';
import { ScopeApi } from './aws/api.js';
import { type BackoffClock, DEFAULT_BACKOFF, realClock } from './aws/backoff.js';
import { createScopeClients, resolveRegion, type ScopeClients } from './aws/clients.js';
import { type Collection, runCollection } from './collection.js';
import { loadConfigFile } from './config/load.js';
import { DecoupledSchedule } from './decoupled.js';
import { DimensionDiscovery } from './discovery.js';
import type { ExporterOptions } from './flags.js';
import { scopeKey } from './planner.js';
import type { AwsScope, ExporterConfig } from './rules.js';
import { ApiUsage } from './usage.js';

/** What the collector reads on each scrape. */
export interface CloudWatchTarget {
  readonly config: ExporterConfig;
  readonly usage: ApiUsage;
  /** This scrape's collection: a fresh one, or the decoupled schedule's last. */
  collection(signal: AbortSignal): Promise<Collection>;
}

interface Scope {
  readonly clients: ScopeClients;
  readonly api: ScopeApi;
}

/**
 * The exporter's state between scrapes: the active config, one set of SDK clients per scope
 * (region, role), the discovery caches, the API usage counters and, in decoupled mode, the
 * schedule. Reload swaps the config only when the new file is valid.
 */
export class CloudWatchRuntime implements ExporterRuntime<CloudWatchTarget> {
  private config: ExporterConfig;
  private readonly scopes = new Map<string, Promise<Scope>>();
  private readonly usage = new ApiUsage();
  private readonly discovery = new DimensionDiscovery();
  private readonly limit: LimitFunction;
  private readonly schedule: DecoupledSchedule<Collection> | undefined;

  readonly landingInfo: ReadonlyArray<readonly [string, string]>;

  private constructor(
    config: ExporterConfig,
    private readonly options: ExporterOptions,
    private readonly logger: Logger,
    private readonly clock: BackoffClock,
  ) {
    this.config = config;
    this.limit = pLimit(options.concurrency);
    this.landingInfo = [
      ['Config file', options.configFile],
      ['Collection', options.scrapeIntervalMs ? `every ${options.scrapeIntervalMs / 1000}s (decoupled)` : 'on each scrape'],
    ];
    this.schedule = options.scrapeIntervalMs
      ? new DecoupledSchedule(options.scrapeIntervalMs, (nowMs, signal) => this.collect(nowMs, signal), logger)
      : undefined;
  }

  static async create(options: ExporterOptions, logger: Logger, clock: BackoffClock = realClock): Promise<CloudWatchRuntime> {
    const config = loadConfigFile(options.configFile, options.configFormat);
    const runtime = new CloudWatchRuntime(config, options, logger, clock);
    try {
      await runtime.checkRegions(config);
    } catch (err) {
      runtime.destroyScopes();
      throw err;
    }
    runtime.schedule?.start();
    logger.info('Loaded configuration', { file: options.configFile, format: config.flavor, rules: config.rules.length });
    return runtime;
  }

  /** A missing region is a start-up error (the SDK would only fail at the first call). */
  private async checkRegions(config: ExporterConfig): Promise<void> {
    for (const rule of config.rules) {
      const region = await resolveRegion((await this.scope(rule.scope)).clients.cloudwatch);
      if (!region) {
        throw new ConfigError(`${config.file}: no AWS region: set "region" in the config file or the AWS_REGION environment variable`);
      }
    }
  }

  private scope(scope: AwsScope): Promise<Scope> {
    const key = scopeKey(scope);
    let s = this.scopes.get(key);
    if (!s) {
      s = createScopeClients(scope).then((clients) => ({
        clients,
        api: new ScopeApi(clients, {
          limit: this.limit,
          backoff: { ...DEFAULT_BACKOFF, maxAttempts: this.options.maxAttempts },
          clock: this.clock,
          usage: this.usage,
          logger: this.logger,
        }),
      }));
      this.scopes.set(key, s);
    }
    return s;
  }

  private collect(nowMs: number, signal: AbortSignal): Promise<Collection> {
    return runCollection({
      rules: this.config.rules,
      apiFor: async (scope) => (await this.scope(scope)).api,
      discovery: this.discovery,
      logger: this.logger,
      signal,
      nowMs,
    });
  }

  async acquire(_req: AcquireRequest): Promise<Acquired<CloudWatchTarget>> {
    const config = this.config;
    const schedule = this.schedule;
    return {
      ok: true,
      target: {
        config,
        usage: this.usage,
        collection: (signal) => (schedule ? schedule.latest() : this.collect(Date.now(), signal)),
      },
    };
  }

  /**
   * Re-reads the config file (the kit calls this for POST /-/reload and SIGHUP): a bad one throws
   * its reason and the old config keeps serving.
   */
  async reload(): Promise<void> {
    const next = loadConfigFile(this.options.configFile, this.options.configFormat);
    await this.checkRegions(next);
    this.config = next;
    this.discovery.clear();
    this.schedule?.refresh();
    this.logger.info('Loaded configuration', { file: this.options.configFile, format: next.flavor, rules: next.rules.length });
  }

  private destroyScopes(): void {
    for (const s of this.scopes.values()) void s.then((scope) => scope.clients.destroy());
    this.scopes.clear();
  }

  async close(): Promise<void> {
    this.schedule?.stop();
    this.destroyScopes();
  }
}
