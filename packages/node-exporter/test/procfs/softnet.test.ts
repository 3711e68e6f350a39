import { describe, expect, it } from 'vitest';
import { parseSoftnetStat, type SoftnetRow } from '../../src/procfs/softnet.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

/** A row with every counter 0 unless given. */
function row(cpu: number, fields: Partial<SoftnetRow> = {}): SoftnetRow {
  return { cpu, processed: 0, dropped: 0, timeSqueezed: 0, cpuCollision: 0, receivedRps: 0, flowLimitCount: 0, backlogLen: 0, ...fields };
}

/** One softnet_stat line whose column k (0-based) holds k + 1, `width` columns wide. */
function counting(width: number): string {
  return Array.from({ length: width }, (_, k) => (k + 1).toString(16).padStart(8, '0')).join(' ');
}

describe('softnet parser', () => {
  it('reads every row of the fixture (15 columns: the CPU id from column 13)', () => {
    expect(parseSoftnetStat(readFixture('proc/net/softnet_stat'))).toEqual([
      row(0, { processed: 0x2a1f3, timeSqueezed: 0x1c, cpuCollision: 3, receivedRps: 0x11 }),
      row(1, { processed: 0x1b0e9, dropped: 5, timeSqueezed: 2, receivedRps: 8, flowLimitCount: 1, backlogLen: 2 }),
      row(2, { processed: 0x9f00 }),
      row(3, { processed: 0x42 }),
    ]);
  });

  const all13 = { processed: 1, dropped: 2, timeSqueezed: 3, cpuCollision: 9, receivedRps: 10, flowLimitCount: 11, backlogLen: 12 };
  it.each([
    [9, 'a 2.6 kernel: no rps, flow limit or backlog', { processed: 1, dropped: 2, timeSqueezed: 3, cpuCollision: 9 }, 0],
    [10, 'ten columns: rps is read from eleven columns on', { processed: 1, dropped: 2, timeSqueezed: 3, cpuCollision: 9 }, 0],
    [11, 'a 4.x kernel: rps and flow limit', { processed: 1, dropped: 2, timeSqueezed: 3, cpuCollision: 9, receivedRps: 10, flowLimitCount: 11 }, 0],
    [12, 'twelve columns: backlog and CPU id need thirteen', { processed: 1, dropped: 2, timeSqueezed: 3, cpuCollision: 9, receivedRps: 10, flowLimitCount: 11 }, 0],
    [13, 'a 5.10+ kernel: backlog and the CPU id of column 13', all13, 13],
  ])('%i columns, %s', (width, _what, fields, cpu) => {
    expect(parseSoftnetStat(`${counting(width)}\n`)).toEqual([row(cpu, fields)]);
  });

  it('ignores columns after the 13th, whatever they hold', () => {
    expect(parseSoftnetStat(`${counting(13)} 1ffffffff zz\n`)).toEqual([row(13, all13)]);
  });

  it('numbers rows of older kernels by position, skipping blank lines and blanks around columns', () => {
    expect(parseSoftnetStat('\n 1  0 0 0 0 0 0 0 0\n   \n2\t0 0 0 0 0 0 0 ffffffff  \n')).toEqual([
      row(0, { processed: 1 }),
      row(1, { processed: 2, cpuCollision: 0xffffffff }),
    ]);
  });

  it.each([
    ['a short row', '0 0 0 0 0 0 0 0 0\n\n00000001 00000002\n', 'softnet_stat line 3: 2 columns, expected at least 9'],
    ['a column that is no hex number', '0 0 0 0 0 0 0 0 0\n0 0 xyz 0 0 0 0 0 0\n', 'softnet_stat line 2 column 3: not a 32-bit hex number: "xyz"'],
    ['a column with a hex prefix', '0x1 0 0 0 0 0 0 0 0\n', 'softnet_stat line 1 column 1: not a 32-bit hex number: "0x1"'],
    ['a column with a trailing letter', '0 0 0 0 0 0 0 0 1g\n', 'softnet_stat line 1 column 9: not a 32-bit hex number: "1g"'],
    ['a column wider than 32 bits', '0 123456789 0 0 0 0 0 0 0\n', 'softnet_stat line 1 column 2: not a 32-bit hex number: "123456789"'],
  ])('rejects %s with the exact message', (_what, text, message) => {
    expectParseError(() => parseSoftnetStat(text), message);
  });
});

describe('softnet parser under garbage input', () => {
  itSurvivesGarbage('softnet_stat', readFixture('proc/net/softnet_stat'), parseSoftnetStat);
});
