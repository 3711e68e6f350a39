import { ConfigError, type AcquireRequest, type Acquired, type ExporterRuntime, type Logger, type MetricSink } from '@scrapekit/exporter-kit';
import type { NodeRecord, OverviewRecord } from './api-types.js';
import type { Canary, CanaryResult } from './canary.js';
import { checkApiUrl, type ExporterOptions, type QueueListing } from './config.js';
import { createAgents, ManagementApi, type Agents } from './management-api.js';
import { mapCanaryResult } from './mapping/canary.js';
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
  /** Only on the metrics path: the canary checks the broker of --rabbitmq.amqp-url, not probe targets. */
  readonly canary?: Canary;
}

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
  readonly landingInfo: ReadonlyArray<readonly [string, string]>;
  private readonly agents: Agents;
  private readonly defaultApi: ManagementApi;
  /** internal_cluster_id per API base URL; null = not readable by this user (asked once). */
  private readonly clusterIds = new Map<string, string | null>();
  private coarseFallback = false;

  constructor(
    private readonly options: ExporterOptions,
    private readonly canary?: Canary,
  ) {
    this.agents = createAgents(options.tls);
    this.defaultApi = this.apiFor(checkApiUrl(options.url, '--rabbitmq.url'));
    this.landingInfo = [
      ['Management API', this.defaultApi.baseUrl.toString()],
      ['Node', options.node || '(the node answering the API)'],
      ['AMQP canary', canary ? 'enabled' : 'disabled (--rabbitmq.amqp-url)'],
      ['Probe', '/probe?target=<management API URL>&node=<node name>'],
    ];
  }

  private apiFor(url: URL): ManagementApi {
    const creds = credentialsOf(url, this.options);
    return new ManagementApi({ baseUrl: url.toString(), ...creds, pageSize: this.options.pageSize, agents: this.agents });
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
    if (req.probe) {
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
    try {
      [overview, nodes] = await Promise.all([api.overview(req.signal), api.nodes(req.signal, NODE_COLUMNS)]);
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
        canary,
      },
    };
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
