import { describe, expect, it } from 'vitest';
import { cpuCollector } from '../../src/collectors/cpu.js';
import { family, labelSets, run, value } from '../collect.js';
import { defaultsContext } from '../fixture-tree.js';

describe('cpu', () => {
  it('reports 8 modes per online CPU in seconds, guest time, throttles once per core and package, isolated CPUs', async () => {
    const fams = await run(cpuCollector, defaultsContext());
    expect(family(fams, 'node_cpu_seconds_total').type).toBe('counter');
    expect(family(fams, 'node_cpu_seconds_total').samples).toHaveLength(3 * 8);
    expect(value(fams, 'node_cpu_seconds_total', { cpu: '0', mode: 'user' })).toBe(5123);
    expect(value(fams, 'node_cpu_seconds_total', { cpu: '1', mode: 'idle' })).toBe(99601.23);
    expect(value(fams, 'node_cpu_seconds_total', { cpu: '2', mode: 'steal' })).toBe(5.2);
    expect(value(fams, 'node_cpu_guest_seconds_total', { cpu: '1', mode: 'nice' })).toBe(0.2);
    expect(labelSets(fams, 'node_cpu_core_throttles_total')).toEqual(['core=0,package=0', 'core=1,package=0']);
    expect(value(fams, 'node_cpu_core_throttles_total', { core: '0' })).toBe(5);
    expect(value(fams, 'node_cpu_package_throttles_total', { package: '0' })).toBe(17);
    expect(labelSets(fams, 'node_cpu_isolated')).toEqual(['cpu=2']);
  });

  it('omits guest time when --no-collector.cpu.guest', async () => {
    const fams = await run(cpuCollector, defaultsContext({ 'collector.cpu.guest': false }));
    expect(fams.some((f) => f.name === 'node_cpu_guest_seconds_total')).toBe(false);
  });
});

describe('cpu info', () => {
  it('labels each logical CPU and filters the first CPU flags and bugs', async () => {
    const fams = await run(cpuCollector, defaultsContext({ 'collector.cpu.info.flags-include': '^(aes|avx.?)$', 'collector.cpu.info.bugs-include': '^(cpu_meltdown|spectre_.*)$' }));
    expect(family(fams, 'node_cpu_info').samples).toHaveLength(4);
    expect(family(fams, 'node_cpu_info').samples[3]?.labels).toEqual({
      package: '0', core: '1', cpu: '3', vendor: 'GenuineIntel', family: '6', model: '158',
      model_name: 'Example(R) Core(TM) i5 CPU @ 3.00GHz', microcode: '0xf4', stepping: '10', cachesize: '9216 KB',
    });
    expect(labelSets(fams, 'node_cpu_flag_info')).toEqual(['flag=aes', 'flag=avx', 'flag=avx2']);
    expect(labelSets(fams, 'node_cpu_bug_info')).toEqual(['bug=cpu_meltdown', 'bug=spectre_v1', 'bug=spectre_v2']);
  });

  it('is off by default', async () => {
    const fams = await run(cpuCollector, defaultsContext());
    expect(fams.some((f) => f.name === 'node_cpu_info')).toBe(false);
  });
});
