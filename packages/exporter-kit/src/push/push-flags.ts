import { hostname } from 'node:os';
import { booleanFlag, listFlag, numberFlag, stringFlag } from '../flags/values.js';
import { isValidLabelName } from '../metrics.js';
import type { FlagSpec, FlagValues } from '../spec.js';
import { ConfigError } from '../spec.js';
import type { HttpClientOptions } from './http-sender.js';

/** Push mode's flags, shared by every exporter. Names follow Prometheus's remote_write config keys. */
export function pushFlags(exporterName: string): FlagSpec[] {
  return [
    { name: 'push.gateway-url', default: '', placeholder: '<url>',
      description: 'Push every collection to this Prometheus Pushgateway (PUT: replaces the group), e.g. http://pushgateway:9091.' },
    { name: 'push.remote-write-url', default: '', placeholder: '<url>',
      description: 'Send every collection with Prometheus remote_write 1.0 to this URL (Prometheus /api/v1/write, Mimir, Thanos Receive, Cortex, VictoriaMetrics).' },
    { name: 'push.job', default: exporterName, placeholder: '<name>', description: 'The job label of pushed metrics.' },
    { name: 'push.grouping', kind: 'list', default: [], placeholder: '<label=value>',
      description: 'Another grouping label of pushed metrics (the Pushgateway group, extra labels in remote_write); repeatable. instance defaults to the host name; instance= leaves it empty.' },
    { name: 'push.interval', kind: 'duration', default: '15s', description: 'How often a long-running exporter collects and pushes.' },
    { name: 'push.once', kind: 'boolean', default: false,
      description: 'Collect once, push, and exit: 0 when every push succeeded, 1 with a one-line reason otherwise (serverless, cron, CI). Nothing listens.' },
    { name: 'push.delete-on-exit', kind: 'boolean', default: false,
      description: 'On a clean shutdown, delete the group from the Pushgateway so no stale metrics stay behind.' },
    { name: 'push.timeout', kind: 'duration', default: '10s', description: 'Timeout of one push request.' },
    { name: 'push.give-up-after', kind: 'duration', default: '1m',
      description: 'How long a push is retried (5xx, 429, connection errors) before its samples count as failed; with --push.once, how long the exporter tries.' },
    { name: 'push.queue.capacity', kind: 'number', default: 50_000, placeholder: '<samples>',
      description: 'remote_write: most samples waiting to be sent; beyond it the oldest are dropped and counted.' },
    { name: 'push.max-samples-per-send', kind: 'number', default: 2000, placeholder: '<samples>', description: 'remote_write: most samples in one request.' },
    { name: 'push.basic-auth.username', default: '', placeholder: '<user>', description: 'Basic auth user for the push targets.' },
    { name: 'push.basic-auth.password-file', default: '', placeholder: '<file>', description: 'File holding the basic auth password; read again when it changes.' },
    { name: 'push.bearer-token-file', default: '', placeholder: '<file>',
      description: 'File holding a bearer token sent as "Authorization: Bearer"; read again when it changes.' },
    { name: 'push.tls.ca-file', default: '', placeholder: '<file>', description: 'CA certificate(s) to verify the push target with.' },
    { name: 'push.tls.cert-file', default: '', placeholder: '<file>', description: 'Client certificate for the push target (with --push.tls.key-file).' },
    { name: 'push.tls.key-file', default: '', placeholder: '<file>', description: 'Client key for the push target (with --push.tls.cert-file).' },
    { name: 'push.tls.server-name', default: '', placeholder: '<name>', description: 'Server name to verify the push target\'s certificate against (SNI).' },
    { name: 'push.tls.insecure-skip-verify', kind: 'boolean', default: false, description: 'Do not verify the push target\'s certificate.' },
    { name: 'push.header', kind: 'list', default: [], placeholder: '<"Name: value">',
      description: 'Extra HTTP header on every push request, e.g. "X-Scope-OrgID: team-a"; repeatable.' },
    { name: 'web.disable-listen', kind: 'boolean', default: false,
      description: 'Serve nothing: only push (needs --push.gateway-url or --push.remote-write-url).' },
  ];
}

export type PushSchedule = { readonly kind: 'once' } | { readonly kind: 'interval'; readonly intervalMs: number };

export interface PushConfig {
  readonly gatewayUrl?: URL;
  readonly remoteWriteUrl?: URL;
  readonly job: string;
  /** Grouping labels after job, in the order given (instance first unless set explicitly). */
  readonly grouping: ReadonlyArray<readonly [name: string, value: string]>;
  readonly schedule: PushSchedule;
  readonly listen: boolean;
  readonly deleteOnExit: boolean;
  readonly requestTimeoutMs: number;
  readonly giveUpAfterMs: number;
  readonly queueCapacity: number;
  readonly maxSamplesPerSend: number;
  readonly http: HttpClientOptions;
}

const str = (flags: FlagValues, name: string): string => stringFlag(flags, name).trim();
const list = listFlag;

/** A 'duration' flag (parsed by the kit into milliseconds) that must be positive. */
function durationMs(flags: FlagValues, name: string): number {
  const ms = numberFlag(flags, name) ?? 0;
  if (ms <= 0) throw new ConfigError(`--${name}: must be longer than 0, e.g. 15s`);
  return ms;
}

function pushUrl(flag: string, text: string): URL | undefined {
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`--${flag}: ${JSON.stringify(text)} is not a URL; use e.g. http://host:port/path`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`--${flag}: scheme ${url.protocol.replace(/:$/, '')} is not supported; use http:// or https://`);
  }
  if (url.username || url.password) {
    throw new ConfigError(`--${flag}: credentials in the URL would show in logs; use --push.basic-auth.username and --push.basic-auth.password-file`);
  }
  return url;
}

function grouping(flags: FlagValues): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const entry of list(flags, 'push.grouping')) {
    const eq = entry.indexOf('=');
    const name = eq < 0 ? '' : entry.slice(0, eq).trim();
    if (eq < 0 || !isValidLabelName(name)) {
      throw new ConfigError(`--push.grouping: ${JSON.stringify(entry)} is not label=value with a valid label name, e.g. --push.grouping env=prod`);
    }
    if (name === 'job') throw new ConfigError('--push.grouping: set the job label with --push.job');
    if (out.some(([n]) => n === name)) throw new ConfigError(`--push.grouping: label ${name} given twice`);
    out.push([name, entry.slice(eq + 1)]);
  }
  if (!out.some(([n]) => n === 'instance')) out.unshift(['instance', hostname()]);
  return out;
}

function headers(flags: FlagValues): Array<[string, string]> {
  return list(flags, 'push.header').map((entry) => {
    const colon = entry.indexOf(':');
    const name = colon < 0 ? '' : entry.slice(0, colon).trim();
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      throw new ConfigError(`--push.header: ${JSON.stringify(entry.split(':')[0])} is not "Name: value" with a valid header name, e.g. "X-Scope-OrgID: team-a"`);
    }
    if (/^(content-type|content-encoding|content-length|host|x-prometheus-remote-write-version)$/i.test(name)) {
      throw new ConfigError(`--push.header: ${name} is set by the exporter itself; remove it`);
    }
    return [name, entry.slice(colon + 1).trim()] as [string, string];
  });
}

function count(flags: FlagValues, name: string): number {
  const n = numberFlag(flags, name) ?? 0;
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`--${name}: expected a whole number of at least 1, got ${JSON.stringify(String(flags[name]))}`);
  return n;
}

/**
 * The push configuration from the parsed flags, or undefined when no push target is set. Every
 * inconsistency is a ConfigError naming the flag and the fix, raised at start-up.
 */
export function parsePushConfig(flags: FlagValues): PushConfig | undefined {
  const gatewayUrl = pushUrl('push.gateway-url', str(flags, 'push.gateway-url'));
  const remoteWriteUrl = pushUrl('push.remote-write-url', str(flags, 'push.remote-write-url'));
  const once = booleanFlag(flags, 'push.once');
  const disableListen = booleanFlag(flags, 'web.disable-listen');
  if (!gatewayUrl && !remoteWriteUrl) {
    for (const flag of ['push.once', 'web.disable-listen', 'push.delete-on-exit']) {
      if (booleanFlag(flags, flag)) throw new ConfigError(`--${flag}: needs a push target; add --push.gateway-url or --push.remote-write-url`);
    }
    return undefined;
  }
  const deleteOnExit = booleanFlag(flags, 'push.delete-on-exit');
  if (deleteOnExit && !gatewayUrl) throw new ConfigError('--push.delete-on-exit: only applies to a Pushgateway; add --push.gateway-url or drop the flag');
  if (deleteOnExit && once) {
    throw new ConfigError('--push.delete-on-exit: with --push.once the group would be deleted right after its push; drop one of the two');
  }
  const job = str(flags, 'push.job');
  if (!job) throw new ConfigError('--push.job: must not be empty');

  const username = str(flags, 'push.basic-auth.username');
  const passwordFile = str(flags, 'push.basic-auth.password-file');
  const bearerTokenFile = str(flags, 'push.bearer-token-file');
  if (passwordFile && !username) throw new ConfigError('--push.basic-auth.password-file: needs --push.basic-auth.username');
  if (username && bearerTokenFile) throw new ConfigError('--push.bearer-token-file: cannot be combined with --push.basic-auth.username; pick one');
  const certFile = str(flags, 'push.tls.cert-file');
  const keyFile = str(flags, 'push.tls.key-file');
  if (Boolean(certFile) !== Boolean(keyFile)) throw new ConfigError('--push.tls.cert-file and --push.tls.key-file: give both or neither');

  return {
    gatewayUrl,
    remoteWriteUrl,
    job,
    grouping: grouping(flags),
    schedule: once ? { kind: 'once' } : { kind: 'interval', intervalMs: durationMs(flags, 'push.interval') },
    listen: !once && !disableListen,
    deleteOnExit,
    requestTimeoutMs: durationMs(flags, 'push.timeout'),
    giveUpAfterMs: durationMs(flags, 'push.give-up-after'),
    queueCapacity: count(flags, 'push.queue.capacity'),
    maxSamplesPerSend: count(flags, 'push.max-samples-per-send'),
    http: {
      basicAuth: username ? { username, passwordFile: passwordFile || undefined } : undefined,
      bearerTokenFile: bearerTokenFile || undefined,
      tls: {
        caFile: str(flags, 'push.tls.ca-file') || undefined,
        certFile: certFile || undefined,
        keyFile: keyFile || undefined,
        serverName: str(flags, 'push.tls.server-name') || undefined,
        insecureSkipVerify: booleanFlag(flags, 'push.tls.insecure-skip-verify'),
      },
      headers: headers(flags),
    },
  };
}
