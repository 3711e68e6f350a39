import { describe, expect, it } from 'vitest';
import { parseNetstatPairs, parseSnmp6 } from '../../src/procfs/netstat.js';
import { readFixture } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('netstat parser', () => {
  it('snmp6: protocol is everything up to the first 6', () => {
    expect(parseSnmp6('UdpLite6InErrors 4\nIcmp6OutMsgs 9\nNoSixHere 1\n')).toEqual([
      { protocol: 'UdpLite6', field: 'InErrors', value: 4 },
      { protocol: 'Icmp6', field: 'OutMsgs', value: 9 },
    ]);
  });
  it('netstat pairs: header and values must agree', () => {
    expect(() => parseNetstatPairs('Tcp: A B\nUdp: 1 2\n', 'snmp')).toThrow(/protocol/);
    expect(() => parseNetstatPairs('Tcp: A B\nTcp: 1\n', 'snmp')).toThrow(/values/);
  });
});

describe('netstat parser under garbage input', () => {
  itSurvivesGarbage('net/netstat', readFixture('proc/net/netstat'), (t) => parseNetstatPairs(t, 'net/netstat'), { seed: 87109, reachesErrors: true });
  itSurvivesGarbage('net/snmp', readFixture('proc/net/snmp'), (t) => parseNetstatPairs(t, 'net/snmp'), { seed: 63352, reachesErrors: true });
  itSurvivesGarbage('net/snmp6', readFixture('proc/net/snmp6'), parseSnmp6, { seed: 71271, reachesErrors: true });
});
