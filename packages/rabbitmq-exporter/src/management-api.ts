import http from 'node:http';
import https from 'node:https';
import { StringDecoder } from 'node:string_decoder';
import { JsonArraySplitter } from './json-array-stream.js';
import type { FeatureFlagRecord, NodeRecord, OverviewRecord, Page } from './api-types.js';

/** The API refuses page sizes above 500 (rabbit_mgmt_util MAX_PAGE_SIZE). */
export const MAX_PAGE_SIZE = 500;

/** Upper bound on one response body: a page of 500 queues is a few hundred KB; anything far larger is garbage. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface TlsOptions {
  readonly ca?: Buffer;
  readonly cert?: Buffer;
  readonly key?: Buffer;
  /** false = --rabbitmq.tls.insecure-skip-verify */
  readonly rejectUnauthorized: boolean;
}

export interface ManagementApiOptions {
  /** e.g. http://localhost:15672, or with a path prefix when the API sits behind a proxy. */
  readonly baseUrl: string;
  readonly username: string;
  readonly password: string;
  readonly tls?: TlsOptions;
  readonly pageSize?: number;
  /** Reused between clients so every probe target shares keep-alive sockets. */
  readonly agents?: Agents;
  /**
   * Where the credentials came from, named in the message of a 401 so the user knows what to
   * fix; default: the flags and their environment variables.
   */
  readonly credentialsFrom?: string;
}

export const CREDENTIALS_FROM_FLAGS =
  '--rabbitmq.user / --rabbitmq.password (or RABBIT_USER / RABBIT_PASSWORD, RABBITMQ_EXPORTER_RABBITMQ_USER / _PASSWORD)';

export interface Agents {
  readonly http: http.Agent;
  readonly https: https.Agent;
}

export function createAgents(tls?: TlsOptions): Agents {
  return {
    http: new http.Agent({ keepAlive: true, maxSockets: 4 }),
    https: new https.Agent({
      keepAlive: true,
      maxSockets: 4,
      ca: tls?.ca,
      cert: tls?.cert,
      key: tls?.key,
      rejectUnauthorized: tls?.rejectUnauthorized ?? true,
    }),
  };
}

/** Any failure talking to the API; `status` is set when the API answered with an HTTP error. */
export class ManagementApiError extends Error {
  override readonly name = 'ManagementApiError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export type Query = Record<string, string | number | boolean | undefined>;

/**
 * A typed client of the management HTTP API. List endpoints are read page by page
 * (`page_size` ≤ 500) with `columns=` projection, and each page is handed to the caller and
 * dropped before the next is requested, so memory stays bounded by one page of JSON whatever
 * the number of queues.
 */
export class ManagementApi {
  readonly baseUrl: URL;
  private readonly auth: string;
  private readonly agents: Agents;
  private readonly pageSize: number;
  private readonly credentialsFrom: string;

  constructor(options: ManagementApiOptions) {
    const base = new URL(options.baseUrl);
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    // Credentials in the URL would end up in error messages; they travel in the header only.
    base.username = '';
    base.password = '';
    this.baseUrl = base;
    this.auth = 'Basic ' + Buffer.from(`${options.username}:${options.password}`).toString('base64');
    this.agents = options.agents ?? createAgents(options.tls);
    this.pageSize = Math.min(Math.max(1, options.pageSize ?? MAX_PAGE_SIZE), MAX_PAGE_SIZE);
    this.credentialsFrom = options.credentialsFrom ?? CREDENTIALS_FROM_FLAGS;
  }

  overview(signal: AbortSignal): Promise<OverviewRecord> {
    return this.get<OverviewRecord>('api/overview', {
      columns:
        'cluster_name,node,rabbitmq_version,erlang_version,management_version,product_name,product_version,message_stats,object_totals,queue_totals',
    }, signal);
  }

  nodes(signal: AbortSignal, columns: readonly string[]): Promise<NodeRecord[]> {
    return this.get<NodeRecord[]>('api/nodes', { columns: columns.join(',') }, signal);
  }

  /** One node with its memory breakdown: the broker walks its processes for it, so it is costly. */
  nodeMemory(node: string, signal: AbortSignal): Promise<Pick<NodeRecord, 'name' | 'memory'>> {
    return this.get<NodeRecord>(`api/nodes/${encodeURIComponent(node)}`, { memory: true, columns: 'name,memory' }, signal);
  }

  /** Names of the enabled feature flags. */
  async enabledFeatureFlags(signal: AbortSignal): Promise<Set<string>> {
    const flags = await this.get<FeatureFlagRecord[]>('api/feature-flags', {}, signal);
    if (!Array.isArray(flags)) throw new ManagementApiError('GET /api/feature-flags: expected a list');
    return new Set(flags.filter((f) => f.state === 'enabled').map((f) => f.name));
  }

  /**
   * Yields the items of a paged list endpoint one page at a time. Pages are requested
   * sequentially: the broker answers one page at a time anyway, and sequential requests keep
   * at most one page in memory.
   */
  async *pages<T>(path: string, columns: readonly string[], signal: AbortSignal, extra: Query = {}): AsyncGenerator<T[]> {
    let page = 1;
    for (;;) {
      const body = await this.get<Page<T>>(path, { ...extra, page, page_size: this.pageSize, columns: columns.join(',') }, signal);
      if (!body || !Array.isArray(body.items)) {
        throw new ManagementApiError(`${path}: expected a paged answer with "items"`);
      }
      yield body.items;
      if (page >= (body.page_count ?? 0)) return;
      page++;
    }
  }

  /**
   * Yields the items of an unpaged list endpoint in batches of the page size, parsed while the
   * answer streams in. One request instead of N/500: the API's per-page cost grows with the
   * total number of objects, so for large lists this is several times faster, at the price of
   * one long request on the broker (which the API aborts after 60 s).
   */
  async *stream<T>(path: string, columns: readonly string[], signal: AbortSignal, extra: Query = {}): AsyncGenerator<T[]> {
    const url = this.url(path, { ...extra, columns: columns.join(',') });
    const res = await this.open(url, signal);
    if (res.statusCode !== 200) {
      res.resume();
      throw new ManagementApiError(`GET ${url.pathname}: HTTP ${res.statusCode}${this.hintFor(res.statusCode ?? 0)}`, res.statusCode);
    }
    const splitter = new JsonArraySplitter<T>();
    const decoder = new StringDecoder('utf8');
    const batch: T[] = [];
    try {
      for await (const chunk of res as AsyncIterable<Buffer>) {
        for (const item of splitter.push(decoder.write(chunk))) batch.push(item);
        while (batch.length >= this.pageSize) yield batch.splice(0, this.pageSize);
      }
      for (const item of splitter.push(decoder.end())) batch.push(item);
      splitter.end();
    } catch (err) {
      if (err instanceof SyntaxError) throw new ManagementApiError(`GET ${url.pathname}: ${err.message} in the answer`);
      throw toApiError(url, err, signal);
    } finally {
      res.destroy();
    }
    while (batch.length > 0) yield batch.splice(0, this.pageSize);
  }

  private url(path: string, query: Query): URL {
    const url = new URL(path, this.baseUrl);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    return url;
  }

  async get<T>(path: string, query: Query, signal: AbortSignal): Promise<T> {
    const url = this.url(path, query);
    const text = await this.request(url, signal);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ManagementApiError(`GET ${url.pathname}: the answer is not JSON (is --rabbitmq.url the management API?)`);
    }
  }

  /** Sends the GET and resolves with the response head; the body is the caller's to read. */
  private open(url: URL, signal: AbortSignal): Promise<http.IncomingMessage> {
    const isHttps = url.protocol === 'https:';
    const lib = isHttps ? https : http;
    return new Promise((resolve, reject) => {
      if (signal.aborted) {
        reject(new ManagementApiError(`GET ${url.pathname}: aborted at the scrape deadline`));
        return;
      }
      const req = lib.request(url, {
        method: 'GET',
        agent: isHttps ? this.agents.https : this.agents.http,
        headers: { authorization: this.auth, accept: 'application/json' },
        signal,
      }, resolve);
      req.on('error', (err) => reject(toApiError(url, err, signal)));
      req.end();
    });
  }

  private async request(url: URL, signal: AbortSignal): Promise<string> {
    const res = await this.open(url, signal);
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of res as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) throw new ManagementApiError(`GET ${url.pathname}: answer larger than ${MAX_BODY_BYTES} bytes`);
        chunks.push(chunk);
      }
    } catch (err) {
      res.destroy();
      throw toApiError(url, err, signal);
    }
    const status = res.statusCode ?? 0;
    if (status !== 200) throw new ManagementApiError(`GET ${url.pathname}: HTTP ${status}${this.hintFor(status)}`, status);
    return Buffer.concat(chunks).toString('utf8');
  }

  private hintFor(status: number): string {
    if (status === 401) return ` (the API refused the credentials: check ${this.credentialsFrom})`;
    if (status === 403) return ' (the user needs the "monitoring" tag)';
    if (status === 404) return ' (is the management plugin enabled and the API URL right?)';
    return '';
  }
}

function toApiError(url: URL, err: unknown, signal: AbortSignal): ManagementApiError {
  if (err instanceof ManagementApiError) return err;
  if (signal.aborted) return new ManagementApiError(`GET ${url.pathname}: aborted at the scrape deadline`);
  const msg = err instanceof Error ? err.message : String(err);
  return new ManagementApiError(`GET ${url.origin}${url.pathname}: ${msg}`);
}
