import type { Collector } from '@scrapekit/exporter-kit';
import { NoDataError } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseConntrackStat } from '../procfs/conntrack.js';
import { parseSingleNumber } from '../procfs/keyvalue.js';
import { readTextIfExists } from '../read/index.js';

/** Columns of /proc/net/stat/nf_conntrack that node_exporter reports, summed over CPUs. */
const STATS: ReadonlyArray<readonly [column: string, metric: string, help: string]> = [
  ['found', 'found', 'Searches that found the connection.'],
  ['invalid', 'invalid', 'Packets that could not be tracked.'],
  ['ignore', 'ignore', 'Packets seen that were already tracked or untracked on purpose.'],
  ['insert', 'insert', 'Entries inserted.'],
  ['insert_failed', 'insert_failed', 'Entries whose insertion failed (for example a clash).'],
  ['drop', 'drop', 'Packets dropped because inserting their entry failed.'],
  ['early_drop', 'early_drop', 'Entries dropped to make room when the table was full.'],
  ['search_restart', 'search_restart', 'Table lookups restarted because of a hash resize.'],
];

export const conntrackCollector: Collector<NodeContext> = {
  name: 'conntrack',
  help: 'Netfilter connection tracking table usage and statistics.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const t = ctx.target;
    const [count, max, stat] = await Promise.all([
      readTextIfExists(t.proc('sys', 'net', 'netfilter', 'nf_conntrack_count'), ctx.signal),
      readTextIfExists(t.proc('sys', 'net', 'netfilter', 'nf_conntrack_max'), ctx.signal),
      readTextIfExists(t.proc('net', 'stat', 'nf_conntrack'), ctx.signal),
    ]);
    if (count === undefined || max === undefined) throw new NoDataError('nf_conntrack module not loaded');
    out.gauge('node_nf_conntrack_entries', 'Connections currently tracked.', parseSingleNumber(count, 'nf_conntrack_count'));
    out.gauge('node_nf_conntrack_entries_limit', 'Size of the connection tracking table.', parseSingleNumber(max, 'nf_conntrack_max'));
    if (stat === undefined) return;
    const sums = parseConntrackStat(stat);
    for (const [column, metric, help] of STATS) {
      const v = sums.get(column);
      if (v !== undefined) out.gauge(`node_nf_conntrack_stat_${metric}`, help, v);
    }
  },
};
