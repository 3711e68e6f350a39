import { describe, expect, it } from 'vitest';
import { isMiiUp, parseNameList } from '../../src/sysfs/bonding.js';
import { readFixture } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('bonding name lists', () => {
  it.each([
    ['the fixture bonding_masters', readFixture('sys/class/net/bonding_masters'), ['bond0']],
    ['the fixture bond0 slaves', readFixture('sys/class/net/bond0/bonding/slaves'), ['eth0', 'eth1']],
    ['names spread by tabs, newlines and several blanks, padded', '  bond0\t bond1\n\nbond2 \n', ['bond0', 'bond1', 'bond2']],
    ['an empty file', '\n', []],
    ['an empty string', '', []],
  ])('reads %s', (_what, text, names) => {
    expect(parseNameList(text)).toEqual(names);
  });
});

describe('bonding slave MII status', () => {
  it.each([
    ['the fixture eth0 status', readFixture('sys/class/net/bond0/lower_eth0/bonding_slave/mii_status'), true],
    ['the fixture eth1 status', readFixture('sys/class/net/bond0/lower_eth1/bonding_slave/mii_status'), false],
    ['a padded "up"', ' up \n', true],
    ['"going back"', 'going back\n', false],
    ['an upper-case "UP"', 'UP', false],
    ['"up" followed by text', 'upper', false],
    ['an empty file', '', false],
  ])('reads %s as up: %s', (_what, text, up) => {
    expect(isMiiUp(text)).toBe(up);
  });
});

describe('bonding parser under garbage input', () => {
  itSurvivesGarbage('bonding name list', 'eth0 eth1\n', parseNameList);
  itSurvivesGarbage('bonding mii_status', 'up\n', isMiiUp);
});
