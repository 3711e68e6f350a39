import { describe, expect, it } from 'vitest';
import { interruptsCollector } from '../../src/collectors/interrupts.js';
import { family, labelSets, run, value } from '../collect.js';
import { expectFailure } from '../failure-modes.js';
import { fixtureContext } from '../fixture-tree.js';

describe('interrupts', () => {
  it('labels numbered IRQs with chip and devices, named ones with their description', async () => {
    const f = await run(interruptsCollector);
    expect(value(f, 'node_interrupts_total', { cpu: '3', type: '26', info: 'PCI-MSI', devices: '1572864-edge eth0-rx-0' })).toBe(120044);
    expect(value(f, 'node_interrupts_total', { cpu: '0', type: 'NMI', info: 'Non-maskable interrupts', devices: '' })).toBe(17);
    expect(family(f, 'node_interrupts_total').samples.some((s) => s.labels.type === 'ERR')).toBe(false);
    expect(family(f, 'node_interrupts_total').samples).toHaveLength(6 * 4);
  });
  it('filters on "type;info;devices" and can drop zeros', async () => {
    const f = await run(interruptsCollector, fixtureContext({ 'collector.interrupts.name-include': 'eth0', 'collector.interrupts.include-zeros': false }));
    expect(labelSets(f, 'node_interrupts_total')).toEqual([
      'cpu=1,devices=1572864-edge eth0-rx-0,info=PCI-MSI,type=26',
      'cpu=3,devices=1572864-edge eth0-rx-0,info=PCI-MSI,type=26',
    ]);
  });
});

describe('interrupts failure modes', () => {
  it('unreadable file → the collector fails (success 0), with a real error', async () => {
    await expectFailure(interruptsCollector, { 'proc/interrupts': null });
  });
});
