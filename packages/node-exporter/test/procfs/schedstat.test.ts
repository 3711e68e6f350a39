import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/procfs/errors.js';
import { parseSchedstat } from '../../src/procfs/schedstat.js';
import { readFixture } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('schedstat parser', () => {
  it('rejects a non-numeric schedstat counter', () => {
    expect(() => parseSchedstat('cpu0 1 2 3 4 5 6 x 8 9\n')).toThrow(ParseError);
  });
});

describe('schedstat parser under garbage input', () => {
  itSurvivesGarbage('schedstat', readFixture('proc/schedstat'), parseSchedstat);
});
