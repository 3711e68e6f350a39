import type { MetricSink } from '@scrapekit/exporter-kit';
import { ER_UNKNOWN_TABLE, num, records, versionAtLeast, type QueryResult } from '../target.js';
import { defineMysqlCollector, queryOrNoData } from './define.js';

export const ROCKSDB_PERF_CONTEXT_QUERY =
  "SELECT TABLE_SCHEMA, TABLE_NAME, IFNULL(PARTITION_NAME, '') AS PARTITION_NAME, STAT_TYPE, VALUE FROM information_schema.ROCKSDB_PERF_CONTEXT";

/** The MyRocks perf-context counters mysqld_exporter exports; other STAT_TYPEs are ignored. */
const STAT_TYPES = new Set([
  'USER_KEY_COMPARISON_COUNT', 'BLOCK_CACHE_HIT_COUNT', 'BLOCK_READ_COUNT', 'BLOCK_READ_BYTE', 'GET_READ_BYTES', 'MULTIGET_READ_BYTES',
  'ITER_READ_BYTES', 'INTERNAL_KEY_SKIPPED_COUNT', 'INTERNAL_DELETE_SKIPPED_COUNT', 'INTERNAL_RECENT_SKIPPED_COUNT', 'INTERNAL_MERGE_COUNT',
  'GET_FROM_MEMTABLE_COUNT', 'SEEK_ON_MEMTABLE_COUNT', 'NEXT_ON_MEMTABLE_COUNT', 'PREV_ON_MEMTABLE_COUNT', 'SEEK_CHILD_SEEK_COUNT',
  'BLOOM_MEMTABLE_HIT_COUNT', 'BLOOM_MEMTABLE_MISS_COUNT', 'BLOOM_SST_HIT_COUNT', 'BLOOM_SST_MISS_COUNT', 'KEY_LOCK_WAIT_COUNT',
  'IO_BYTES_WRITTEN', 'IO_BYTES_READ',
]);

export function writeRocksdbPerfContext(result: QueryResult, out: MetricSink): void {
  for (const r of records(result)) {
    const stat = (r.stat_type ?? '').toUpperCase();
    if (!STAT_TYPES.has(stat)) continue;
    out.counter(`mysql_info_schema_rocksdb_perf_context_${stat.toLowerCase()}`, `MyRocks perf context ${stat}, by table.`, num(r.value) ?? 0, {
      schema: r.table_schema ?? '', table: r.table_name ?? '', part: r.partition_name ?? '',
    });
  }
}

export const rocksdbPerfContextCollector = defineMysqlCollector({
  name: 'info_schema.rocksdb_perf_context',
  help: 'Collect RocksDB metrics from information_schema.ROCKSDB_PERF_CONTEXT',
  defaultEnabled: false,
  supports: (t) => t.isMariaDB || versionAtLeast(t.serverVersion, 5, 6),
  async scrape({ target, out, signal }) {
    // Without the MyRocks engine the table does not exist: no data.
    writeRocksdbPerfContext(await queryOrNoData(target, ROCKSDB_PERF_CONTEXT_QUERY, signal, [ER_UNKNOWN_TABLE]), out);
  },
});
