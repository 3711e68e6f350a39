import { BadRequestError, ConfigError, type AcquireRequest, type Acquired, type ExporterRuntime, type Logger, type MetricSink } from '@scrapekit/exporter-kit';
import type { MemoryBreakdown, NodeRecord, OverviewRecord } from './api-types.js';
import type { Canary, CanaryResult } from './canary.js';
import { checkApiUrl, type ExporterOptions, type QueueListing } from './config.js';
import { endpointFromParams, type Endpoint } from './endpoint.js';
import { createAgents, ManagementApi, type Agents } from './management-api.js';
import { mapCanaryResult, type CanaryObjects } from './mapping/canary.js';
import { MemoryBreakdownCache } from './memory-breakdown.js';
import { MonotonicTotal } from './monotonic.js';
import { NODE_COLUMNS } from './mapping/node.js';
import type { QueueDetail, QueueFilter } from './mapping/queue.js';

/** What every collector gets for one scrape: the API, and the node the scrape is scoped to. */
export interface RabbitTarget {
  readonly api: ManagementApi;
  readonly overview: OverviewRecord;
  /** The selected node's /api/nodes record. */
  readonly node: NodeRecord;
  readonly runningNodes: readonly string[];
  readonly clusterId?: string;
  readonly filter: QueueFilter;
  readonly queueDetail: QueueDetail;
  readonly queueListing: QueueListing;
  readonly endpointLabel?: string;
  /** Which of the plugin's endpoints this scrape serves. */
  readonly endpoint: Endpoint;
  /** Enabled broker feature flags; undefined when they could not be read. */
  readonly featureFlags?: ReadonlySet<string>;
  /** Counters the exporter keeps across scrapes for this API (one cluster). */
  readonly totals: ClusterTotals;
  /** The node's memory breakdown from the cache (undefined while none was read, or disabled). */
  memory(signal: AbortSignal, logger: Logger): Promise<MemoryBreakdown | undefined>;
  /** Only on the metrics path: the canary checks the broker of --rabbitmq.amqp-url, not probe targets. */
  readonly canary?: Canary;
  /** The canary's broker objects, left out of every family. */
  readonly canaryObjects?: CanaryObjects;
}

/** Running totals of one cluster, kept by the exporter (see MonotonicTotal). */
export interface ClusterTotals {
  readonly routed: MonotonicTotal;
  readonly receivedConfirm: MonotonicTotal;
}

/** Feature flags are re-read at most this often (they change only when an operator enables one). */
const FEATURE_FLAGS_TTL_MS = 60_000;

const UP_HELP = 'Whether the management API answered and the selected node is running (1) or not (0)';

function writeUp(out: MetricSink, up: boolean): void {
  out.gauge('rabbitmq_up', UP_HELP, up ? 1 : 0);
}

/** Credentials in a target URL (http://user:pass@host:15672) override the flags for that target. */
function credentialsOf(url: URL, options: ExporterOptions): { username: string; password: string } {
  if (url.username === '') return { username: options.user, password: options.password };
  return { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
}

export class RabbitRuntime implements ExporterRuntime<RabbitTarget> {
  readonly probe = true;
  /** The plugin's other two endpoints as paths: /metrics/per-object and /metrics/detailed?family=…&vhost=…. */
  readonly metricsVariants = ['per-object', 'detailed'];
  readonly landingInfo: ReadonlyArray<readonly [string, string]>;
  private readonly agents: Agents;
  private readonly defaultApi: ManagementApi;
  /** internal_cluster_id per API base URL; null = not readable by this user (asked once). */
  private readonly clusterIds = new Map<string, string | null>();
  private coarseFallback = false;
  /** Per API base URL (bounded like clusterIds). */
  private readonly totals = new Map<string, ClusterTotals>();
  private readonly featureFlags = new Map<string, { flags?: ReadonlySet<string>; at: number }>();
  private readonly memoryCache: MemoryBreakdownCache;

  constructor(
    private readonly options: ExporterOptions,
    private readonly canary?: Canary,
  ) {
    this.agents = createAgents(options.tls);
    this.memoryCache = new MemoryBreakdownCache(options.memoryBreakdownIntervalMs);
    this.defaultApi = this.apiFor(checkApiUrl(options.url, '--rabbitmq.url'));
    this.landingInfo = [
      ['Management API', this.defaultApi.baseUrl.toString()],
      ['Node', options.node || '(the node answering the API)'],
      ['AMQP canary', canary ? 'enabled' : 'disabled (--rabbitmq.amqp-url)'],
      ['Plugin endpoints', '/metrics/per-object, /metrics/detailed?family=<plugin family>[&vhost=<vhost>]'],
      ['Probe', '/probe?target=<management API URL>&node=<node name>[&endpoint=per-object | &family=<plugin family>&vhost=<vhost>]'],
      ['Metrics path serves', options.defaultEndpoint.kind],
    ];
  }

  private apiFor(url: URL): ManagementApi {
    const creds = credentialsOf(url, this.options);
    const credentialsFrom = url.username === '' ? undefined : 'the user:password in the target URL';
    return new ManagementApi({ baseUrl: url.toString(), ...creds, pageSize: this.options.pageSize, agents: this.agents, credentialsFrom });
  }

  /** Resolves /probe parameters into an API client and a node name; a bad request is reported as up 0. */
  private probeTarget(params: URLSearchParams, logger: Logger): { api: ManagementApi; node: string } | undefined {
    const given = params.get('target') ?? '';
    // Like blackbox/mysqld_exporter targets, a bare host:port is accepted (as http).
    const raw = given !== '' && !given.includes('://') ? `http://${given}` : given;
    try {
      const url = checkApiUrl(raw, 'probe target');
      const shown = `${url.protocol}//${url.host}${url.pathname}`;
      if (this.options.allowedTargets && !this.options.allowedTargets.test(shown)) {
        logger.warn('probe target not allowed by --probe.allowed-targets', { target: shown });
        return undefined;
      }
      return { api: this.apiFor(url), node: params.get('node') ?? '' };
    } catch (err) {
      logger.warn('bad probe target', { err: err instanceof ConfigError ? err.message : String(err) });
      return undefined;
    }
  }

  async acquire(req: AcquireRequest): Promise<Acquired<RabbitTarget>> {
    let api = this.defaultApi;
    let wanted = this.options.node;
    let canary = this.canary;
    let endpoint = this.options.defaultEndpoint;
    if (req.variant) {
      const params = new URLSearchParams(req.variant.params);
      params.set('endpoint', req.variant.name);
      const asked = endpointFromParams(params, endpoint);
      if (typeof asked === 'string') throw new BadRequestError(`${req.variant.name}: ${asked}`);
      endpoint = asked;
    }
    if (req.probe) {
      const asked = endpointFromParams(req.probe, endpoint);
      if (typeof asked === 'string') throw new BadRequestError(asked);
      endpoint = asked;
      const t = this.probeTarget(req.probe, req.logger);
      if (!t) {
        writeUp(req.out, false);
        return { ok: false };
      }
      ({ api, node: wanted } = t);
      canary = undefined;
    }
    let overview: OverviewRecord;
    let nodes: NodeRecord[];
    let featureFlags: ReadonlySet<string> | undefined;
    try {
      [overview, nodes, featureFlags] = await Promise.all([
        api.overview(req.signal), api.nodes(req.signal, NODE_COLUMNS), this.featureFlagsOf(api, req.signal, req.logger),
      ]);
      // JSON that is not the management API's (another service on the port, a proxy's page).
      if (overview === null || typeof overview !== 'object' || !Array.isArray(nodes)) {
        throw new Error('the answers are not /api/overview and /api/nodes of a RabbitMQ management API');
      }
    } catch (err) {
      req.logger.warn('management API unreachable', { url: api.baseUrl.toString(), err: (err as Error).message });
      return this.down(req, canary);
    }
    const name = wanted || overview.node || '';
    const node = nodes.find((n) => n.name === name);
    if (!node) {
      req.logger.error('node is not a member of the cluster', { node: name, members: nodes.map((n) => n.name).join(',') });
      return this.down(req, canary);
    }
    if (node.running === false) {
      req.logger.warn('selected node is not running', { node: name });
      return this.down(req, canary);
    }
    writeUp(req.out, true);
    return {
      ok: true,
      target: {
        api,
        overview,
        node,
        runningNodes: nodes.filter((n) => n.running !== false).map((n) => n.name),
        clusterId: await this.clusterId(api, req.signal),
        filter: this.options.filter,
        queueDetail: this.queueDetail(overview, req.logger),
        queueListing: this.options.queueListing,
        endpointLabel: this.options.endpointLabel || undefined,
        endpoint,
        featureFlags,
        totals: this.totalsOf(api),
        memory: (signal, logger) =>
          this.options.memoryBreakdownIntervalMs > 0 ? this.memoryCache.get(api, node.name, signal, logger) : Promise.resolve(undefined),
        canary,
        // Read when a collector asks: the canary may connect during this very scrape.
        get canaryObjects() {
          return canary?.objects();
        },
      },
    };
  }

  private totalsOf(api: ManagementApi): ClusterTotals {
    const key = api.baseUrl.toString();
    let t = this.totals.get(key);
    if (!t) {
      if (this.totals.size >= 256) this.totals.clear();
      t = { routed: new MonotonicTotal(), receivedConfirm: new MonotonicTotal() };
      this.totals.set(key, t);
    }
    return t;
  }

  /** Enabled feature flags, cached; undefined (and the gated series left out) when unreadable. */
  private async featureFlagsOf(api: ManagementApi, signal: AbortSignal, logger: Logger): Promise<ReadonlySet<string> | undefined> {
    const key = api.baseUrl.toString();
    const cached = this.featureFlags.get(key);
    if (cached && Date.now() - cached.at < FEATURE_FLAGS_TTL_MS) return cached.flags;
    let flags: ReadonlySet<string> | undefined;
    try {
      flags = await api.enabledFeatureFlags(signal);
    } catch (err) {
      if (signal.aborted) return cached?.flags;
      logger.warn('cannot read the broker\'s feature flags: the flag-gated counters are left out', { err: (err as Error).message });
    }
    if (this.featureFlags.size >= 256) this.featureFlags.clear();
    this.featureFlags.set(key, { flags, at: Date.now() });
    return flags;
  }

  /**
   * up 0; and when the management API is the part that is down, AMQP may still work (or be the
   * reason): the canary still runs, bounded by the scrape deadline.
   */
  private async down(req: AcquireRequest, canary: Canary | undefined): Promise<Acquired<RabbitTarget>> {
    writeUp(req.out, false);
    if (canary && !req.signal.aborted) {
      const deadline = new Promise<CanaryResult>((resolve) => {
        req.signal.addEventListener('abort', () => resolve({ success: false, error: 'scrape deadline' }), { once: true });
      });
      const r = await Promise.race([canary.check(Date.now() + this.options.canaryTimeoutMs), deadline]);
      if (r.error) req.logger.warn('canary failed', { err: r.error });
      mapCanaryResult(r, req.out);
    }
    return { ok: false };
  }

  /**
   * Full per-queue detail is ~23 series per queue: at tens of thousands of queues that is more
   * than Prometheus or this process should hold per scrape, so above the limit only the depth
   * families are kept.
   */
  private queueDetail(overview: OverviewRecord, logger: Logger): QueueDetail {
    const limit = this.options.fullQueueMetricsLimit;
    const total = overview.object_totals?.queues ?? 0;
    const over = this.options.queueDetail === 'full' && limit > 0 && total > limit;
    if (over !== this.coarseFallback) {
      this.coarseFallback = over;
      if (over) logger.warn('many queues: exporting coarse per-queue metrics only', { queues: total, limit });
      else logger.info('queue count back under the limit: full per-queue metrics again', { queues: total, limit });
    }
    return over ? 'coarse' : this.options.queueDetail;
  }

  private async clusterId(api: ManagementApi, signal: AbortSignal): Promise<string | undefined> {
    const key = api.baseUrl.toString();
    const known = this.clusterIds.get(key);
    if (known !== undefined) return known ?? undefined;
    try {
      const p = await api.get<{ value?: unknown }>('api/global-parameters/internal_cluster_id', {}, signal);
      const id = typeof p.value === 'string' ? p.value : null;
      this.remember(key, id);
      return id ?? undefined;
    } catch (err) {
      // Monitoring users may not read global parameters: the label is then left out for good.
      // Other failures (timeouts) are retried on the next scrape.
      const status = (err as { status?: number }).status;
      if (status === 401 || status === 403 || status === 404) this.remember(key, null);
      return undefined;
    }
  }

  /** Probe targets are arbitrary URLs: keep the cache bounded. */
  private remember(key: string, id: string | null): void {
    if (this.clusterIds.size >= 256) this.clusterIds.clear();
    this.clusterIds.set(key, id);
  }

  async close(): Promise<void> {
    await this.canary?.close();
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
}
