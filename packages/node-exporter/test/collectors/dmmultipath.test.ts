import { describe, expect, it } from 'vitest';
import { dmmultipathCollector } from '../../src/collectors/dmmultipath.js';
import { labelSets, run, value } from '../collect.js';
import { expectNoData } from '../failure-modes.js';

describe('dmmultipath', () => {
  it('reports mpath devices only, with active and failed path counts', async () => {
    const f = await run(dmmultipathCollector);
    const l = { device: 'mpatha', sysfs_name: 'dm-0' };
    expect(labelSets(f, 'node_dmmultipath_device_info')).toEqual(['device=mpatha,sysfs_name=dm-0,uuid=mpath-3600508b400105e210000900000490000']);
    expect(value(f, 'node_dmmultipath_device_active', l)).toBe(1);
    expect(value(f, 'node_dmmultipath_device_size_bytes', l)).toBe(209715200 * 512);
    expect(value(f, 'node_dmmultipath_device_paths', l)).toBe(2);
    expect(value(f, 'node_dmmultipath_device_paths_active', l)).toBe(1);
    expect(value(f, 'node_dmmultipath_device_paths_failed', l)).toBe(1);
    expect(labelSets(f, 'node_dmmultipath_path_state')).toEqual(['device=mpatha,path=sdc,state=running', 'device=mpatha,path=sdd,state=offline']);
  });
});

describe('dmmultipath failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(dmmultipathCollector);
  });
});
