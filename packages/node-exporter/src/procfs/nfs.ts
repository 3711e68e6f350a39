import { ParseError } from './errors.js';

/** Operation names per line of /proc/net/rpc/nfs{,d}, in the kernel's column order (procfs's field names). */
export const NFS_V2_OPS = ['Null', 'GetAttr', 'SetAttr', 'Root', 'Lookup', 'ReadLink', 'Read', 'WrCache', 'Write', 'Create', 'Remove', 'Rename', 'Link', 'SymLink', 'MkDir', 'RmDir', 'ReadDir', 'FsStat'] as const;
export const NFS_V3_OPS = [
  'Null', 'GetAttr', 'SetAttr', 'Lookup', 'Access', 'ReadLink', 'Read', 'Write', 'Create', 'MkDir', 'SymLink', 'MkNod', 'Remove', 'RmDir', 'Rename', 'Link', 'ReadDir', 'ReadDirPlus',
  'FsStat', 'FsInfo', 'PathConf', 'Commit',
] as const;
export const NFS_CLIENT_V4_OPS = [
  'Null', 'Read', 'Write', 'Commit', 'Open', 'OpenConfirm', 'OpenNoattr', 'OpenDowngrade', 'Close', 'Setattr', 'FsInfo', 'Renew', 'SetClientID', 'SetClientIDConfirm', 'Lock',
  'Lockt', 'Locku', 'Access', 'Getattr', 'Lookup', 'LookupRoot', 'Remove', 'Rename', 'Link', 'Symlink', 'Create', 'Pathconf', 'StatFs', 'ReadLink', 'ReadDir', 'ServerCaps',
  'DelegReturn', 'GetACL', 'SetACL', 'FsLocations', 'ReleaseLockowner', 'Secinfo', 'FsidPresent', 'ExchangeID', 'CreateSession', 'DestroySession', 'Sequence', 'GetLeaseTime',
  'ReclaimComplete', 'GetDeviceInfo', 'LayoutGet', 'LayoutCommit', 'LayoutReturn', 'SecinfoNoName', 'TestStateID', 'FreeStateID', 'GetDeviceList', 'BindConnToSession',
  'DestroyClientID', 'Seek', 'Allocate', 'DeAllocate', 'LayoutStats', 'Clone',
] as const;
/** proc4ops of the server: operation number order (RFC 7530 numbering; first three unused). */
export const NFS_SERVER_V4_OPS = [
  'Op0Unused', 'Op1Unused', 'Op2Future', 'Access', 'Close', 'Commit', 'Create', 'DelegPurge', 'DelegReturn', 'GetAttr', 'GetFH', 'Link', 'Lock', 'Lockt', 'Locku', 'Lookup',
  'LookupRoot', 'Nverify', 'Open', 'OpenAttr', 'OpenConfirm', 'OpenDgrd', 'PutFH', 'PutPubFH', 'PutRootFH', 'Read', 'ReadDir', 'ReadLink', 'Remove', 'Rename', 'Renew',
  'RestoreFH', 'SaveFH', 'SecInfo', 'SetAttr', 'SetClientID', 'SetClientIDConfirm', 'Verify', 'Write', 'RelLockOwner',
] as const;

/** Raw lines of an rpc stats file: tag → numbers (the "th" line's histogram is dropped). */
export type RpcStatLines = ReadonlyMap<string, number[]>;

export function parseRpcStatLines(text: string): RpcStatLines {
  const out = new Map<string, number[]>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const [tag, ...rest] = line.split(/\s+/);
    // Older kernels append a float histogram to "th"; only its first two integers are kept.
    const fields = tag === 'th' ? rest.slice(0, 2) : rest;
    const nums = fields.map((f) => {
      if (!/^\d+$/.test(f)) throw new ParseError(`rpc stats line ${JSON.stringify(tag)}: ${JSON.stringify(f)} is not a counter`);
      return Number(f);
    });
    out.set(tag as string, nums);
  }
  return out;
}

/**
 * A "procN" line starts with its own value count; returns op → count, padding short lines with
 * 0. A version the kernel does not print reads as all zeros, as node_exporter reports it.
 */
export function procOps(lines: RpcStatLines, tag: string, names: readonly string[], minValues: number): Array<[string, number]> {
  const v = lines.get(tag);
  if (v === undefined) return names.map((name) => [name, 0]);
  const n = v[0];
  if (n === undefined || v.length - 1 !== n || n < minValues) throw new ParseError(`${tag}: declares ${n} values, has ${v.length - 1} (need at least ${minValues})`);
  return names.map((name, i) => [name, v[i + 1] ?? 0]);
}

/** A fixed-width line ("rc 0 6 18622"); all zero when the kernel does not print it. */
export function fixedLine(lines: RpcStatLines, tag: string, width: number): number[] {
  const v = lines.get(tag);
  if (v === undefined) return new Array<number>(width).fill(0);
  if (v.length !== width) throw new ParseError(`${tag}: ${v.length} values, expected ${width}`);
  return v;
}
