import { readFileSync } from 'node:fs';
import { ConfigError, numberFlag, regexFlag, type FlagSpec, type FlagValues } from '@scrapekit/exporter-kit';
import { MAX_PAGE_SIZE, type TlsOptions } from './management-api.js';
import type { QueueDetail, QueueFilter } from './mapping/queue.js';

/** The exporter's own flags; the kit adds env vars (RABBITMQ_EXPORTER_<FLAG>) and --help. */
export const FLAGS: readonly FlagSpec[] = [
  { name: 'rabbitmq.url', default: 'http://localhost:15672', placeholder: '<url>', envAliases: ['RABBIT_URL'],
    description: 'Base URL of the RabbitMQ management HTTP API (http:// or https://).' },
  { name: 'rabbitmq.user', default: 'guest', placeholder: '<user>', envAliases: ['RABBIT_USER'],
    description: 'Management API user; it needs the "monitoring" tag.' },
  { name: 'rabbitmq.password', default: 'guest', placeholder: '<password>', secret: true, envAliases: ['RABBIT_PASSWORD'],
    description: 'Password of --rabbitmq.user (prefer the environment variable to the command line).' },
  { name: 'rabbitmq.node', default: '', placeholder: '<node>',
    description: 'Node this exporter reports on, e.g. rabbit@host1; empty: the node that answers the API. /probe takes node=… instead.' },
  { name: 'rabbitmq.tls.ca-file', default: '', placeholder: '<file>', description: 'PEM CA bundle to verify the API\'s certificate.' },
  { name: 'rabbitmq.tls.cert-file', default: '', placeholder: '<file>', description: 'PEM client certificate for the API.' },
  { name: 'rabbitmq.tls.key-file', default: '', placeholder: '<file>', description: 'PEM key of --rabbitmq.tls.cert-file.' },
  { name: 'rabbitmq.tls.insecure-skip-verify', kind: 'boolean', default: false,
    description: 'Do not verify the API\'s certificate (testing only).' },
  { name: 'rabbitmq.include-vhost', kind: 'regex', default: '', envAliases: ['INCLUDE_VHOST'],
    description: 'Only export per-queue metrics of vhosts matching this regex (Go RE2 syntax, unanchored).' },
  { name: 'rabbitmq.exclude-vhost', kind: 'regex', default: '', envAliases: ['SKIP_VHOST'],
    description: 'Skip per-queue metrics of vhosts matching this regex (unanchored).' },
  { name: 'rabbitmq.include-queue', kind: 'regex', default: '', envAliases: ['INCLUDE_QUEUES'],
    description: 'Only export per-queue metrics of queues whose name matches this regex (unanchored).' },
  { name: 'rabbitmq.exclude-queue', kind: 'regex', default: '', envAliases: ['SKIP_QUEUES'],
    description: 'Skip per-queue metrics of queues whose name matches this regex (unanchored), e.g. ^amq\\.gen-' },
  { name: 'rabbitmq.queue-metrics', kind: 'enum', default: 'full', choices: ['full', 'coarse'], placeholder: '<set>',
    description: 'Per-queue families: full (every per-object family the API can source) or coarse (messages, ready, unacked, consumers).' },
  { name: 'rabbitmq.full-queue-metrics-limit', kind: 'number', default: 20000, placeholder: '<n>',
    description: 'Above this many queues in the cluster, per-queue families fall back to coarse (bounds series count and memory); 0 = no limit.' },
  { name: 'rabbitmq.queue-listing', kind: 'enum', default: 'paged', choices: ['paged', 'stream'], placeholder: '<how>',
    description: 'paged: /api/queues page by page; stream: one unpaged request parsed item by item (faster for 1k-20k queues, one long broker request).' },
  { name: 'rabbitmq.page-size', kind: 'number', default: MAX_PAGE_SIZE, placeholder: '<n>',
    description: `Items per management API page (1–${MAX_PAGE_SIZE}).` },
  { name: 'rabbitmq.amqp-url', default: '', placeholder: '<url>', secret: true,
    description: 'AMQP URL for the publish/consume canary, e.g. amqp://user:pass@localhost:5672/%2F; empty disables the canary.' },
  { name: 'rabbitmq.canary-timeout', kind: 'duration', default: '5s',
    description: 'Longest the canary waits for its message before reporting failure (capped by the scrape deadline).' },
  { name: 'rabbitmq.identity-endpoint', default: '', placeholder: '<value>',
    description: 'Adds rabbitmq_endpoint="<value>" to rabbitmq_identity_info, as RabbitMQ 4.1+ plugins do (their dashboards filter on it, e.g. aggregated); empty: no label, as 3.x.' },
  { name: 'probe.allowed-targets', kind: 'regex', anchor: 'full', default: '',
    description: 'Anchored regex a /probe target URL must match (the API credentials are sent to it); empty allows any http(s) URL.' },
];

export type QueueListing = 'paged' | 'stream';

export interface ExporterOptions {
  readonly url: string;
  readonly user: string;
  readonly password: string;
  readonly node: string;
  readonly tls: TlsOptions;
  readonly filter: QueueFilter;
  readonly queueDetail: QueueDetail;
  readonly fullQueueMetricsLimit: number;
  readonly queueListing: QueueListing;
  readonly endpointLabel: string;
  readonly pageSize: number;
  readonly amqpUrl: string;
  readonly canaryTimeoutMs: number;
  readonly allowedTargets?: RegExp;
}

function str(flags: FlagValues, name: string): string {
  const v = flags[name];
  return typeof v === 'string' ? v : v === undefined ? '' : String(v);
}

function readPem(flags: FlagValues, name: string): Buffer | undefined {
  const file = str(flags, name);
  if (file === '') return undefined;
  try {
    return readFileSync(file);
  } catch (err) {
    throw new ConfigError(`--${name}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}); give a readable PEM file`);
  }
}

/** Validates an API base URL; `what` names the flag or parameter in the message. */
export function checkApiUrl(raw: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${what}: ${JSON.stringify(raw)} is not a URL; use e.g. http://localhost:15672`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${what}: scheme ${url.protocol} is not supported; use http:// or https://`);
  }
  return url;
}

export function parseOptions(flags: FlagValues): ExporterOptions {
  const url = str(flags, 'rabbitmq.url');
  checkApiUrl(url, '--rabbitmq.url');
  const pageSize = Number(flags['rabbitmq.page-size'] ?? MAX_PAGE_SIZE);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new ConfigError(`--rabbitmq.page-size: ${pageSize} is out of range; use 1 to ${MAX_PAGE_SIZE}`);
  }
  const fullLimit = Number(flags['rabbitmq.full-queue-metrics-limit'] ?? 20000);
  if (!Number.isInteger(fullLimit) || fullLimit < 0) {
    throw new ConfigError(`--rabbitmq.full-queue-metrics-limit: ${fullLimit} is not a whole number >= 0`);
  }
  const amqpUrl = str(flags, 'rabbitmq.amqp-url');
  if (amqpUrl !== '' && !/^amqps?:\/\//.test(amqpUrl)) {
    throw new ConfigError('--rabbitmq.amqp-url: use an amqp:// or amqps:// URL');
  }
  const cert = readPem(flags, 'rabbitmq.tls.cert-file');
  const key = readPem(flags, 'rabbitmq.tls.key-file');
  if ((cert === undefined) !== (key === undefined)) {
    throw new ConfigError('--rabbitmq.tls.cert-file and --rabbitmq.tls.key-file: give both or neither');
  }
  // Enum flags: the kit has checked the choices.
  const detail = (str(flags, 'rabbitmq.queue-metrics') || 'full') as QueueDetail;
  const listing = (str(flags, 'rabbitmq.queue-listing') || 'paged') as QueueListing;
  return {
    url,
    queueListing: listing,
    endpointLabel: str(flags, 'rabbitmq.identity-endpoint'),
    user: str(flags, 'rabbitmq.user'),
    password: str(flags, 'rabbitmq.password'),
    node: str(flags, 'rabbitmq.node'),
    tls: {
      ca: readPem(flags, 'rabbitmq.tls.ca-file'),
      cert,
      key,
      rejectUnauthorized: flags['rabbitmq.tls.insecure-skip-verify'] !== true,
    },
    filter: {
      includeVhost: regexFlag(flags, 'rabbitmq.include-vhost'),
      excludeVhost: regexFlag(flags, 'rabbitmq.exclude-vhost'),
      includeQueue: regexFlag(flags, 'rabbitmq.include-queue'),
      excludeQueue: regexFlag(flags, 'rabbitmq.exclude-queue'),
    },
    queueDetail: detail,
    fullQueueMetricsLimit: fullLimit,
    pageSize,
    amqpUrl,
    canaryTimeoutMs: numberFlag(flags, 'rabbitmq.canary-timeout') ?? 5000,
    allowedTargets: regexFlag(flags, 'probe.allowed-targets'),
  };
}
