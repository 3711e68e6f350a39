import { NoDataError } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import { bondingCollector } from '../../src/collectors/bonding.js';
import { family, run, value } from '../collect.js';
import { expectFailure, expectNoData } from '../failure-modes.js';
import { fixtureContext } from '../fixture-tree.js';

const EMPTY = fixtureContext({}, '/nonexistent-fixture-root');

describe('bonding', () => {
  it('counts configured and MII-up slaves per master (bond0 degraded: eth1 down)', async () => {
    const f = await run(bondingCollector);
    expect(value(f, 'node_bonding_slaves', { master: 'bond0' })).toBe(2);
    expect(value(f, 'node_bonding_active', { master: 'bond0' })).toBe(1);
    expect(family(f, 'node_bonding_active').type).toBe('gauge');
  });
  it('reports no data without the bonding module', async () => {
    await expect(run(bondingCollector, EMPTY)).rejects.toBeInstanceOf(NoDataError);
  });
});

describe('bonding failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(bondingCollector);
  });

  it('unreadable file → the collector fails (success 0), with a real error', async () => {
    await expectFailure(bondingCollector, { 'sys/class/net/bonding_masters': null });
  });
});
