import { flagFilter, type Collector, type FlagSpec } from '@scrapekit/exporter-kit';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NodeContext } from '../context.js';
import { TC_H_ROOT, type QdiscRecord } from '../netlink/qdiscs.js';
import { readLinks, readQdiscs } from '../syscall/netlink-route.js';

/** The collector's flags, under node_exporter's names and defaults (Go RE2 regexes, applied unanchored unless `anchor` says otherwise). */
export const qdiscFlags: readonly FlagSpec[] = [
  { name: 'collector.qdisc.fixtures', description: 'Directory with a results.json of qdisc records to report instead of the kernel\'s (node_exporter\'s end-to-end test input).', default: '', placeholder: '<dir>' },
  { kind: 'regex', name: 'collector.qdisc.device-include', description: 'Regexp of devices whose qdisc to report (mutually exclusive with device-exclude).', default: '',
    excludeFlag: 'collector.qdisc.device-exclude', deprecatedAliases: ['collector.qdisk.device-include'] },
  { kind: 'regex', name: 'collector.qdisc.device-exclude', description: 'Regexp of devices whose qdisc to leave out (mutually exclusive with device-include).', default: '',
    deprecatedAliases: ['collector.qdisk.device-exclude'] },
];

/** A root qdisc with its device's name: what the collector reports. */
export interface NamedQdisc extends QdiscRecord {
  readonly device: string;
}

/** The live dumps: every qdisc, named through the link table (a missing index gives ""). */
async function readNamedQdiscs(): Promise<NamedQdisc[]> {
  const [links, qdiscs] = await Promise.all([readLinks(), readQdiscs()]);
  const names = new Map(links.map((l) => [l.index, l.name]));
  return qdiscs.map((q) => ({ ...q, device: names.get(q.interfaceIndex) ?? '' }));
}

/**
 * --collector.qdisc.fixtures: node_exporter's end-to-end test input, <dir>/results.json, a JSON
 * array of ema/qdisc's QdiscInfo (IfaceName, Parent, Kind, Bytes, Packets, Drops, Requeues,
 * Overlimits, Qlen, Backlog).
 */
export function parseQdiscFixture(text: string): NamedQdisc[] {
  const rows: unknown = JSON.parse(text);
  if (!Array.isArray(rows)) throw new Error('qdisc fixtures: results.json is not a JSON array');
  const num = (row: Record<string, unknown>, key: string): number => (typeof row[key] === 'number' ? row[key] : 0);
  return rows.map((r: Record<string, unknown>) => ({
    device: typeof r.IfaceName === 'string' ? r.IfaceName : '',
    interfaceIndex: 0,
    handle: num(r, 'Handle'),
    parent: num(r, 'Parent'),
    kind: typeof r.Kind === 'string' ? r.Kind : '',
    bytes: num(r, 'Bytes'),
    packets: num(r, 'Packets'),
    drops: num(r, 'Drops'),
    requeues: num(r, 'Requeues'),
    overlimits: num(r, 'Overlimits'),
    queueLength: num(r, 'Qlen'),
    backlog: num(r, 'Backlog'),
  }));
}

/** Gets the qdiscs; tests hand in their own. */
export function qdiscCollectorFrom(read: (fixtures: string) => Promise<NamedQdisc[]>): Collector<NodeContext> {
  return {
    name: 'qdisc',
    flags: qdiscFlags,
    help: 'Root queueing discipline statistics per device, read over rtnetlink.',
    defaultEnabled: false,
    async collect(ctx, out) {
      const flags = ctx.target.flags;
      const filter = flagFilter(flags, { include: 'collector.qdisc.device-include', exclude: 'collector.qdisc.device-exclude' });
      for (const q of await read(String(flags['collector.qdisc.fixtures'] ?? ''))) {
        // Only root qdiscs, as node_exporter (ema/qdisc turns TC_H_ROOT into parent 0).
        if (q.parent !== 0 && q.parent !== TC_H_ROOT) continue;
        if (filter.ignored(q.device)) continue;
        const labels = { device: q.device, kind: q.kind };
        out.counter('node_qdisc_bytes_total', 'Bytes the qdisc has sent.', q.bytes, labels);
        out.counter('node_qdisc_packets_total', 'Packets the qdisc has sent.', q.packets, labels);
        out.counter('node_qdisc_drops_total', 'Packets the qdisc has dropped.', q.drops, labels);
        out.counter('node_qdisc_requeues_total', 'Packets dequeued, not sent, and queued again.', q.requeues, labels);
        out.counter('node_qdisc_overlimits_total', 'Times the qdisc was over its limit.', q.overlimits, labels);
        out.gauge('node_qdisc_current_queue_length', 'Packets waiting in the queue now.', q.queueLength, labels);
        out.gauge('node_qdisc_backlog', 'Bytes waiting in the queue now.', q.backlog, labels);
      }
    },
  };
}

export const qdiscCollector = qdiscCollectorFrom(async (fixtures) =>
  fixtures === '' ? readNamedQdiscs() : parseQdiscFixture(await readFile(join(fixtures, 'results.json'), 'utf8')));
