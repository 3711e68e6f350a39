import { describe, expect, it } from 'vitest';
import { parseClocksourceList } from '../../src/sysfs/clocksource.js';
import { readFixture } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('available_clocksource', () => {
  it('lists the fixture clocksource0 names in kernel order, without the trailing blank', () => {
    expect(parseClocksourceList(readFixture('sys/devices/system/clocksource/clocksource0/available_clocksource'))).toEqual(['tsc', 'hpet', 'acpi_pm']);
  });

  it.each([
    ['', []],
    [' \n', []],
    ['tsc\n', ['tsc']],
    ['\ttsc  hpet\t\tacpi_pm\r\n', ['tsc', 'hpet', 'acpi_pm']],
    ['arch_sys_counter', ['arch_sys_counter']],
  ])('splits %j on any whitespace run into %j', (text, names) => {
    expect(parseClocksourceList(text)).toEqual(names);
  });
});

describe('clocksource parser under garbage input', () => {
  itSurvivesGarbage('clocksource', 'tsc hpet\n', parseClocksourceList, { seed: 87109 });
});
