/**
 * RTM_NEWQDISC messages (linux/rtnetlink.h, linux/pkt_sched.h, linux/gen_stats.h): struct tcmsg,
 * then TCA_* attributes. Decoded as ema/qdisc (node_exporter's qdisc library) decodes them:
 * attributes are applied in the order the kernel sends them, TCA_STATS2's nested basic and
 * queue statistics first, then the legacy TCA_STATS struct, which overrides the fields it has.
 */
import { cString, netlinkAttributes } from './attributes.js';

export const RTM_GETQDISC = 38;
export const RTM_NEWQDISC = 36;
/** sizeof(struct tcmsg). */
export const TCMSG_LENGTH = 20;
/** TC_H_ROOT: the parent of a device's root qdisc. */
export const TC_H_ROOT = 0xffffffff;

const TCA_KIND = 1;
const TCA_STATS = 3;
const TCA_STATS2 = 7;
const TCA_STATS_BASIC = 1;
const TCA_STATS_QUEUE = 3;

export interface QdiscRecord {
  readonly interfaceIndex: number;
  readonly handle: number;
  readonly parent: number;
  readonly kind: string;
  readonly bytes: number;
  readonly packets: number;
  readonly drops: number;
  readonly requeues: number;
  readonly overlimits: number;
  readonly queueLength: number;
  readonly backlog: number;
}

/** A u64 counter as a number (exact below 2^53, which a byte counter reaches after petabytes). */
const u64 = (b: Buffer, at: number): number => Number(b.readBigUInt64LE(at));

export function decodeQdisc(payload: Buffer): QdiscRecord | undefined {
  if (payload.length < TCMSG_LENGTH) return undefined;
  const q = {
    interfaceIndex: payload.readInt32LE(4),
    handle: payload.readUInt32LE(8),
    parent: payload.readUInt32LE(12),
    kind: '',
    bytes: 0, packets: 0, drops: 0, requeues: 0, overlimits: 0, queueLength: 0, backlog: 0,
  };
  for (const a of netlinkAttributes(payload, TCMSG_LENGTH)) {
    if (a.type === TCA_KIND) q.kind = cString(a.value);
    else if (a.type === TCA_STATS2) {
      q.bytes = 0; q.packets = 0; q.drops = 0; q.requeues = 0; q.overlimits = 0; q.queueLength = 0; q.backlog = 0;
      for (const n of netlinkAttributes(a.value)) {
        if (n.type === TCA_STATS_BASIC && n.value.length >= 12) {
          q.bytes = u64(n.value, 0);
          q.packets = n.value.readUInt32LE(8);
        } else if (n.type === TCA_STATS_QUEUE && n.value.length >= 20) {
          q.queueLength = n.value.readUInt32LE(0);
          q.backlog = n.value.readUInt32LE(4);
          q.drops = n.value.readUInt32LE(8);
          q.requeues = n.value.readUInt32LE(12);
          q.overlimits = n.value.readUInt32LE(16);
        }
      }
    } else if (a.type === TCA_STATS && a.value.length >= 36) {
      // struct tc_stats: bytes u64, packets, drops, overlimits, bps, pps, qlen, backlog (u32 each).
      q.bytes = u64(a.value, 0);
      q.packets = a.value.readUInt32LE(8);
      q.drops = a.value.readUInt32LE(12);
      q.overlimits = a.value.readUInt32LE(16);
      q.queueLength = a.value.readUInt32LE(28);
      q.backlog = a.value.readUInt32LE(32);
    }
  }
  return q;
}
