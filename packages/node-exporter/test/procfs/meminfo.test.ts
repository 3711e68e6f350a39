import { describe, expect, it } from 'vitest';
import { parseMeminfo } from '../../src/procfs/meminfo.js';
import { readFixture } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('meminfo parser', () => {
  it('meminfo: (anon)/(file) renamed, unitless lines kept raw, garbage unit rejected', () => {
    expect(parseMeminfo('Active(file):  10 kB\nHugePages_Free: 3\n')).toEqual([
      { name: 'Active_file_bytes', value: 10240 },
      { name: 'HugePages_Free', value: 3 },
    ]);
    expect(() => parseMeminfo('MemTotal: 10 MB\n')).toThrow(/unknown unit/);
  });

  it('meminfo: keeps digits in names (DirectMap4k) and any name that is a valid metric name', () => {
    expect(parseMeminfo('DirectMap4k:  2048 kB\nDirectMap2M: 1 kB\n_Future_field: 7\n')).toEqual([
      { name: 'DirectMap4k_bytes', value: 2048 * 1024 },
      { name: 'DirectMap2M_bytes', value: 1024 },
      { name: '_Future_field', value: 7 },
    ]);
  });
});

describe('meminfo parser under garbage input', () => {
  itSurvivesGarbage('meminfo', readFixture('proc/meminfo'), parseMeminfo, { seed: 55433, reachesErrors: true });
});
