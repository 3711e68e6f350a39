import { join } from 'node:path';
import { stat } from 'node:fs/promises';
import type { Collector, MetricSink } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { attrText, parseUintAttr } from '../sysfs/attributes.js';
import { btrfsLayoutRatio, parseBtrfsCommitStats } from '../sysfs/btrfs.js';
import { listDir, listFeatureDir, mapLimit, readAttr } from '../read/index.js';

const BLOCK_GROUP_TYPES = ['data', 'metadata', 'system'] as const;

async function isDir(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

async function uintFile(path: string, signal: AbortSignal): Promise<number | undefined> {
  const raw = await readAttr(path, signal);
  return raw === undefined ? undefined : parseUintAttr(raw, path);
}

async function collectFilesystem(dir: string, uuid: string, signal: AbortSignal, out: MetricSink): Promise<void> {
  const l = { uuid };
  const [label, rsv, commit, devices] = await Promise.all([
    readAttr(join(dir, 'label'), signal),
    uintFile(join(dir, 'allocation', 'global_rsv_size'), signal),
    readAttr(join(dir, 'commit_stats'), signal),
    listDir(join(dir, 'devices')),
  ]);
  out.gauge('node_btrfs_info', 'Filesystem label; always 1.', 1, { uuid, label: label === undefined ? '' : attrText(label) });
  out.gauge('node_btrfs_global_rsv_size_bytes', 'Size of the global block reserve in bytes.', rsv ?? 0, l);
  if (commit !== undefined) {
    const c = parseBtrfsCommitStats(commit);
    out.counter('node_btrfs_commits_total', 'Transaction commits since mount.', c.commits, l);
    out.gauge('node_btrfs_last_commit_seconds', 'Duration of the latest commit in seconds.', c.lastCommitMs / 1000, l);
    out.gauge('node_btrfs_max_commit_seconds', 'Duration of the slowest commit in seconds.', c.maxCommitMs / 1000, l);
    out.counter('node_btrfs_commit_seconds_total', 'Time spent in commits, in seconds.', c.totalCommitMs / 1000, l);
  }
  const devs = devices ?? [];
  for (const type of BLOCK_GROUP_TYPES) {
    const typeDir = join(dir, 'allocation', type);
    const reserved = await uintFile(join(typeDir, 'bytes_reserved'), signal);
    if (reserved === undefined) continue;
    out.gauge('node_btrfs_reserved_bytes', 'Space reserved for the block group type, in bytes.', reserved, { uuid, block_group_type: type });
    const layouts = [];
    for (const e of (await listDir(typeDir)) ?? []) if (await isDir(join(typeDir, e))) layouts.push(e);
    for (const layout of layouts) {
      const [used, total] = await Promise.all([uintFile(join(typeDir, layout, 'used_bytes'), signal), uintFile(join(typeDir, layout, 'total_bytes'), signal)]);
      const ll = { uuid, block_group_type: type, mode: layout };
      out.gauge('node_btrfs_used_bytes', 'Space used by the block group type in this layout, in bytes.', used ?? 0, ll);
      out.gauge('node_btrfs_size_bytes', 'Space allocated to the block group type in this layout, in bytes.', total ?? 0, ll);
      out.gauge('node_btrfs_allocation_ratio', 'Copies the layout keeps of each block.', btrfsLayoutRatio(layout, devs.length), ll);
    }
  }
  // Device sizes from sysfs (in 512-byte sectors); node_exporter's ioctl details need a native call.
  const sizes = await mapLimit(devs, 4, (d) => uintFile(join(dir, 'devices', d, 'size'), signal));
  devs.forEach((device, i) => {
    const sectors = sizes[i];
    if (sectors !== undefined) out.gauge('node_btrfs_device_size_bytes', 'Size of a device of the filesystem, in bytes.', sectors * 512, { uuid, device });
  });
}

/** Btrfs allocation and commit statistics from /sys/fs/btrfs/<uuid>. */
export const btrfsCollector: Collector<NodeContext> = {
  name: 'btrfs',
  help: 'Btrfs filesystem statistics from /sys/fs/btrfs.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const base = ctx.target.sys('fs', 'btrfs');
    const entries = await listFeatureDir(base, 'btrfs');
    const uuids = entries.filter((e) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(e));
    for (const uuid of uuids) await collectFilesystem(join(base, uuid), uuid, ctx.signal, out);
  },
};
