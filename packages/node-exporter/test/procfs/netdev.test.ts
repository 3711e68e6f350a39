import { describe, expect, it } from 'vitest';
import { parseNetDev } from '../../src/procfs/netdev.js';
import { readFixture } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('netdev parser', () => {
  it('net/dev: columns named from the header', () => {
    const d = parseNetDev(readFixture('proc/net/dev'));
    expect(d.map((x) => x.device)).toEqual(['lo', 'eth0', 'eth1', 'bond0']);
    expect(d[1]?.counters.get('transmit_colls')).toBe(0);
    expect(d[1]?.counters.get('receive_multicast')).toBe(4567);
    expect(d[1]?.counters.size).toBe(16);
  });

  it('net/dev: the two header lines and no interface yet is an empty list, not an error', () => {
    const header = readFixture('proc/net/dev').split('\n').slice(0, 2).join('\n');
    expect(parseNetDev(`${header}\n`)).toEqual([]);
  });
});

describe('netdev parser under garbage input', () => {
  itSurvivesGarbage('net/dev', readFixture('proc/net/dev'), parseNetDev, { seed: 55433, reachesErrors: true });
});
