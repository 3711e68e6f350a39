import { describe, expect, it } from 'vitest';
import { queryResponseTimeCollector } from '../../src/collectors/info_schema_query_response_time.js';
import { QueryError } from '../../src/target.js';
import { fakeTarget, family, result, run, value } from '../fake-target.js';

describe('query_response_time', () => {
  const rows = result(['TIME', 'COUNT', 'TOTAL'], [
    ['      0.000001', '124', '      0.000000'], ['      0.000010', '179', '      0.000797'], ['      0.000100', '2859', '      0.107321'],
    ['      0.001000', '1085', '      0.335395'], ['      0.010000', '269', '      0.522264'], ['      0.100000', '11', '      0.344209'],
    ['      1.000000', '1', '      0.267369'], ['     10.000000', '0', '      0.000000'], ['TOO LONG', '0', 'TOO LONG'],
  ]);
  it('reports nothing, successfully, when the plugin is absent', async () => {
    const target = fakeTarget([['SELECT @@query_response_time_stats', new QueryError('Unknown system variable', 1193, 'ER_UNKNOWN_SYSTEM_VARIABLE')]]);
    expect(await run(queryResponseTimeCollector, target)).toEqual([]);
    expect(target.queries).toHaveLength(1);
  });
  it('builds cumulative histograms; READ/WRITE tables are optional', async () => {
    const target = fakeTarget([
      ['SELECT @@query_response_time_stats', result(['@@query_response_time_stats'], [['1']])],
      ['SELECT TIME, COUNT, TOTAL FROM INFORMATION_SCHEMA.QUERY_RESPONSE_TIME', rows],
    ]);
    const f = await run(queryResponseTimeCollector, target);
    const h = family(f, 'mysql_info_schema_query_response_time_seconds');
    expect(h?.type).toBe('histogram');
    const count = h?.samples.find((s) => s.suffix === '_count')?.value;
    expect(count).toBe(4528);
    expect(h?.samples.find((s) => s.suffix === '_sum')?.value).toBeCloseTo(1.577355, 6);
    const buckets = h?.samples.filter((s) => s.suffix === '_bucket') ?? [];
    expect(buckets.find((s) => s.labels.le === '0.0001')?.value).toBe(124 + 179 + 2859);
    expect(buckets.at(-1)).toMatchObject({ labels: { le: '+Inf' }, value: 4528 });
    expect(family(f, 'mysql_info_schema_read_query_response_time_seconds')).toBeUndefined();
  });
  it('fails when the main table cannot be read', async () => {
    const target = fakeTarget([['SELECT @@query_response_time_stats', result(['x'], [['ON']])]]);
    await expect(run(queryResponseTimeCollector, target)).rejects.toThrow(/no answer/);
  });
});
