import { describe, expect, it } from 'vitest';
import { kstatNumbers, parseKstatIo, parseKstatNamed } from '../../src/procfs/kstat.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

const MISSING_HEADER = 'kstat: missing "name type data" header';
const IO_SHAPE = 'kstat io: expected a header line and a value line of the same width';

describe('kstat named parser', () => {
  it('reads the rows after the header of an objset kstat, a string row included', () => {
    expect(parseKstatNamed(readFixture('proc/spl/kstat/zfs/tank/objset-0x36'))).toEqual([
      { name: 'dataset_name', type: '7', data: 'tank/backups' },
      { name: 'writes', type: '4', data: '42' },
      { name: 'nwritten', type: '4', data: '1048576' },
      { name: 'reads', type: '4', data: '12' },
      { name: 'nread', type: '4', data: '65536' },
      { name: 'nunlinks', type: '4', data: '3' },
      { name: 'nunlinked', type: '4', data: '3' },
    ]);
  });

  it('reads int64 (3) and uint64 (4) rows of arcstats as numbers', () => {
    expect(kstatNumbers(parseKstatNamed(readFixture('proc/spl/kstat/zfs/arcstats')))).toEqual([
      ['hits', 81920331], ['misses', 2210331], ['size', 4294967296], ['c_max', 8589934592],
      ['arc_meta_limit', 6442450944], ['arc_no_grow', 0], ['memory_available_bytes', 1073741824],
    ]);
  });

  it('trims lines, joins a multi-word data column with single spaces and skips rows of fewer than three words', () => {
    const text = '  1 1 0x01\n\t name  type\tdata  \r\n\n  pool 7 my  pool\tname \nshort 4\n  a 3 1 \r\nb\n';
    expect(parseKstatNamed(text)).toEqual([
      { name: 'pool', type: '7', data: 'my pool name' },
      { name: 'a', type: '3', data: '1' },
    ]);
  });

  it('starts at the first header line only and reads rows even without a kstat id line', () => {
    expect(parseKstatNamed('name type data\nname type data\nx 4 1\n')).toEqual([
      { name: 'name', type: 'type', data: 'data' },
      { name: 'x', type: '4', data: '1' },
    ]);
  });

  it('gives no rows for a header with nothing after it', () => {
    expect(parseKstatNamed('1 1 0x01\nname type data\n')).toEqual([]);
  });

  it.each([
    ['an empty file', ''],
    ['an id line alone', '13 1 0x01 2 2720 4521093128 981234812391\n'],
    ['a header with a fourth word', 'name type data extra\nhits 4 1\n'],
    ['a header of two words', 'name type\nhits 4 1\n'],
    ['a header with another first word', 'nom type data\nhits 4 1\n'],
    ['a header with another second word', 'name kind data\nhits 4 1\n'],
    ['a header with another third word', 'name type value\nhits 4 1\n'],
    ['three numbers instead of a header', '1 2 3\nhits 4 1\n'],
  ])('refuses %s: no header', (_what, text) => {
    expectParseError(() => parseKstatNamed(text), MISSING_HEADER);
  });
});

describe('kstat numeric rows', () => {
  it('keeps int64 and uint64 rows in order and leaves string and other typed rows out unchecked', () => {
    const rows = [
      { name: 'a', type: '4', data: '10' }, { name: 'ds', type: '7', data: 'tank/x y' }, { name: 'b', type: '3', data: '0' },
      { name: 'c', type: '1', data: 'x' }, { name: 'd', type: '34', data: 'x' },
    ];
    expect(kstatNumbers(rows)).toEqual([['a', 10], ['b', 0]]);
  });

  it.each([
    ['a negative int64', '3', '-5'],
    ['a leading letter', '4', 'x5'],
    ['a trailing letter', '4', '5x'],
    ['two words', '4', '1 2'],
    ['an empty value', '3', ''],
  ])('refuses %s in a numeric row', (_what, type, data) => {
    expectParseError(() => kstatNumbers([{ name: 'hits', type, data }]), `kstat hits: ${JSON.stringify(data)} is not an unsigned integer`);
  });
});

describe('kstat io parser', () => {
  it('reads the column names and values of a pool io kstat in order', () => {
    expect(parseKstatIo(readFixture('proc/spl/kstat/zfs/tank/io'))).toEqual([
      ['nread', 1884160], ['nwritten', 3206144], ['reads', 22], ['writes', 132], ['wtime', 7155162], ['wlentime', 104112268],
      ['wupdate', 79210466074], ['rtime', 58256284], ['rlentime', 6412325], ['rupdate', 79210464763], ['wcnt', 0], ['rcnt', 0],
    ]);
  });

  it('skips blank and whitespace-only lines, trims the rest and ignores lines after the values', () => {
    expect(parseKstatIo('\n 12 3 0x00 \n   \n\tnread  nwritten \r\n\n  10\t20 \nignored line\n')).toEqual([['nread', 10], ['nwritten', 20]]);
  });

  it.each([
    ['an empty file', ''],
    ['an id line alone', '12 3 0x00\n'],
    ['no value line', '12 3 0x00\nnread\n'],
    ['fewer values than names', '12 3 0x00\nnread nwritten\n1\n'],
    ['more values than names', '12 3 0x00\nnread\n1 2\n'],
  ])('refuses %s', (_what, text) => {
    expectParseError(() => parseKstatIo(text), IO_SHAPE);
  });

  it.each([
    ['a word', 'many'],
    ['a negative value', '-1'],
    ['a leading letter', 'x1'],
    ['a trailing letter', '1x'],
  ])('refuses %s as a value', (_what, value) => {
    expectParseError(() => parseKstatIo(`12 3 0x00\nnread wcnt\n1 ${value}\n`), `kstat io wcnt: ${JSON.stringify(value)} is not a number`);
  });
});

describe('kstat parser under garbage input', () => {
  itSurvivesGarbage('kstat named', '1 1 0x01\nname type data\nhits 4 12\nds 7 tank/x\n', (t) => kstatNumbers(parseKstatNamed(t)));
  itSurvivesGarbage('kstat io', '1 3 0x00\nnread nwritten\n1 2\n', parseKstatIo);
});
