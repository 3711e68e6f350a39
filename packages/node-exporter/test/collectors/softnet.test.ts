import { describe, expect, it } from 'vitest';
import { softnetCollector } from '../../src/collectors/softnet.js';
import { family, labelSets, run, value } from '../collect.js';
import { expectFailure, expectNoData, expectParseError } from '../failure-modes.js';

describe('softnet', () => {
  it('maps the hex columns per CPU', async () => {
    const f = await run(softnetCollector);
    expect(value(f, 'node_softnet_processed_total', { cpu: '0' })).toBe(0x2a1f3);
    expect(value(f, 'node_softnet_dropped_total', { cpu: '1' })).toBe(5);
    expect(value(f, 'node_softnet_times_squeezed_total', { cpu: '0' })).toBe(0x1c);
    expect(family(f, 'node_softnet_dropped_total').type).toBe('counter');
    expect(f.map((x) => x.name).sort()).toEqual(['node_softnet_dropped_total', 'node_softnet_processed_total', 'node_softnet_times_squeezed_total']);
    expect(labelSets(f, 'node_softnet_processed_total')).toEqual(['cpu=0', 'cpu=1', 'cpu=2', 'cpu=3']);
  });
});

describe('softnet failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(softnetCollector);
  });

  it('unreadable file → the collector fails (success 0), with a real error', async () => {
    await expectFailure(softnetCollector, { 'proc/net/softnet_stat': null });
  });

  it('malformed file → ParseError (success 0), never a crash', async () => {
    await expectParseError(softnetCollector, { 'proc/net/softnet_stat': 'zz\n' });
  });
});
