import { describe, expect, it } from 'vitest';
import { arpCollector } from '../../src/collectors/arp.js';
import { labelSets, run, value } from '../collect.js';
import { expectFailure, expectNoData } from '../failure-modes.js';
import { fixtureContext } from '../fixture-tree.js';

describe('arp', () => {
  it('counts entries per device, incomplete ones included', async () => {
    const f = await run(arpCollector);
    expect(value(f, 'node_arp_entries', { device: 'bond0' })).toBe(3);
    expect(value(f, 'node_arp_entries', { device: 'eth1' })).toBe(1);
  });
  it('applies device-exclude', async () => {
    const f = await run(arpCollector, fixtureContext({ 'collector.arp.device-exclude': '^eth' }));
    expect(labelSets(f, 'node_arp_entries')).toEqual(['device=bond0']);
  });
});

describe('arp failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(arpCollector);
  });

  it('unreadable file → the collector fails (success 0), with a real error', async () => {
    await expectFailure(arpCollector, { 'proc/net/arp': null });
  });
});
