import { describe, expect, it } from 'vitest';
import { parsePressure } from '../../src/procfs/pressure.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

describe('pressure parser', () => {
  it.each([
    ['cpu', { someSeconds: 123.456789, fullSeconds: 0 }],
    ['io', { someSeconds: 4.5, fullSeconds: 2.5 }],
    ['memory', { someSeconds: 0.001, fullSeconds: 0.0005 }],
  ])('reads the some and full totals of the %s fixture, microseconds to seconds', (resource, expected) => {
    expect(parsePressure(readFixture(`proc/pressure/${resource}`), `pressure/${resource}`)).toEqual(expected);
  });

  it.each([
    ['a kernel that prints only the some line', 'some avg10=0.00 avg60=0.00 avg300=0.00 total=1500000\n', { someSeconds: 1.5 }],
    ['only a full line', 'full avg10=0.00 total=3000000\n', { fullSeconds: 3 }],
    ['total= first, blank lines and trailing blanks', '\nfull total=5 avg10=1.00  \n\n  some  total=7\t\n', { someSeconds: 0.000007, fullSeconds: 0.000005 }],
    ['an empty file', '', {}],
    ['a line kind a later kernel may add, skipped whatever it holds, as procfs does', 'some total=1\nmost avg10=0.00 total=x\nnew\nfull total=2\n', { someSeconds: 0.000001, fullSeconds: 0.000002 }],
  ])('%s', (_what, text, expected) => {
    const out = parsePressure(text, 'p');
    expect(out).toEqual(expected);
    expect(Object.keys(out).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each([
    ['a line without total=', '\nsome avg10=0.00 total=1\nfull avg10=0.00 avg60=0.00\n', 'p: no total= field (line 3)'],
    ['a field that only starts like total', 'some totals=1\n', 'p: no total= field (line 1)'],
    ['a total that is no number', 'full total=12x\n', 'p: expected a number, got "12x" (line 1)'],
    ['an empty total', 'some total=\n', 'p: expected a number, got "" (line 1)'],
  ])('rejects %s with the exact message', (_what, text, message) => {
    expectParseError(() => parsePressure(text, 'p'), message);
  });
});

describe('pressure parser under garbage input', () => {
  itSurvivesGarbage('pressure', readFixture('proc/pressure/io'), (t) => parsePressure(t, 'pressure/io'), { seed: 63352, reachesErrors: true });
});
