import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detailedCounterName } from '../../src/sysfs/net-statistics.js';
import { FIXTURES } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('net statistics counter names', () => {
  it('names every counter file of fixture eth1 with rx_ and tx_ spelled out, the others unchanged', () => {
    const files = readdirSync(`${FIXTURES}/sys/class/net/eth1/statistics`).sort();
    expect(files.map(detailedCounterName)).toEqual([
      'collisions', 'multicast', 'receive_bytes', 'receive_crc_errors', 'receive_dropped', 'receive_errors', 'receive_missed_errors',
      'receive_nohandler', 'receive_packets', 'transmit_bytes', 'transmit_carrier_errors', 'transmit_dropped', 'transmit_errors',
      'transmit_packets',
    ]);
  });

  it.each([
    ['rx_', 'receive_'],
    ['tx_', 'transmit_'],
    ['rx_compressed', 'receive_compressed'],
    ['tx_heartbeat_errors', 'transmit_heartbeat_errors'],
    ['rxtx_x', 'rxtx_x'],
    ['my_rx_x', 'my_rx_x'],
    ['0', '0'],
  ])('names file %j %j', (file, name) => {
    expect(detailedCounterName(file)).toBe(name);
  });

  it.each([
    ['an empty name', ''],
    ['an upper-case letter in front', 'Xrx_bytes'],
    ['an upper-case letter at the end', 'rx_bytesX'],
    ['a dash', 'rx-bytes'],
    ['a trailing newline', 'rx_bytes\n'],
    ['a dotfile', '.rx_bytes'],
  ])('ignores %s', (_what, file) => {
    expect(detailedCounterName(file)).toBe(undefined);
  });
});

describe('net statistics parser under garbage input', () => {
  itSurvivesGarbage('net statistics counter name', 'rx_bytes', detailedCounterName);
});
