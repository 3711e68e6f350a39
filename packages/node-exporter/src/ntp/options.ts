import { isIP } from 'node:net';
import { ConfigError, parseFlagValue, type FlagSpec, type FlagValue, type FlagValues } from '@scrapekit/exporter-kit';

/** node_exporter's ntp collector flags, names and defaults as upstream. */
export const ntpFlags: readonly FlagSpec[] = [
  { name: 'collector.ntp.server', description: 'Address of the NTP server the ntp collector asks (loopback unless --collector.ntp.server-is-local).', default: '127.0.0.1', placeholder: '<address>' },
  { name: 'collector.ntp.server-port', kind: 'number', description: 'UDP port of that NTP server.', default: 123, placeholder: '<port>' },
  { name: 'collector.ntp.protocol-version', kind: 'number', description: 'NTP version of the query (2, 3 or 4).', default: 4 },
  { name: 'collector.ntp.server-is-local', kind: 'boolean', description: 'Vouch that --collector.ntp.server, though not a loopback address, is your own server and not a public one.', default: false },
  { name: 'collector.ntp.ip-ttl', kind: 'number', description: 'IP TTL of the query packet.', default: 1 },
  { name: 'collector.ntp.max-distance', kind: 'duration', description: 'Largest root distance node_ntp_sanity accepts.', default: '3.46608s' },
  { name: 'collector.ntp.local-offset-tolerance', kind: 'duration', description: 'Largest disagreement between the local clock and the server node_ntp_sanity accepts.', default: '1ms' },
];

export interface NtpOptions {
  readonly host: string;
  readonly port: number;
  readonly version: number;
  readonly ttl: number;
  /** Seconds. */
  readonly maxDistance: number;
  /** Seconds. */
  readonly offsetTolerance: number;
}

const SPEC = new Map(ntpFlags.map((f) => [f.name, f]));

/** A flag's value: parsed already (start-up), or as text or absent (tests, defaults) → parsed here. */
function valueOf(flags: FlagValues, name: string): FlagValue {
  const spec = SPEC.get(name) as FlagSpec;
  const v = flags[name];
  if (v !== undefined && (spec.kind === 'number' || spec.kind === 'duration') && typeof v === 'number') return v;
  if (v !== undefined && spec.kind === 'boolean' && typeof v === 'boolean') return v;
  return parseFlagValue(spec, v ?? spec.default);
}

/** The ntp collector's options; a bad combination is a ConfigError naming the flag, as node_exporter refuses to start. */
export function ntpOptions(flags: FlagValues): NtpOptions {
  const host = String(valueOf(flags, 'collector.ntp.server'));
  const port = valueOf(flags, 'collector.ntp.server-port') as number;
  const version = valueOf(flags, 'collector.ntp.protocol-version') as number;
  const isLocal = valueOf(flags, 'collector.ntp.server-is-local') === true;
  if (!isLocal && !isLoopback(host)) {
    throw new ConfigError(`--collector.ntp.server: ${JSON.stringify(host)} is not a loopback IP address; query your own NTP daemon, or add --collector.ntp.server-is-local if this address is one`);
  }
  if (!Number.isInteger(version) || version < 2 || version > 4) throw new ConfigError(`--collector.ntp.protocol-version: ${version} is not 2, 3 or 4`);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ConfigError(`--collector.ntp.server-port: ${port} is not a port number (1-65535)`);
  return {
    host,
    port,
    version,
    ttl: valueOf(flags, 'collector.ntp.ip-ttl') as number,
    maxDistance: (valueOf(flags, 'collector.ntp.max-distance') as number) / 1000,
    offsetTolerance: (valueOf(flags, 'collector.ntp.local-offset-tolerance') as number) / 1000,
  };
}

function isLoopback(host: string): boolean {
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || /^(0{0,4}:){7}0{0,3}1$/.test(host) || host === '::ffff:127.0.0.1';
  return false;
}
