import { NoDataError } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import { schedstatCollector } from '../../src/collectors/schedstat.js';
import { family, run, value } from '../collect.js';
import { expectFailure, expectNoData, expectParseError } from '../failure-modes.js';
import { fixtureContext } from '../fixture-tree.js';

const EMPTY = fixtureContext({}, '/nonexistent-fixture-root');

describe('schedstat', () => {
  it('converts nanoseconds to seconds', async () => {
    const f = await run(schedstatCollector);
    expect(value(f, 'node_schedstat_running_seconds_total', { cpu: '0' })).toBeCloseTo(2051.343887154, 9);
    expect(value(f, 'node_schedstat_waiting_seconds_total', { cpu: '1' })).toBeCloseTo(97.25, 9);
    expect(value(f, 'node_schedstat_timeslices_total', { cpu: '3' })).toBe(11000042);
    expect(family(f, 'node_schedstat_timeslices_total').type).toBe('counter');
  });
  it('reports no data when the kernel lacks schedstats', async () => {
    await expect(run(schedstatCollector, EMPTY)).rejects.toBeInstanceOf(NoDataError);
  });
});

describe('schedstat failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(schedstatCollector);
  });

  it('unreadable file → the collector fails (success 0), with a real error', async () => {
    await expectFailure(schedstatCollector, { 'proc/schedstat': null });
  });

  it('malformed file → ParseError (success 0), never a crash', async () => {
    await expectParseError(schedstatCollector, { 'proc/schedstat': 'cpu0 1 2\n' });
  });
});
