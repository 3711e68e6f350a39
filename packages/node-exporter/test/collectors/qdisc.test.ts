import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQdiscFixture, qdiscCollector, qdiscCollectorFrom, type NamedQdisc } from '../../src/collectors/qdisc.js';
import { TC_H_ROOT } from '../../src/netlink/qdiscs.js';
import { labelSets, run, value } from '../collect.js';
import { fixtureContext } from '../fixture-tree.js';

const qdisc = (q: Partial<NamedQdisc>): NamedQdisc => ({
  device: 'eth0', interfaceIndex: 2, handle: 0, parent: TC_H_ROOT, kind: 'fq_codel',
  bytes: 0, packets: 0, drops: 0, requeues: 0, overlimits: 0, queueLength: 0, backlog: 0, ...q,
});

const QDISCS: NamedQdisc[] = [
  qdisc({ device: 'eth0', kind: 'mq', bytes: 5000, packets: 40, drops: 1, requeues: 2, overlimits: 3, queueLength: 4, backlog: 600 }),
  qdisc({ device: 'eth0', kind: 'fq_codel', parent: 0x10001, bytes: 4000 }),
  qdisc({ device: 'lo', kind: 'noqueue' }),
  qdisc({ device: 'eth0', kind: 'ingress', parent: 0xfffffff1 }),
];

describe('qdisc collector', () => {
  it('reports each root qdisc with device and kind, counters and gauges as node_exporter types them', async () => {
    const families = await run(qdiscCollectorFrom(async () => QDISCS), fixtureContext());
    expect(labelSets(families, 'node_qdisc_bytes_total')).toEqual(['device=eth0,kind=mq', 'device=lo,kind=noqueue']);
    const eth0 = { device: 'eth0', kind: 'mq' };
    expect([
      value(families, 'node_qdisc_bytes_total', eth0), value(families, 'node_qdisc_packets_total', eth0), value(families, 'node_qdisc_drops_total', eth0),
      value(families, 'node_qdisc_requeues_total', eth0), value(families, 'node_qdisc_overlimits_total', eth0),
      value(families, 'node_qdisc_current_queue_length', eth0), value(families, 'node_qdisc_backlog', eth0),
    ]).toEqual([5000, 40, 1, 2, 3, 4, 600]);
    const types = Object.fromEntries(families.map((f) => [f.name, f.type]));
    expect(types).toMatchObject({ node_qdisc_bytes_total: 'counter', node_qdisc_requeues_total: 'counter', node_qdisc_current_queue_length: 'gauge', node_qdisc_backlog: 'gauge' });
  });

  it('applies --collector.qdisc.device-exclude and device-include', async () => {
    const collector = qdiscCollectorFrom(async () => QDISCS);
    expect(labelSets(await run(collector, fixtureContext({ 'collector.qdisc.device-exclude': '^lo$' })), 'node_qdisc_backlog')).toEqual(['device=eth0,kind=mq']);
    expect(labelSets(await run(collector, fixtureContext({ 'collector.qdisc.device-include': '^l' })), 'node_qdisc_backlog')).toEqual(['device=lo,kind=noqueue']);
  });

  it('reads --collector.qdisc.fixtures <dir>/results.json (ema/qdisc records) instead of the kernel', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qdisc-fixtures-'));
    try {
      writeFileSync(join(dir, 'results.json'), JSON.stringify([
        { IfaceName: 'wlan0', Parent: 0, Kind: 'fq', Bytes: 43, Packets: 1, Drops: 0, Requeues: 1, Overlimits: 0, Qlen: 2, Backlog: 9 },
        { IfaceName: 'wlan0', Parent: 65537, Kind: 'pfifo', Bytes: 7 },
      ]));
      const families = await run(qdiscCollector, fixtureContext({ 'collector.qdisc.fixtures': dir }));
      expect(labelSets(families, 'node_qdisc_bytes_total')).toEqual(['device=wlan0,kind=fq']);
      expect(value(families, 'node_qdisc_requeues_total', { device: 'wlan0' })).toBe(1);
      expect(value(families, 'node_qdisc_backlog', { device: 'wlan0' })).toBe(9);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a fixture file that is not an array of records', () => {
    expect(() => parseQdiscFixture('{"IfaceName":"eth0"}')).toThrow('not a JSON array');
  });
});
