import { describe, expect, it } from 'vitest';
import { decodeQdisc, TC_H_ROOT } from '../../src/netlink/qdiscs.js';
import { attr, cstr, u32, u64 } from './build.js';

function tcmsg(ifindex: number, handle: number, parent: number, ...attrs: Buffer[]): Buffer {
  const head = Buffer.alloc(20);
  head.writeInt32LE(ifindex, 4);
  head.writeUInt32LE(handle, 8);
  head.writeUInt32LE(parent, 12);
  return Buffer.concat([head, ...attrs]);
}

const basic = (bytes: bigint, packets: number): Buffer => attr(1, Buffer.concat([u64(bytes), u32(packets), Buffer.alloc(4)]));
const queue = (qlen: number, backlog: number, drops: number, requeues: number, overlimits: number): Buffer =>
  attr(3, Buffer.concat([u32(qlen), u32(backlog), u32(drops), u32(requeues), u32(overlimits)]));
/** struct tc_stats: bytes, packets, drops, overlimits, bps, pps, qlen, backlog. */
const legacy = (bytes: bigint, packets: number, drops: number, overlimits: number, qlen: number, backlog: number): Buffer =>
  attr(3, Buffer.concat([u64(bytes), u32(packets), u32(drops), u32(overlimits), u32(0), u32(0), u32(qlen), u32(backlog), Buffer.alloc(4)]));

describe('RTM_NEWQDISC decoding', () => {
  it('reads the kind and the TCA_STATS2 basic and queue statistics', () => {
    const q = decodeQdisc(tcmsg(2, 0x10000, TC_H_ROOT, attr(1, cstr('fq_codel')), attr(7, Buffer.concat([basic(2n ** 40n + 5n, 900), queue(3, 1500, 7, 2, 11)]))));
    expect(q).toEqual({ interfaceIndex: 2, handle: 0x10000, parent: TC_H_ROOT, kind: 'fq_codel', bytes: 2 ** 40 + 5, packets: 900, queueLength: 3, backlog: 1500, drops: 7, requeues: 2, overlimits: 11 });
  });

  it('lets a later legacy TCA_STATS replace the fields it carries, keeping requeues from TCA_STATS2 (ema/qdisc order)', () => {
    const q = decodeQdisc(tcmsg(1, 0, TC_H_ROOT, attr(1, cstr('pfifo_fast')), attr(7, Buffer.concat([basic(100n, 10), queue(1, 2, 3, 4, 5)])), legacy(200n, 20, 30, 50, 10, 20)));
    expect(q).toMatchObject({ bytes: 200, packets: 20, drops: 30, overlimits: 50, queueLength: 10, backlog: 20, requeues: 4 });
  });

  it('reports a child qdisc with its parent handle and zero statistics when none are sent', () => {
    expect(decodeQdisc(tcmsg(2, 0x80010000, 0x10001, attr(1, cstr('pfifo')))))
      .toEqual({ interfaceIndex: 2, handle: 0x80010000, parent: 0x10001, kind: 'pfifo', bytes: 0, packets: 0, drops: 0, requeues: 0, overlimits: 0, queueLength: 0, backlog: 0 });
  });

  it('refuses a payload shorter than struct tcmsg, and reads one that is struct tcmsg alone', () => {
    expect(decodeQdisc(Buffer.alloc(19))).toBeUndefined();
    expect(decodeQdisc(tcmsg(3, 0, TC_H_ROOT)))
      .toEqual({ interfaceIndex: 3, handle: 0, parent: TC_H_ROOT, kind: '', bytes: 0, packets: 0, drops: 0, requeues: 0, overlimits: 0, queueLength: 0, backlog: 0 });
  });

  it('reads a full fq_codel message: options, offload flag, TCA_STATS2 with the qdisc\'s own app statistics, then TCA_STATS and TCA_XSTATS', () => {
    // tc_fill_qdisc order. The fq_codel options and xstats (struct tc_fq_codel_xstats: type, maxpacket, drop_overlimit,
    // ecn_mark, new_flow_count, new_flows_len, old_flows_len, ce_mark, memory_usage, drop_overmemory) are no statistics of ours.
    const options = attr(0x8000 | 2, Buffer.concat([attr(1, u32(4999)), attr(2, u32(10240)), attr(3, u32(99999)), attr(4, u32(1)),
      attr(5, u32(1024)), attr(6, u32(1514)), attr(8, u32(64)), attr(9, u32(33554432))]));
    const xstats = Buffer.concat([u32(0), u32(1514), u32(0), u32(5), u32(17), u32(0), u32(1), u32(0), u32(3840), u32(0)]);
    const q = decodeQdisc(tcmsg(2, 0, TC_H_ROOT, attr(1, cstr('fq_codel')), options, attr(12, Buffer.from([0])),
      attr(7, Buffer.concat([basic(123456789n, 654321), queue(0, 0, 7, 2, 1), attr(4, xstats)])),
      legacy(123456789n, 654321, 7, 1, 0, 0), attr(4, xstats)));
    expect(q).toEqual({ interfaceIndex: 2, handle: 0, parent: TC_H_ROOT, kind: 'fq_codel', bytes: 123456789, packets: 654321, drops: 7, requeues: 2, overlimits: 1, queueLength: 0, backlog: 0 });
  });

  it('reads the 12-byte basic and 36-byte legacy statistics of a 32-bit kernel (no padding after the u64)', () => {
    const basic32 = attr(1, Buffer.concat([u64(5000n), u32(50)]));
    expect(decodeQdisc(tcmsg(1, 0, TC_H_ROOT, attr(7, basic32)))).toMatchObject({ bytes: 5000, packets: 50 });
    const legacy32 = attr(3, Buffer.concat([u64(6000n), u32(60), u32(6), u32(5), u32(0), u32(0), u32(4), u32(3)]));
    expect(decodeQdisc(tcmsg(1, 0, TC_H_ROOT, legacy32))).toMatchObject({ bytes: 6000, packets: 60, drops: 6, overlimits: 5, queueLength: 4, backlog: 3 });
  });

  it('ignores basic, queue and legacy statistics too short for their struct', () => {
    const q = decodeQdisc(tcmsg(1, 0, TC_H_ROOT, attr(7, Buffer.concat([attr(1, u64(5000n)), attr(3, Buffer.concat([u32(1), u32(2), u32(3), u32(4)]))])),
      attr(3, Buffer.concat([u64(6000n), u32(60), u32(6), u32(5), u32(0), u32(0), u32(4)]))));
    expect(q).toMatchObject({ bytes: 0, packets: 0, drops: 0, requeues: 0, overlimits: 0, queueLength: 0, backlog: 0 });
  });
});
