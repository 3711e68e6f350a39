import { describe, expect, it } from 'vitest';
import { parseSwaps } from '../../src/procfs/swaps.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

const HEADER = 'Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority';

describe('swaps parser', () => {
  it('reads every swap area of the fixture (tab-separated header, negative priority)', () => {
    expect(parseSwaps(readFixture('proc/swaps'))).toEqual([
      { device: '/dev/zram0', type: 'partition', sizeKiB: 8388604, usedKiB: 1048576, priority: 100 },
      { device: '/swapfile', type: 'file', sizeKiB: 2097148, usedKiB: 0, priority: -2 },
    ]);
  });

  it.each([
    ['a header only: no swap', `${HEADER}\n`, []],
    ['a header with single blanks and no newline', 'Filename Type Size Used Priority', []],
    ['blank and indented lines', 'Filename Type Size Used Priority\n\n   /dev/sda2   partition\t2 1 0  \n \n', [{ device: '/dev/sda2', type: 'partition', sizeKiB: 2, usedKiB: 1, priority: 0 }]],
  ])('%s', (_what, text, expected) => {
    expect(parseSwaps(text)).toEqual(expected);
  });

  const longLine = `/dev/disk/by-id/${'x'.repeat(60)} partition 1 0 -2 extra`;
  it.each([
    ['an empty file', '', '/proc/swaps: missing header'],
    ['an indented header', ` ${HEADER}\n`, '/proc/swaps: missing header'],
    ['a header missing a column', 'Filename Type Size Priority\n', '/proc/swaps: missing header'],
    ['a row of four fields', `${HEADER}\n/dev/a partition 1 0 -1\n/dev/b partition 1 0\n`, '/proc/swaps line 3: unexpected "/dev/b partition 1 0"'],
    ['a row of six fields', `${HEADER}\n/dev/b partition 1 0 -1 x\n`, '/proc/swaps line 2: unexpected "/dev/b partition 1 0 -1 x"'],
    ['a size with a suffix', `${HEADER}\n/dev/b partition 1k 0 -1\n`, '/proc/swaps line 2: unexpected "/dev/b partition 1k 0 -1"'],
    ['a size with a prefix', `${HEADER}\n/dev/b partition x1 0 -1\n`, '/proc/swaps line 2: unexpected "/dev/b partition x1 0 -1"'],
    ['a negative size', `${HEADER}\n/dev/b partition -1 0 -1\n`, '/proc/swaps line 2: unexpected "/dev/b partition -1 0 -1"'],
    ['a used size with a suffix', `${HEADER}\n/dev/b partition 1 0k -1\n`, '/proc/swaps line 2: unexpected "/dev/b partition 1 0k -1"'],
    ['a used size with a prefix', `${HEADER}\n/dev/b partition 1 x0 -1\n`, '/proc/swaps line 2: unexpected "/dev/b partition 1 x0 -1"'],
    ['a priority with a suffix', `${HEADER}\n/dev/b partition 1 0 -1x\n`, '/proc/swaps line 2: unexpected "/dev/b partition 1 0 -1x"'],
    ['a priority with a prefix', `${HEADER}\n/dev/b partition 1 0 x-1\n`, '/proc/swaps line 2: unexpected "/dev/b partition 1 0 x-1"'],
    ['a long row, quoted to 60 characters', `${HEADER}\n${longLine}\n`, `/proc/swaps line 2: unexpected ${JSON.stringify(longLine.slice(0, 60))}`],
  ])('rejects %s with the exact message', (_what, text, message) => {
    expectParseError(() => parseSwaps(text), message);
  });
});

describe('swaps parser under garbage input', () => {
  itSurvivesGarbage('/proc/swaps', 'Filename Type Size Used Priority\n/dev/zram0 partition 8 1 100\n', parseSwaps);
});
