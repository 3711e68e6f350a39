import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/procfs/errors.js';
import { parseMountinfo, unescapeMountPath } from '../../src/procfs/mountinfo.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

describe('mountinfo parser', () => {
  it('mountinfo: octal escapes and optional fields', () => {
    const m = parseMountinfo('36 35 98:0 /mnt1 /mnt\\040two rw,noatime master:1 shared:2 - ext3 /dev/root rw,errors=continue\n');
    expect(m[0]).toEqual({
      majorMinor: '98:0', mountPoint: '/mnt two', mountOptions: ['rw', 'noatime'], fsType: 'ext3', source: '/dev/root', superOptions: ['rw', 'errors=continue'],
    });
    expect(unescapeMountPath('a\\011b\\134c')).toBe('a\tb\\c');
    expect(() => parseMountinfo('1 2 3:4 / /x rw shared:1 ext4 /dev/x rw\n')).toThrow(ParseError);
  });

  it('mountinfo: a line without optional fields, and one with surrounding whitespace or a CR ending, parse the same', () => {
    const record = {
      majorMinor: '259:2', mountPoint: '/', mountOptions: ['rw', 'relatime'], fsType: 'ext4', source: '/dev/nvme0n1p2', superOptions: ['rw', 'errors=remount-ro'],
    };
    const line = '29 1 259:2 / / rw,relatime - ext4 /dev/nvme0n1p2 rw,errors=remount-ro';
    expect(parseMountinfo(`${line}\n`)).toEqual([record]);
    expect(parseMountinfo(`  ${line}\r\n`)).toEqual([record]);
  });

  it('mountinfo: a malformed line is a ParseError quoting at most 80 characters of it, with its line number', () => {
    const good = '22 1 0:21 / /proc rw,nosuid - proc proc rw';
    const bad = `23 1 0:22 / /var/lib/containers/storage/overlay/${'a'.repeat(64)}/merged rw shared:5 overlay overlay rw`;
    expectParseError(() => parseMountinfo(`${good}\n${bad}\n`), `mountinfo: malformed line ${JSON.stringify(bad.slice(0, 80))} (line 2)`);
    expectParseError(() => parseMountinfo('36 35 98:0 /mnt1 /mnt2 rw - ext3\n'), 'mountinfo: malformed line "36 35 98:0 /mnt1 /mnt2 rw - ext3" (line 1)');
  });
});

describe('mountinfo parser under garbage input', () => {
  itSurvivesGarbage('mountinfo', readFixture('proc/1/mountinfo'), parseMountinfo, { seed: 71271, reachesErrors: true });
});
