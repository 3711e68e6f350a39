import { describe, expect, it } from 'vitest';
import { parseProcDrbd, type DrbdSample } from '../../src/procfs/drbd.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

const num = (device: string, key: string, value: number): DrbdSample => ({ kind: 'number', device, key, value });
const pair = (device: string, key: string, local: string, remote: string): DrbdSample => ({ kind: 'pair', device, key, local, remote });
const cs = (device: string, state: string): DrbdSample => ({ kind: 'connection', device, state });

describe('drbd parser', () => {
  it('reads both devices of the fixture, every counter in file order, skipping banner, flags and progress words', () => {
    expect(parseProcDrbd(readFixture('proc/drbd'))).toEqual([
      cs('drbd0', 'Connected'), pair('drbd0', 'ro', 'Primary', 'Secondary'), pair('drbd0', 'ds', 'UpToDate', 'UpToDate'),
      num('drbd0', 'ns', 2940212), num('drbd0', 'nr', 0), num('drbd0', 'dw', 2940212), num('drbd0', 'dr', 301221),
      num('drbd0', 'al', 412), num('drbd0', 'bm', 0), num('drbd0', 'lo', 0), num('drbd0', 'pe', 0), num('drbd0', 'ua', 0),
      num('drbd0', 'ap', 0), num('drbd0', 'ep', 1), num('drbd0', 'oos', 0),
      cs('drbd1', 'SyncSource'), pair('drbd1', 'ro', 'Primary', 'Secondary'), pair('drbd1', 'ds', 'UpToDate', 'Inconsistent'),
      num('drbd1', 'ns', 102400), num('drbd1', 'nr', 12), num('drbd1', 'dw', 204800), num('drbd1', 'dr', 1024),
      num('drbd1', 'al', 7), num('drbd1', 'bm', 3), num('drbd1', 'lo', 1), num('drbd1', 'pe', 2), num('drbd1', 'ua', 0),
      num('drbd1', 'ap', 1), num('drbd1', 'ep', 1), num('drbd1', 'oos', 51200),
    ]);
  });

  it('names samples before any "N:" word device "unknown"', () => {
    expect(parseProcDrbd('ns:5 cs:StandAlone\n')).toEqual([num('unknown', 'ns', 5), cs('unknown', 'StandAlone')]);
  });

  it('starts a device only at a bare "N:" word, numbered in decimal as node_exporter does', () => {
    const text = '12: ns:1 007: ns:2 3:4 ns:3 x1: ns:4 1x: ns:5 foo: ns:6';
    expect(parseProcDrbd(text)).toEqual([
      num('drbd12', 'ns', 1), num('drbd7', 'ns', 2), num('drbd7', 'ns', 3), num('drbd7', 'ns', 4), num('drbd7', 'ns', 5), num('drbd7', 'ns', 6),
    ]);
  });

  it('skips words with no colon or more than one, even for known keys', () => {
    expect(parseProcDrbd('0: ns:1:2 ro:a:b/c cs:x:y ns 5: oos:9')).toEqual([num('drbd5', 'oos', 9)]);
  });

  it('reads decimal fractions, splits pairs at the first two slashes and keeps any connection state verbatim', () => {
    expect(parseProcDrbd('0: ns:1.25 dr:0.5\tro:Secondary/Unknown/x\n\n  ds:/ cs:')).toEqual([
      num('drbd0', 'ns', 1.25), num('drbd0', 'dr', 0.5), pair('drbd0', 'ro', 'Secondary', 'Unknown'), pair('drbd0', 'ds', '', ''), cs('drbd0', ''),
    ]);
  });

  it.each([
    ['a word', '0: ns:lots', '/proc/drbd drbd0: ns value "lots" is not a number'],
    ['an empty value', 'oos:', '/proc/drbd unknown: oos value "" is not a number'],
    ['a leading letter', '3: dw:x1', '/proc/drbd drbd3: dw value "x1" is not a number'],
    ['a trailing letter', '3: dw:1x', '/proc/drbd drbd3: dw value "1x" is not a number'],
    ['a negative number', '3: ep:-1', '/proc/drbd drbd3: ep value "-1" is not a number'],
    ['a trailing dot', '3: al:1.', '/proc/drbd drbd3: al value "1." is not a number'],
  ])('refuses a numeric counter with %s', (_what, text, message) => {
    expectParseError(() => parseProcDrbd(text), message);
  });

  it.each([
    ['ro', '1: ro:Primary', '/proc/drbd drbd1: ro value "Primary" is not local/remote'],
    ['ds', 'ds:', '/proc/drbd unknown: ds value "" is not local/remote'],
  ])('refuses a %s pair without a slash', (_key, text, message) => {
    expectParseError(() => parseProcDrbd(text), message);
  });
});

describe('drbd parser under garbage input', () => {
  itSurvivesGarbage('/proc/drbd', ' 0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate\n ns:1 nr:2 oos:0\n', parseProcDrbd);
});
