import { join } from 'node:path';
import { sanitizeMetricName, type Collector, type MetricSink } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { kstatNumbers, parseKstatIo, parseKstatNamed } from '../procfs/kstat.js';
import { listDir, listFeatureDir, mapLimit, readAttr } from '../read/index.js';

/** kstat file → metric subsystem, as node_exporter names them (node_zfs_<subsystem>_<kstat>). */
const KSTAT_FILES: ReadonlyArray<readonly [string, string]> = [
  ['abdstats', 'abd'],
  ['arcstats', 'arc'],
  ['dbufstats', 'dbuf'],
  ['dmu_tx', 'dmu_tx'],
  ['dnodestats', 'dnode'],
  ['fm', 'fm'],
  ['vdev_cache_stats', 'vdev_cache'],
  ['vdev_mirror_stats', 'vdev_mirror'],
  ['xuio_stats', 'xuio'],
  ['zfetchstats', 'zfetch'],
  ['zil', 'zil'],
];

const POOL_STATES = ['online', 'degraded', 'faulted', 'offline', 'removed', 'unavail', 'suspended'] as const;

async function collectPool(dir: string, zpool: string, signal: AbortSignal, out: MetricSink): Promise<void> {
  const entries = (await listDir(dir)) ?? [];
  const [io, state] = await Promise.all([readAttr(join(dir, 'io'), signal), readAttr(join(dir, 'state'), signal)]);
  if (io !== undefined) {
    for (const [name, v] of parseKstatIo(io)) out.untyped(`node_zfs_zpool_${sanitizeMetricName(name)}`, `ZFS pool I/O statistic ${name}.`, v, { zpool });
  }
  const objsets = entries.filter((e) => e.startsWith('objset-'));
  const texts = await mapLimit(objsets, 8, (o) => readAttr(join(dir, o), signal));
  for (const text of texts) {
    if (text === undefined) continue;
    const rows = parseKstatNamed(text);
    const dataset = rows.find((r) => r.name === 'dataset_name')?.data ?? '';
    for (const [name, v] of kstatNumbers(rows)) {
      out.untyped(`node_zfs_zpool_dataset_${sanitizeMetricName(name)}`, `ZFS dataset statistic ${name}.`, v, { zpool, dataset });
    }
  }
  if (state !== undefined) {
    const current = state.trim().toLowerCase();
    for (const s of POOL_STATES) out.gauge('node_zfs_zpool_state', 'State of the ZFS pool; 1 marks the current one.', s === current ? 1 : 0, { zpool, state: s });
  }
}

/** ZFS on Linux kernel statistics (ARC, DMU, ZIL …) and per-pool I/O from /proc/spl/kstat/zfs. */
export const zfsCollector: Collector<NodeContext> = {
  name: 'zfs',
  help: 'ZFS statistics from /proc/spl/kstat/zfs.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const base = ctx.target.proc('spl', 'kstat', 'zfs');
    const entries = await listFeatureDir(base, 'zfs');
    // Each kstat file arrived with some ZFS release; a missing one is simply not reported.
    const texts = await mapLimit(KSTAT_FILES, 8, ([file]) => readAttr(join(base, file), ctx.signal));
    KSTAT_FILES.forEach(([file, subsystem], i) => {
      const text = texts[i];
      if (text === undefined) return;
      for (const [name, v] of kstatNumbers(parseKstatNamed(text))) {
        out.untyped(`node_zfs_${subsystem}_${sanitizeMetricName(name)}`, `ZFS kstat ${file}.${name}.`, v);
      }
    });
    const known = new Set(KSTAT_FILES.map(([f]) => f));
    for (const pool of entries.filter((e) => !known.has(e))) {
      const dir = join(base, pool);
      // Pools are directories with a state file; other entries (fm, …) are plain kstat files.
      if ((await listDir(dir)) === undefined) continue;
      await collectPool(dir, pool, ctx.signal, out);
    }
  },
};
