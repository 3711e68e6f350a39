import { ParseError } from './errors.js';

/** Events line columns, in kernel order (fs/nfs/iostat.h). */
export const NFS_EVENT_NAMES = [
  'inode_revalidate', 'dnode_revalidate', 'data_invalidate', 'attribute_invalidate', 'vfs_open', 'vfs_lookup', 'vfs_access',
  'vfs_update_page', 'vfs_read_page', 'vfs_read_pages', 'vfs_write_page', 'vfs_write_pages', 'vfs_getdents', 'vfs_setattr',
  'vfs_flush', 'vfs_fsync', 'vfs_lock', 'vfs_file_release', 'congestion_wait', 'truncation', 'write_extension', 'silly_rename',
  'short_read', 'short_write', 'jukebox_delay', 'pnfs_read', 'pnfs_write',
] as const;

export interface NfsOperation {
  readonly operation: string;
  readonly requests: number;
  readonly transmissions: number;
  readonly majorTimeouts: number;
  readonly bytesSent: number;
  readonly bytesReceived: number;
  readonly queueMs: number;
  readonly responseMs: number;
  readonly requestMs: number;
  readonly errors: number;
}

export interface NfsTransport {
  readonly protocol: string;
  readonly bind: number;
  readonly connect: number;
  readonly idleTimeSeconds: number;
  readonly sends: number;
  readonly receives: number;
  readonly badTransactionIds: number;
  readonly backlog: number;
  readonly maxSlots: number;
  readonly sendingQueue: number;
  readonly pendingQueue: number;
}

export interface NfsMountStats {
  /** Position among all device lines: the same mount's line number in mountinfo. */
  readonly index: number;
  readonly device: string;
  readonly mountPoint: string;
  readonly fsType: string;
  readonly ageSeconds: number;
  /** read, write, direct read, direct write, server read, server write, read pages, write pages. */
  readonly bytes: readonly number[];
  readonly events: readonly number[];
  readonly transport?: NfsTransport;
  readonly operations: readonly NfsOperation[];
}

const nums = (fields: readonly string[], what: string): number[] =>
  fields.map((f) => {
    if (!/^\d+$/.test(f)) throw new ParseError(`mountstats ${what}: ${JSON.stringify(f)} is not a counter`);
    return Number(f);
  });

/** xprt line after the protocol, per statvers 1.0/1.1; udp lacks connect count and idle times. */
function parseTransport(fields: readonly string[], version: string): NfsTransport {
  const [protocol, ...rest] = fields as [string, ...string[]];
  const expected: Readonly<Record<string, Readonly<Record<string, number>>>> = { '1.0': { tcp: 10, udp: 7 }, '1.1': { tcp: 13, udp: 10 } };
  const want = expected[version]?.[protocol];
  if (want === undefined) throw new ParseError(`mountstats: unsupported transport ${protocol} for statvers ${version}`);
  // Newer kernels append more counters; the known prefix is what node_exporter reads.
  if (rest.length < want) throw new ParseError(`mountstats xprt ${protocol}: ${rest.length} values, expected ${want}`);
  let v = nums(rest.slice(0, want), 'xprt');
  if (protocol === 'udp') v = [v[0] as number, v[1] as number, 0, 0, 0, ...v.slice(2)];
  const at = (i: number): number => v[i] ?? 0;
  return {
    protocol,
    bind: at(1),
    connect: at(2),
    idleTimeSeconds: at(4),
    sends: at(5),
    receives: at(6),
    badTransactionIds: at(7),
    backlog: at(9),
    maxSlots: at(10),
    sendingQueue: at(11),
    pendingQueue: at(12),
  };
}

/**
 * /proc/<pid>/mountstats: one "device X mounted on Y with fstype Z [statvers=V]" line per
 * mount; NFS mounts follow with opts/age/bytes/events/xprt lines and a per-op block that ends
 * at a blank line. Non-NFS mounts carry no statistics and are returned without them.
 */
export function parseMountStats(text: string): NfsMountStats[] {
  const lines = text.split('\n');
  const out: NfsMountStats[] = [];
  let deviceIndex = -1;
  for (let i = 0; i < lines.length; i++) {
    const head = (lines[i] as string).trim().split(/\s+/);
    if (head[0] !== 'device') continue;
    deviceIndex++;
    if (head.length < 8 || head[2] !== 'mounted' || head[3] !== 'on' || head[5] !== 'with' || head[6] !== 'fstype') {
      throw new ParseError(`mountstats line ${i + 1}: malformed device line`);
    }
    const version = head[8]?.replace(/^statvers=/, '');
    if (version === undefined) continue;
    const stats: { age: number; bytes: number[]; events: number[]; transport?: NfsTransport; ops: NfsOperation[] } = { age: 0, bytes: [], events: [], ops: [] };
    let j = i + 1;
    for (; j < lines.length; j++) {
      const f = (lines[j] as string).trim().split(/\s+/);
      if (f[0] === '' || f[0] === 'device') break;
      if (f[0] === 'age:') stats.age = nums([f[1] ?? ''], 'age')[0] as number;
      else if (f[0] === 'bytes:') {
        if (f.length !== 9) throw new ParseError(`mountstats line ${j + 1}: bytes needs 8 values`);
        stats.bytes = nums(f.slice(1), 'bytes');
      } else if (f[0] === 'events:') {
        if (f.length !== 28) throw new ParseError(`mountstats line ${j + 1}: events needs 27 values`);
        stats.events = nums(f.slice(1), 'events');
      } else if (f[0] === 'xprt:') {
        // With nconnect there is one xprt line per connection; node_exporter 1.5.0 keeps the last.
        stats.transport = parseTransport(f.slice(1), version);
      } else if (f[0] === 'per-op') {
        for (j = j + 1; j < lines.length; j++) {
          const op = (lines[j] as string).trim().split(/\s+/);
          if (op[0] === '' || op[0] === 'device') break;
          if (op.length < 9) throw new ParseError(`mountstats line ${j + 1}: per-op needs at least 8 values`);
          const n = nums(op.slice(1), 'per-op');
          stats.ops.push({
            operation: (op[0] as string).replace(/:$/, ''),
            requests: n[0] as number,
            transmissions: n[1] as number,
            majorTimeouts: n[2] as number,
            bytesSent: n[3] as number,
            bytesReceived: n[4] as number,
            queueMs: n[5] as number,
            responseMs: n[6] as number,
            requestMs: n[7] as number,
            errors: n[8] ?? 0,
          });
        }
        break;
      }
    }
    const fsType = head[7] as string;
    if (fsType === 'nfs' || fsType === 'nfs4') {
      out.push({ index: deviceIndex, device: head[1] as string, mountPoint: head[4] as string, fsType, ageSeconds: stats.age, bytes: stats.bytes, events: stats.events, transport: stats.transport, operations: stats.ops });
    }
    i = j - 1;
  }
  return out;
}

/** The "addr=" super option of each /proc/<pid>/mountinfo line, in file order (mountstats has the same order). */
export function mountinfoAddresses(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const sep = line.indexOf(' - ');
      if (sep < 0) throw new ParseError(`mountinfo: no " - " separator in ${JSON.stringify(line.slice(0, 60))}`);
      const superOpts = line.slice(sep + 3).trim().split(/\s+/)[2] ?? '';
      const addr = superOpts.split(',').find((o) => o.startsWith('addr='));
      return addr === undefined ? '' : addr.slice('addr='.length);
    });
}
