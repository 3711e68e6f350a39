import { describe, expect, it } from 'vitest';
import { decodeFamily } from '../../src/netlink/generic.js';
import { decodeAssociatedBss, decodeStation, decodeWifiInterface } from '../../src/netlink/nl80211.js';
import { decodeQdisc } from '../../src/netlink/qdiscs.js';
import { decodeAddress, decodeLink } from '../../src/netlink/route-messages.js';
import { decodeRoute } from '../../src/netlink/routes.js';
import { rng } from '../garbage.js';
import { attr, cstr, u32, u64 } from './build.js';

/** A valid-looking payload per decoder: its fixed header, then nested attributes to mutate. */
const SEEDS: Array<[string, (b: Buffer) => unknown, Buffer]> = [
  ['route', decodeRoute, Buffer.concat([Buffer.from([2, 24, 0, 0, 254, 2, 0, 1, 0, 0, 0, 0]), attr(1, Buffer.from([10, 0, 0, 0])), attr(9, Buffer.concat([Buffer.from([16, 0, 0, 0, 2, 0, 0, 0]), attr(5, Buffer.from([10, 0, 0, 1]))]))])],
  ['qdisc', decodeQdisc, Buffer.concat([Buffer.alloc(20), attr(1, cstr('fq')), attr(7, Buffer.concat([attr(1, Buffer.concat([u64(1n), u32(2), u32(0)])), attr(3, Buffer.alloc(20))])), attr(3, Buffer.alloc(36))])],
  ['link', decodeLink, Buffer.concat([Buffer.alloc(16), attr(3, cstr('eth0'))])],
  ['address', decodeAddress, Buffer.concat([Buffer.from([10, 64, 0, 0, 2, 0, 0, 0]), attr(1, Buffer.alloc(16))])],
  ['family', decodeFamily, Buffer.concat([Buffer.alloc(4), attr(2, cstr('nl80211')), attr(1, Buffer.from([0x1c, 0]))])],
  ['interface', decodeWifiInterface, Buffer.concat([Buffer.alloc(4), attr(4, cstr('wlan0')), attr(38, u32(2412))])],
  ['station', decodeStation, Buffer.concat([Buffer.alloc(4), attr(6, Buffer.alloc(6)), attr(21, Buffer.concat([attr(23, u64(5n)), attr(7, Buffer.from([0xc4])), attr(14, attr(5, u32(10)))]))])],
  ['bss', decodeAssociatedBss, Buffer.concat([Buffer.alloc(4), attr(47, Buffer.concat([attr(1, Buffer.alloc(6)), attr(6, Buffer.from([0, 2, 0x41, 0x42])), attr(9, u32(1))]))])],
];

describe('netlink decoders on damaged input', () => {
  it.each(SEEDS)('%s: random, truncated and bit-flipped payloads give a record or undefined, never an exception', (_name, decode, seed) => {
    const r = rng(7);
    expect(() => decode(seed)).not.toThrow();
    for (let i = 0; i < 400; i++) {
      const random = Buffer.from(Array.from({ length: Math.floor(r() * 96) }, () => Math.floor(r() * 256)));
      const truncated = seed.subarray(0, Math.floor(r() * seed.length));
      const flipped = Buffer.from(seed);
      for (let k = 0; k < 1 + Math.floor(r() * 4); k++) flipped[Math.floor(r() * flipped.length)] = Math.floor(r() * 256);
      for (const input of [random, truncated, flipped]) expect(() => decode(input), input.toString('hex')).not.toThrow();
    }
  });
});
