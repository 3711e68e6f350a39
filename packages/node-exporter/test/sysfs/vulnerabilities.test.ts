import { describe, expect, it } from 'vitest';
import { parseVulnerability } from '../../src/sysfs/vulnerabilities.js';
import { readFixture } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

const fixture = (codename: string): string => readFixture(`sys/devices/system/cpu/vulnerabilities/${codename}`);

describe('CPU vulnerability states', () => {
  it.each([
    ['gather_data_sampling', 'vulnerable', ''],
    ['mds', 'vulnerable', 'Clear CPU buffers attempted, no microcode; SMT vulnerable'],
    ['meltdown', 'not affected', ''],
    ['spectre_v1', 'mitigation', 'usercopy/swapgs barriers and __user pointer sanitization'],
    ['spectre_v2', 'mitigation', 'Enhanced / Automatic IBRS; IBPB: conditional; RSB filling'],
  ])('reads fixture %s as %s with its details as mitigation', (codename, state, mitigation) => {
    expect(parseVulnerability(codename, fixture(codename))).toEqual({ codename, state, mitigation });
  });

  // As procfs v0.12+ reads them: state by case-insensitive prefix, mitigation = the words after
  // the first, joined by single blanks; any other text is "unknown" with the whole text, never an error.
  it.each([
    ['a padded "Not affected"', '  Not affected \n', 'not affected', ''],
    ['"Not affected" followed by details, which are dropped', 'Not affected: odd\n', 'not affected', ''],
    ['a lower-case state', 'vulnerable', 'vulnerable', ''],
    ['an upper-case state', 'MITIGATION: PTI', 'mitigation', 'PTI'],
    ['"Unknown" with details', 'Unknown: Dependent on hypervisor status\n', 'unknown', 'Dependent on hypervisor status'],
    ['details after a comma, the first word dropped', 'Vulnerable, IBPB: disabled, STIBP: disabled', 'vulnerable', 'IBPB: disabled, STIBP: disabled'],
    ['details spread by tabs and blanks, joined by single blanks', 'Mitigation:\tClear  CPU buffers;\n SMT vulnerable', 'mitigation', 'Clear CPU buffers; SMT vulnerable'],
    ['a bare "Mitigation"', 'Mitigation', 'mitigation', ''],
    ['a text with no known state prefix, kept whole', ' KVM: Mitigation: VMX disabled\n', 'unknown', 'KVM: Mitigation: VMX disabled'],
    ['a text naming a state later on', 'Processor vulnerable', 'unknown', 'Processor vulnerable'],
    ['an empty file', '\n', 'unknown', ''],
  ])('reads %s', (_what, text, state, mitigation) => {
    expect(parseVulnerability('x', text)).toEqual({ codename: 'x', state, mitigation });
  });
});

describe('vulnerabilities parser under garbage input', () => {
  itSurvivesGarbage('cpu vulnerability', 'Mitigation: PTI\n', (t) => parseVulnerability('meltdown', t));
});
