import { describe, expect, it } from 'vitest';
import { align4, cString, encodeAttribute, netlinkAttributes } from '../../src/netlink/attributes.js';
import { attr, cstr, u16, u32 } from './build.js';

const walk = (buf: Buffer, start?: number): Array<[number, string]> =>
  [...netlinkAttributes(buf, start)].map((a) => [a.type, a.value.toString('hex')]);

describe('netlink attributes', () => {
  it('walks attributes padded to 4 bytes, the value excluding the padding', () => {
    const buf = Buffer.concat([attr(3, cstr('wlan0')), attr(1, u16(0x1c)), attr(5, u32(2))]);
    expect(buf.length).toBe(12 + 8 + 8);
    expect(walk(buf)).toEqual([[3, '776c616e3000'], [1, '1c00'], [5, '02000000']]);
  });

  it('starts after the family header and masks the NLA_F_NESTED and NLA_F_NET_BYTEORDER flags out of the type', () => {
    const nested = Buffer.from(attr(0x8000 | 7, attr(1, u32(9))));
    const netOrder = attr(0x4000 | 2, Buffer.from([0, 0, 0, 80]));
    expect(walk(Buffer.concat([Buffer.from([1, 1, 0, 0]), nested, netOrder]), 4)).toEqual([[7, '0800010009000000'], [2, '00000050']]);
  });

  it('yields an empty attribute (a flag) at the very end of the buffer', () => {
    const flag = attr(4, Buffer.alloc(0));
    expect(flag.length).toBe(4);
    expect(walk(Buffer.concat([attr(1, u32(1)), flag]))).toEqual([[1, '01000000'], [4, '']]);
  });

  it('ends the walk at an attribute longer than what is left, keeping the ones before it', () => {
    const truncated = Buffer.from([12, 0, 6, 0, 1, 2, 3, 4]);
    expect(walk(Buffer.concat([attr(1, u32(1)), truncated]))).toEqual([[1, '01000000']]);
    expect(walk(truncated)).toEqual([]);
  });

  it('ends the walk at an attribute whose length does not even cover its header', () => {
    expect(walk(Buffer.concat([attr(1, u32(1)), Buffer.from([3, 0, 2, 0]), attr(2, u32(2))]))).toEqual([[1, '01000000']]);
    expect(walk(Buffer.concat([Buffer.from([0, 0, 2, 0]), attr(2, u32(2))]))).toEqual([]);
  });

  it('ignores a tail shorter than an attribute header', () => {
    expect(walk(Buffer.concat([attr(1, u32(1)), Buffer.from([8, 0, 2])]))).toEqual([[1, '01000000']]);
  });

  it('encodes an attribute as the kernel lays it out: length without padding, then zero padding to 4 bytes', () => {
    expect(encodeAttribute(2, Buffer.from('nl80211\0')).toString('hex')).toBe('0c0002006e6c383032313100');
    expect(encodeAttribute(3, Buffer.from([7])).toString('hex')).toBe('0500030007000000');
    expect([align4(0), align4(1), align4(4), align4(5), align4(8)]).toEqual([0, 4, 4, 8, 8]);
  });

  it('reads a C string up to its first NUL, or the whole value without one', () => {
    expect(cString(Buffer.from('eth0\0\0\0'))).toBe('eth0');
    expect(cString(Buffer.from('eth0'))).toBe('eth0');
    expect(cString(Buffer.from('\0eth0'))).toBe('');
    expect(cString(Buffer.alloc(0))).toBe('');
  });
});
