import { join } from 'node:path';
import type { Collector, MetricSink, FlagSpec } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { dehumanize, parsePriorityStats, parseWritebackRateDebug } from '../sysfs/bcache.js';
import { listDir, readAttr, readAttrs } from '../read/index.js';

/** The collector's flags, under node_exporter's names and defaults (Go RE2 regexes, applied unanchored unless `anchor` says otherwise). */
export const bcacheFlags: readonly FlagSpec[] = [
  { name: 'collector.bcache.priorityStats', kind: 'boolean', description: 'Expose the bcache priority_stats metrics (expensive: the kernel walks every bucket).', default: false },
];

/** [file, metric suffix, help, scale, counter?] of /sys/fs/bcache/<uuid> and its internal/ dir. */
const SET_VALUES: ReadonlyArray<readonly [string, string, string, number, boolean]> = [
  ['average_key_size', 'average_key_size_sectors', 'Average data per btree key, in sectors.', 1, false],
  ['btree_cache_size', 'btree_cache_size_bytes', 'Memory used by the btree cache, in bytes.', 1, false],
  ['cache_available_percent', 'cache_available_percent', 'Percentage of the cache without dirty data.', 1, false],
  ['congested', 'congested', 'Congestion state of the cache set.', 1, false],
  ['root_usage_percent', 'root_usage_percent', 'Percentage of the btree root node in use.', 1, false],
  ['tree_depth', 'tree_depth', 'Levels of the bcache btree.', 1, false],
  ['internal/active_journal_entries', 'active_journal_entries', 'Journal entries newer than the index.', 1, false],
  ['internal/btree_nodes', 'btree_nodes', 'Nodes in the btree.', 1, false],
  ['internal/btree_read_average_duration_us', 'btree_read_average_duration_seconds', 'Average btree read duration, in seconds.', 1e-9, false],
  ['internal/cache_read_races', 'cache_read_races_total', 'Reads that raced with bucket reuse.', 1, true],
];

/** stats_total counters of a backing device. */
const PERIOD: ReadonlyArray<readonly [string, string, string]> = [
  ['bypassed', 'bypassed_bytes_total', 'I/O that bypassed the cache, in bytes.'],
  ['cache_hits', 'cache_hits_total', 'Cache hits.'],
  ['cache_misses', 'cache_misses_total', 'Cache misses.'],
  ['cache_bypass_hits', 'cache_bypass_hits_total', 'Hits for I/O meant to bypass the cache.'],
  ['cache_bypass_misses', 'cache_bypass_misses_total', 'Misses for I/O meant to bypass the cache.'],
  ['cache_miss_collisions', 'cache_miss_collisions_total', 'Cache miss inserts that raced with a write.'],
  ['cache_readaheads', 'cache_readaheads_total', 'Readaheads.'],
];

function required(values: Readonly<Record<string, string | undefined>>, file: string, dir: string): number {
  const raw = values[file];
  if (raw === undefined) throw new Error(`bcache: ${dir}/${file} missing`);
  return dehumanize(raw);
}

async function collectSet(dir: string, uuid: string, priorityStats: boolean, signal: AbortSignal, out: MetricSink): Promise<void> {
  const name = (suffix: string): string => `node_bcache_${suffix}`;
  const set = await readAttrs(dir, SET_VALUES.map(([f]) => f), signal);
  for (const [file, suffix, help, scale, isCounter] of SET_VALUES) {
    const v = required(set, file, dir) * scale;
    if (isCounter) out.counter(name(suffix), help, v, { uuid });
    else out.gauge(name(suffix), help, v, { uuid });
  }
  const entries = (await listDir(dir)) ?? [];
  for (const bdev of entries.filter((e) => /^bdev\d+$/.test(e))) {
    const l = { uuid, backing_device: bdev };
    const [dirty, debug] = await Promise.all([readAttr(join(dir, bdev, 'dirty_data'), signal), readAttr(join(dir, bdev, 'writeback_rate_debug'), signal)]);
    if (dirty === undefined) throw new Error(`bcache: ${bdev}/dirty_data missing`);
    out.gauge(name('dirty_data_bytes'), 'Dirty data of the backing device in the cache, in bytes.', dehumanize(dirty), l);
    if (debug !== undefined) {
      const w = parseWritebackRateDebug(debug);
      out.gauge(name('dirty_target_bytes'), 'Dirty data target of the writeback controller, in bytes.', w.target, l);
      out.gauge(name('writeback_rate'), 'Current writeback rate in bytes per second.', w.rate, l);
      out.gauge(name('writeback_rate_proportional_term'), 'Proportional term of the writeback rate controller.', w.proportional, l);
      out.gauge(name('writeback_rate_integral_term'), 'Integral term of the writeback rate controller.', w.integral, l);
      out.gauge(name('writeback_change'), 'Last change of the writeback rate.', w.change, l);
    }
    const totals = await readAttrs(join(dir, bdev, 'stats_total'), PERIOD.map(([f]) => f), signal);
    for (const [file, suffix, help] of PERIOD) out.counter(name(suffix), help, required(totals, file, `${bdev}/stats_total`), l);
  }
  for (const cache of entries.filter((e) => /^cache\d+$/.test(e))) {
    const l = { uuid, cache_device: cache };
    const c = await readAttrs(join(dir, cache), ['io_errors', 'metadata_written', 'written'] as const, signal);
    out.gauge(name('io_errors'), 'Errors of the cache device, decayed by io_error_halflife.', required(c, 'io_errors', cache), l);
    out.counter(name('metadata_written_bytes_total'), 'Metadata (btree and other non-data) written, in bytes.', required(c, 'metadata_written', cache), l);
    out.counter(name('written_bytes_total'), 'Data written to the cache, in bytes.', required(c, 'written', cache), l);
    if (priorityStats) {
      // Reading priority_stats walks every bucket: only on request (--collector.bcache.priorityStats).
      const text = await readAttr(join(dir, cache, 'priority_stats'), signal);
      if (text !== undefined) {
        const p = parsePriorityStats(text);
        out.gauge(name('priority_stats_unused_percent'), 'Percentage of the cache holding no data.', p.unusedPercent, l);
        out.gauge(name('priority_stats_metadata_percent'), 'Percentage of the cache holding metadata.', p.metadataPercent, l);
      }
    }
  }
}

/** bcache cache sets, backing and cache devices from /sys/fs/bcache. */
export const bcacheCollector: Collector<NodeContext> = {
  name: 'bcache',
  flags: bcacheFlags,
  help: 'bcache statistics from /sys/fs/bcache.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const base = ctx.target.sys('fs', 'bcache');
    const entries = (await listDir(base)) ?? [];
    const priority = ctx.target.bool('collector.bcache.priorityStats');
    for (const uuid of entries.filter((e) => e.includes('-'))) await collectSet(join(base, uuid), uuid, priority, ctx.signal, out);
  },
};
