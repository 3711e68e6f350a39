import { describe, expect, it } from 'vitest';
import { parseFileNr, parseKeyValueLines, parseSingleNumber } from '../../src/procfs/keyvalue.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

describe('keyvalue parser', () => {
  it('vmstat: every "name value" line as a pair, in file order, blank lines skipped', () => {
    expect(parseKeyValueLines('nr_free_pages 245765\npgpgin 1329712\n\npgfault 98772349\noom_kill 0\n', 'vmstat')).toEqual([
      ['nr_free_pages', 245765], ['pgpgin', 1329712], ['pgfault', 98772349], ['oom_kill', 0],
    ]);
    expect(parseKeyValueLines('', 'vmstat')).toEqual([]);
  });

  it('single number: the value of a one-number file, surrounding whitespace ignored', () => {
    expect(parseSingleNumber('3754\n', 'entropy_avail')).toBe(3754);
    expect(parseSingleNumber('  262144  ', 'nf_conntrack_max')).toBe(262144);
  });

  it('file-nr: allocated and maximum, the unused middle column ignored', () => {
    expect(parseFileNr('10\t0\t20\n')).toEqual({ allocated: 10, maximum: 20 });
    // fs.file-max defaults to LONG_MAX on current kernels: a float64, as node_exporter reports it.
    expect(parseFileNr('2944\t0\t9223372036854775807\n')).toEqual({ allocated: 2944, maximum: 2 ** 63 });
  });

  const vmstat = (text: string) => (): unknown => parseKeyValueLines(text, 'vmstat');
  const entropy = (text: string) => (): unknown => parseSingleNumber(text, 'entropy_avail');
  const fileNr = (text: string) => (): unknown => parseFileNr(text);
  it.each([
    ['vmstat line with a third field', vmstat('pgpgin 1\npgpgout 2 kB\n'), 'vmstat: expected "name value", got 3 fields (line 2)'],
    ['vmstat name without a value', vmstat('pgpgin\n'), 'vmstat: expected "name value", got 1 fields (line 1)'],
    ['"Name: value" file such as meminfo read as vmstat', vmstat('MemTotal:       16303424 kB\n'), 'vmstat: expected "name value", got 3 fields (line 1)'],
    ['vmstat value that is not a number', vmstat('pgpgin 1\n\npgfault many\n'), 'vmstat: expected a number, got "many" (line 3)'],
    ['single-number file that is empty', entropy(''), 'entropy_avail: expected one number, got 0 fields'],
    ['single-number file with two numbers', entropy('256 4096\n'), 'entropy_avail: expected one number, got 2 fields'],
    ['single-number file with a word', entropy('unknown\n'), 'entropy_avail: expected a number, got "unknown"'],
    ['file-nr with two fields', fileNr('2944\t0\n'), 'file-nr: expected 3 fields, got 2'],
    ['file-nr with four fields', fileNr('2944\t0\t100\t7\n'), 'file-nr: expected 3 fields, got 4'],
    ['file-nr allocated count that is not a number', fileNr('x\t0\t100\n'), 'file-nr: expected a number, got "x"'],
    ['file-nr maximum that is not a number', fileNr('2944\t0\tmax\n'), 'file-nr: expected a number, got "max"'],
  ])('refuses a %s with a ParseError', (_what, parse, message) => {
    expectParseError(parse, message);
  });
});

describe('keyvalue parser under garbage input', () => {
  itSurvivesGarbage('vmstat', readFixture('proc/vmstat'), (t) => parseKeyValueLines(t, 'vmstat'), { seed: 47514, reachesErrors: true });
  itSurvivesGarbage('file-nr', readFixture('proc/sys/fs/file-nr'), parseFileNr, { seed: 55433, reachesErrors: true });
  itSurvivesGarbage('single number', '256\n', (t) => parseSingleNumber(t, 'entropy_avail'), { seed: 102947, reachesErrors: true });
});
