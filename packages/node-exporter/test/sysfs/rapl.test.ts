import { describe, expect, it } from 'vitest';
import { raplMetricName, raplZoneNames } from '../../src/sysfs/rapl.js';
import { readFixture } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

const zone = (name: string, index: number): { name: string; index: number } => ({ name, index });

describe('RAPL zone names', () => {
  it('reads the fixture zones in directory order: package-0 split, the repeated bare dram numbered', () => {
    const names = ['intel-rapl:0', 'intel-rapl:0:0', 'intel-rapl:0:1', 'intel-rapl:1:1'].map((d) => readFixture(`sys/class/powercap/${d}/name`));
    expect(raplZoneNames(names)).toEqual([zone('package', 0), zone('core', 0), zone('dram', 0), zone('dram', 1)]);
  });

  it.each([
    ['a multi-digit index', ['package-12'], [zone('package', 12)]],
    ['names padded with blanks and newlines', [' psys\n', '\tpackage-1 \n'], [zone('psys', 0), zone('package', 1)]],
    // procfs splits on "-": only exactly two parts carry an index (multi-die packages stay whole).
    ['a multi-die package name', ['package-0-die-1', 'package-0-die-1'], [zone('package-0-die-1', 0), zone('package-0-die-1', 1)]],
    ['an index without a name', ['-3'], [zone('', 3)]],
    ['a dash without an index', ['uncore-', 'uncore-'], [zone('uncore-', 0), zone('uncore-', 1)]],
    ['an index followed by text', ['package-0x'], [zone('package-0x', 0)]],
    ['a bare name after its indexed form, numbered after it', ['dram-5', 'dram', 'dram'], [zone('dram', 5), zone('dram', 6), zone('dram', 7)]],
    ['an indexed name after bare ones, keeping its own index', ['core', 'core', 'core-0'], [zone('core', 0), zone('core', 1), zone('core', 0)]],
    ['no zones', [], []],
  ])('reads %s', (_what, names, zones) => {
    expect(raplZoneNames(names)).toEqual(zones);
  });
});

describe('RAPL metric names', () => {
  it.each([
    ['package', 'node_rapl_package_joules_total'],
    ['package-0-die-1', 'node_rapl_package_0_die_1_joules_total'],
  ])('names zone %s %s', (name, metric) => {
    expect(raplMetricName(name)).toBe(metric);
  });
});

describe('rapl parser under garbage input', () => {
  itSurvivesGarbage('rapl names', 'package-0', (t) => raplZoneNames(t.split('\n')));
});
