import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/procfs/errors.js';
import { parseMountinfo, unescapeMountPath } from '../../src/procfs/mountinfo.js';
import { readFixture } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('mountinfo parser', () => {
  it('mountinfo: octal escapes and optional fields', () => {
    const m = parseMountinfo('36 35 98:0 /mnt1 /mnt\\040two rw,noatime master:1 shared:2 - ext3 /dev/root rw,errors=continue\n');
    expect(m[0]).toEqual({
      majorMinor: '98:0', mountPoint: '/mnt two', mountOptions: ['rw', 'noatime'], fsType: 'ext3', source: '/dev/root', superOptions: ['rw', 'errors=continue'],
    });
    expect(unescapeMountPath('a\\011b\\134c')).toBe('a\tb\\c');
    expect(() => parseMountinfo('1 2 3:4 / /x rw shared:1 ext4 /dev/x rw\n')).toThrow(ParseError);
  });
});

describe('mountinfo parser under garbage input', () => {
  itSurvivesGarbage('mountinfo', readFixture('proc/1/mountinfo'), parseMountinfo, { seed: 71271, reachesErrors: true });
});
