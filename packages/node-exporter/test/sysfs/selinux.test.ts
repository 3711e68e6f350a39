import { describe, expect, it } from 'vitest';
import { parseSelinuxConfigMode } from '../../src/sysfs/selinux.js';
import { readFixture } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('SELINUX= of /etc/selinux/config', () => {
  it('reads the fixture config (comment, SELINUX=enforcing, SELINUXTYPE) as enforcing', () => {
    expect(parseSelinuxConfigMode(readFixture('etc/selinux/config'))).toBe(1);
  });

  // As go-selinux readConfig + DefaultEnforceMode: exact key, first SELINUX line wins, quotes trimmed, else disabled.
  it.each([
    ['SELINUX=enforcing', 1],
    ['SELINUX=permissive\n', 0],
    ['SELINUX=disabled\n', -1],
    ['SELINUXTYPE=targeted\nSELINUX=permissive\n', 0],
    ['  SELINUX=permissive \r\n', 0],
    ['\tSELINUX=enforcing', 1],
    ['SELINUX="permissive"\n', 0],
    ['SELINUX=""enforcing""\n', 1],
    ['SELINUX=enforcing"\n', 1],
    ['SELINUX=enfor"cing\n', -1],
    ['SELINUX=Enforcing\n', -1],
    ['SELINUX = enforcing\nSELINUX=permissive\n', 0],
    ['SELINUX=enforcing # set by installer\n', -1],
    ['SELINUX=\nSELINUX=enforcing\n', -1],
    ['SELINUX=bogus\nSELINUX=enforcing\n', -1],
    ['SELINUX=permissive\nSELINUX=enforcing\n', 0],
    ['#SELINUX=enforcing\nselinux=enforcing\nXSELINUX=enforcing\nSELINUXenforcing\n', -1],
    ['SELINUXTYPE=targeted\n', -1],
    ['', -1],
  ])('reads %j as mode %d', (text, mode) => {
    expect(parseSelinuxConfigMode(text)).toBe(mode);
  });
});

describe('selinux parser under garbage input', () => {
  itSurvivesGarbage('selinux config', 'SELINUX=permissive\n', parseSelinuxConfigMode);
});
