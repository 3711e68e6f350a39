import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/procfs/errors.js';
import { osVersionNumber, parseOsRelease } from '../../src/rootfs/os-release.js';
import { readFixture } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('os-release parser', () => {
  it('os-release: quoting and the version number', () => {
    const r = parseOsRelease('NAME="A \\"B\\""\nID=x\nVERSION_ID=\'7.9.2009\'\n');
    expect(r.get('NAME')).toBe('A "B"');
    expect(osVersionNumber(r.get('VERSION_ID'))).toBe(7.9);
    expect(osVersionNumber(undefined)).toBe(0);
    expect(() => parseOsRelease('NAME="open\n')).toThrow(ParseError);
  });
});

describe('os-release parser under garbage input', () => {
  itSurvivesGarbage('os-release', readFixture('etc/os-release'), parseOsRelease, { seed: 79190, reachesErrors: true });
});
