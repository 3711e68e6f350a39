import { NoDataError } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import { engineTokudbStatusCollector, tokudbMetricName } from '../../src/collectors/engine_tokudb_status.js';
import { QueryError } from '../../src/target.js';
import { fakeTarget, family, result, run, value } from '../fake-target.js';

describe('engine_tokudb_status (an engine this machine does not run)', () => {
  it('engine_tokudb_status: mysqld_exporter key spelling; no data without the engine', async () => {
    expect(tokudbMetricName('cachetable: size of leaf nodes in cache (bytes)')).toBe('mysql_engine_tokudb_cachetable_size_of_leaf_nodes_in_cache_bytes');
    expect(tokudbMetricName('le_max_committed_xr > 1 / 2+x')).toBe('mysql_engine_tokudb_le_max_committed_xr__1_and_2andx');
    const f = await run(engineTokudbStatusCollector, fakeTarget([['SHOW ENGINE TOKUDB STATUS', result(['Type', 'Name', 'Status'], [
      ['TokuDB', 'time of engine startup', 'Wed Nov 25 01:00:00 2026'], ['TokuDB', 'cachetable: miss', '42'],
    ])]], { version: '5.7.40-43-log' }));
    expect(value(f, 'mysql_engine_tokudb_cachetable_miss')).toBe(42);
    expect(family(f, 'mysql_engine_tokudb_cachetable_miss')?.type).toBe('untyped');
    const absent = fakeTarget([['SHOW ENGINE TOKUDB STATUS', new QueryError("Unknown storage engine 'TOKUDB'", 1286, 'ER_UNKNOWN_STORAGE_ENGINE')]]);
    await expect(run(engineTokudbStatusCollector, absent)).rejects.toBeInstanceOf(NoDataError);
  });
});
