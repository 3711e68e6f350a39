import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/procfs/errors.js';
import { abbreviationFor, parsePosixTz, parseTzifFooter } from '../../src/rootfs/tzif.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('time zone names', () => {
  it('POSIX TZ strings give Go\'s abbreviations for the current offset', () => {
    const berlin = parsePosixTz('CET-1CEST,M3.5.0,M10.5.0/3');
    expect(berlin).toEqual({ std: 'CET', stdOffset: 3600, dst: 'CEST' });
    expect([abbreviationFor(berlin, 3600), abbreviationFor(berlin, 7200)]).toEqual(['CET', 'CEST']);
    expect(parsePosixTz('IST-5:30')).toEqual({ std: 'IST', stdOffset: 19800 });
    expect(parsePosixTz('<+0545>-5:45')).toEqual({ std: '+0545', stdOffset: 20700 });
    expect(parsePosixTz('EST5EDT,M3.2.0,M11.1.0')).toMatchObject({ std: 'EST', stdOffset: -18000, dst: 'EDT' });
  });

  it('reads the footer of a TZif file', () => {
    const file = new TextEncoder().encode(`TZif2${'\0'.repeat(39)}abc\0\nAEST-10AEDT,M10.1.0,M4.1.0/3\n`);
    expect(parseTzifFooter(file)).toEqual({ std: 'AEST', stdOffset: 36000, dst: 'AEDT' });
    expect(() => parseTzifFooter(new TextEncoder().encode('not a zone file at all, really not one....'))).toThrow(ParseError);
  });
});

describe('tzif parser under garbage input', () => {
  itSurvivesGarbage('posix tz', 'CET-1CEST,M3.5.0,M10.5.0/3', parsePosixTz, { seed: 63352, reachesErrors: true });
  itSurvivesGarbage('tzif', 'TZif2' + '\0'.repeat(39) + '\nEST5EDT,M3.2.0,M11.1.0\n', (t) => parseTzifFooter(new TextEncoder().encode(t)), { seed: 31676, reachesErrors: true });
});
