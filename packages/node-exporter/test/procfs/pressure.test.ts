import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/procfs/errors.js';
import { parsePressure } from '../../src/procfs/pressure.js';
import { readFixture } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('pressure parser', () => {
  it('pressure: totals in seconds; unknown kinds rejected', () => {
    expect(parsePressure('some avg10=0 total=1500000\n', 'p')).toEqual({ someSeconds: 1.5 });
    expect(() => parsePressure('most total=1\n', 'p')).toThrow(ParseError);
  });
});

describe('pressure parser under garbage input', () => {
  itSurvivesGarbage('pressure', readFixture('proc/pressure/io'), (t) => parsePressure(t, 'pressure/io'), { seed: 63352, reachesErrors: true });
});
