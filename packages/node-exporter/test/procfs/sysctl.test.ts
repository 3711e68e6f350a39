import { describe, expect, it } from 'vitest';
import { parseSysctlRequest, parseSysctlValues } from '../../src/procfs/sysctl.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

describe('sysctl flag value parser', () => {
  it.each([
    ['fs.file-nr:total,current,max', true, { name: 'fs.file-nr', keys: ['total', 'current', 'max'], numeric: true }],
    ['kernel.threads-max', true, { name: 'kernel.threads-max', keys: [], numeric: true }],
    ['kernel.osrelease', false, { name: 'kernel.osrelease', keys: [], numeric: false }],
    ['n:first', false, { name: 'n', keys: ['first'], numeric: false }],
    ['vm.x:', true, { name: 'vm.x', keys: [''], numeric: true }],
    ['a.b:c:d,,e', true, { name: 'a.b', keys: ['c:d', '', 'e'], numeric: true }],
    ['net..ipv4.', true, { name: 'net..ipv4.', keys: [], numeric: true }],
  ])('%s (numeric %s)', (flagValue, numeric, expected) => {
    expect(parseSysctlRequest(flagValue, numeric)).toEqual(expected);
  });

  it.each([
    ['an empty name', '', 'sysctl name "" is not valid'],
    ['keys without a name', ':total,max', 'sysctl name "" is not valid'],
    ['a path instead of a dotted name', 'net/ipv4/ip_forward:x', 'sysctl name "net/ipv4/ip_forward" is not valid'],
    ['a name reaching out of /proc/sys', '../../etc/shadow', 'sysctl name "../../etc/shadow" is not valid'],
  ])('rejects %s with the exact message', (_what, flagValue, message) => {
    expectParseError(() => parseSysctlRequest(flagValue, true), message);
  });
});

describe('sysctl value parser', () => {
  it.each([
    ['one integer', 'proc/sys/kernel/threads-max', true, [127154]],
    ['tab-separated integers', 'proc/sys/fs/file-nr', true, [4128, 0, 1623168]],
    ['one word', 'proc/sys/kernel/ostype', false, ['Linux']],
    ['a text split at blanks', 'proc/sys/kernel/version', false, ['#46-Ubuntu', 'SMP', 'PREEMPT_DYNAMIC', 'Fri', 'Sep', '13', '2024']],
    ['digits read as text', 'proc/sys/kernel/pid_max', false, ['4194304']],
  ])('%s: %s', (_what, fixture, numeric, expected) => {
    expect(parseSysctlValues(readFixture(fixture), numeric, 'x')).toEqual(expected);
  });

  it.each([
    ['negative integers among blanks', ' \t-1  2\n\n-30 \n', true, [-1, 2, -30]],
    ['an empty file, numeric', '', true, []],
    ['an empty file, text', '', false, []],
    ['a blank file, text', ' \n\t\n', false, []],
  ])('%s', (_what, text, numeric, expected) => {
    expect(parseSysctlValues(text, numeric, 'x')).toEqual(expected);
  });

  it.each([
    ['a word', 'Linux\n', 'sysctl k.n: "Linux" is not an integer'],
    ['a decimal fraction', '1 1.5\n', 'sysctl k.n: "1.5" is not an integer'],
    ['digits then a letter', '10k\n', 'sysctl k.n: "10k" is not an integer'],
    ['a letter then digits', '0 x10\n', 'sysctl k.n: "x10" is not an integer'],
    ['a plus sign', '+1\n', 'sysctl k.n: "+1" is not an integer'],
  ])('rejects %s in a numeric sysctl with the exact message', (_what, text, message) => {
    expectParseError(() => parseSysctlValues(text, true, 'k.n'), message);
  });
});

describe('sysctl parser under garbage input', () => {
  itSurvivesGarbage('sysctl values', '32768\t60999\n', (t) => parseSysctlValues(t, true, 'x'));
  itSurvivesGarbage('sysctl request', 'fs.file-nr:total,current,max', (t) => parseSysctlRequest(t, true));
});
