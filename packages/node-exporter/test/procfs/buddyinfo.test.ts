import { describe, expect, it } from 'vitest';
import { parseBuddyinfo } from '../../src/procfs/buddyinfo.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

describe('buddyinfo parser', () => {
  it('reads each zone of the fixture with its free-block count per order', () => {
    expect(parseBuddyinfo(readFixture('proc/buddyinfo'))).toEqual([
      { node: '0', zone: 'DMA', sizes: [1, 1, 1, 0, 2, 1, 1, 0, 1, 1, 3] },
      { node: '0', zone: 'DMA32', sizes: [1203, 871, 512, 301, 117, 48, 14, 3, 2, 1, 411] },
      { node: '0', zone: 'Normal', sizes: [4021, 2210, 980, 412, 133, 41, 10, 2, 0, 0, 0] },
    ]);
  });

  it('trims lines, skips blank ones, and reads multi-digit nodes and any blank run between fields', () => {
    expect(parseBuddyinfo('  Node 1, zone   Normal   1 2\t\t3  \n\n \t\nNode  12,zone DMA32\t4\n')).toEqual([
      { node: '1', zone: 'Normal', sizes: [1, 2, 3] },
      { node: '12', zone: 'DMA32', sizes: [4] },
    ]);
  });

  it('returns no zones for an empty file', () => {
    expect(parseBuddyinfo('')).toEqual([]);
  });

  it.each([
    ['a line that does not start with "Node"', 'xNode 0, zone DMA 1 2\n', '/proc/buddyinfo: unexpected line "xNode 0, zone DMA 1 2"'],
    ['a zone without counts', 'Node 0, zone DMA\n', '/proc/buddyinfo: unexpected line "Node 0, zone DMA"'],
    ['a node that is not a number', 'Node x, zone DMA 1\n', '/proc/buddyinfo: unexpected line "Node x, zone DMA 1"'],
    ['a carriage return inside the counts', 'Node 0, zone DMA 1\r2\n', '/proc/buddyinfo: unexpected line "Node 0, zone DMA 1\\r2"'],
    ['a count with a trailing letter', 'Node 0, zone DMA 1 2x\n', '/proc/buddyinfo: "2x" is not a count'],
    ['a count with a leading letter', 'Node 0, zone DMA x2 1\n', '/proc/buddyinfo: "x2" is not a count'],
    ['a negative count', 'Node 0, zone DMA -1\n', '/proc/buddyinfo: "-1" is not a count'],
  ])('refuses %s with a ParseError', (_what, text, message) => {
    expectParseError(() => parseBuddyinfo(text), message);
  });

  it('quotes at most 60 characters of an unexpected line', () => {
    const line = `Zone 0 ${'1 '.repeat(40)}`.trim();
    expectParseError(() => parseBuddyinfo(`${line}\n`), `/proc/buddyinfo: unexpected line ${JSON.stringify(line.slice(0, 60))}`);
  });
});

describe('buddyinfo parser under garbage input', () => {
  itSurvivesGarbage('buddyinfo', 'Node 0, zone DMA 1 2 3\n', parseBuddyinfo);
});
