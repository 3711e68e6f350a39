import { describe, expect, it } from 'vitest';
import { NETCLASS_FILES, parseNetClassIface } from '../../src/sysfs/netclass.js';
import { readFixtureDir } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

/** The attribute files of one fixture interface that exist, as the collector's readAttrs hands them over. */
/** What every fixture interface shares. */
const COMMON = { addrAssignType: 0, devId: 0, dormant: 0, linkMode: 0, netdevGroup: 0, txQueueLen: 1000 };

describe('netclass attribute list', () => {
  it('names the 22 files node_exporter reads, in order', () => {
    expect(NETCLASS_FILES.join(' ')).toBe(
      'addr_assign_type address broadcast carrier carrier_changes carrier_up_count carrier_down_count dev_id dormant duplex flags ' +
        'ifalias ifindex iflink link_mode mtu name_assign_type netdev_group operstate speed tx_queue_len type',
    );
  });
});

describe('netclass interfaces', () => {
  it.each([
    ['eth0', {
      ...COMMON, name: 'eth0', address: '52:54:00:3a:1c:07', broadcast: 'ff:ff:ff:ff:ff:ff', duplex: 'full', ifalias: 'uplink-a', operstate: 'up',
      carrier: 1, carrierChanges: 3, carrierUpCount: 2, carrierDownCount: 1, flags: 0x1803, ifindex: 2, iflink: 2, mtu: 1500, nameAssignType: 4, speed: 10000, type: 1,
    }],
    ['eth1', {
      ...COMMON, name: 'eth1', address: '52:54:00:3a:1c:08', broadcast: 'ff:ff:ff:ff:ff:ff', duplex: 'unknown', ifalias: '', operstate: 'down',
      carrierChanges: 6, carrierUpCount: 3, carrierDownCount: 3, flags: 0x1802, ifindex: 3, iflink: 3, mtu: 1500, nameAssignType: 4, speed: -1, type: 1,
    }],
    ['lo', {
      ...COMMON, name: 'lo', address: '00:00:00:00:00:00', broadcast: '00:00:00:00:00:00', ifalias: '', operstate: 'unknown',
      carrier: 1, carrierChanges: 0, carrierUpCount: 0, carrierDownCount: 0, flags: 0x9, ifindex: 1, iflink: 1, mtu: 65536, type: 772,
    }],
  ])('reads fixture %s: texts trimmed, integers decimal, dev_id and flags hex, absent files absent', (iface, expected) => {
    const parsed = parseNetClassIface(iface, readFixtureDir(`sys/class/net/${iface}`, NETCLASS_FILES));
    expect(parsed).toEqual(expected);
    // toEqual ignores undefined members: pin which attributes are absent.
    expect(Object.keys(parsed).filter((k) => parsed[k as keyof typeof parsed] === undefined)).toEqual(
      Object.keys(parsed).filter((k) => !(k in expected)),
    );
  });

  it('reads each attribute into its own field (distinct values, no fixture coincidences)', () => {
    const files = Object.fromEntries(NETCLASS_FILES.map((f, i) => [f, ` ${i + 10}\n`]));
    expect(parseNetClassIface('x', { ...files, address: 'a\n', broadcast: 'b\n', duplex: 'half\n', ifalias: ' my alias \n', operstate: 'dormant\n' })).toEqual({
      name: 'x', address: 'a', broadcast: 'b', duplex: 'half', ifalias: 'my alias', operstate: 'dormant',
      addrAssignType: 10, carrier: 13, carrierChanges: 14, carrierUpCount: 15, carrierDownCount: 16, devId: 0x17, dormant: 18,
      flags: 0x20, ifindex: 22, iflink: 23, linkMode: 24, mtu: 25, nameAssignType: 26, netdevGroup: 27, speed: 29, txQueueLen: 30, type: 31,
    });
  });

  it('gives only the name when no attribute could be read', () => {
    expect(Object.entries(parseNetClassIface('wg0', {})).filter(([, v]) => v !== undefined)).toEqual([['name', 'wg0']]);
  });

  it.each([
    [{ mtu: 'big\n' }, 'eth9/mtu: expected an integer, got "big"'],
    [{ speed: '0x10' }, 'eth9/speed: expected an integer, got "0x10"'],
    [{ flags: '0xzz\n' }, 'eth9/flags: expected a hex number, got "zz"'],
    [{ dev_id: '-1' }, 'eth9/dev_id: expected a hex number, got "-1"'],
  ])('refuses %j naming the interface and file', (files, message) => {
    expectParseError(() => parseNetClassIface('eth9', files), message);
  });
});

describe('netclass parser under garbage input', () => {
  itSurvivesGarbage('netclass', '1\n', (t) => parseNetClassIface('eth0', Object.fromEntries(NETCLASS_FILES.map((f) => [f, t]))));
});
