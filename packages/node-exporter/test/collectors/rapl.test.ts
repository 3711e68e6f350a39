import { describe, expect, it } from 'vitest';
import { raplCollector } from '../../src/collectors/rapl.js';
import { run, value } from '../collect.js';
import { expectNoData } from '../failure-modes.js';
import { fixtureContext, FIXTURES } from '../fixture-tree.js';

describe('rapl', () => {
  it('names metrics after the zone and numbers repeated bare names', async () => {
    const f = await run(raplCollector);
    const base = `${FIXTURES}/sys/class/powercap`;
    expect(value(f, 'node_rapl_package_joules_total', { index: '0', path: `${base}/intel-rapl:0` })).toBeCloseTo(36264.514712, 6);
    expect(value(f, 'node_rapl_core_joules_total', { index: '0' })).toBeCloseTo(19384.8293, 6);
    expect(value(f, 'node_rapl_dram_joules_total', { index: '0', path: `${base}/intel-rapl:0:1` })).toBeCloseTo(4518.12903, 6);
    expect(value(f, 'node_rapl_dram_joules_total', { index: '1', path: `${base}/intel-rapl:1:1` })).toBeCloseTo(0.01001, 9);
  });
});

describe('rapl with --collector.rapl.enable-zone-label', () => {
  it('puts the zone in a label of node_rapl_joules_total', async () => {
    const f = await run(raplCollector, fixtureContext({ 'collector.rapl.enable-zone-label': true }));
    expect(f.map((x) => x.name)).toEqual(['node_rapl_joules_total']);
    expect(value(f, 'node_rapl_joules_total', { rapl_zone: 'dram', index: '1' })).toBeCloseTo(0.01001, 9);
    expect(value(f, 'node_rapl_joules_total', { rapl_zone: 'package', index: '0' })).toBeCloseTo(36264.514712, 6);
  });
});

describe('rapl failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(raplCollector);
  });
});
