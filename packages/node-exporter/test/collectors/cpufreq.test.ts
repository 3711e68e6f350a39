import { describe, expect, it } from 'vitest';
import { cpufreqCollector } from '../../src/collectors/cpufreq.js';
import { labelSets, run, value } from '../collect.js';
import { expectNoData } from '../failure-modes.js';

describe('cpufreq', () => {
  it('reports Hz per CPU with a driver, skipping offline CPUs', async () => {
    const f = await run(cpufreqCollector);
    expect(value(f, 'node_cpu_frequency_hertz', { cpu: '0' })).toBe(3_100_000_000);
    expect(value(f, 'node_cpu_scaling_frequency_hertz', { cpu: '0' })).toBe(2_900_123_000);
    expect(value(f, 'node_cpu_frequency_max_hertz', { cpu: '1' })).toBe(3_600_000_000);
    expect(value(f, 'node_cpu_scaling_frequency_min_hertz', { cpu: '1' })).toBe(800_000_000);
    expect(labelSets(f, 'node_cpu_frequency_hertz')).toEqual(['cpu=0']); // cpu1 has no cpuinfo_cur_freq
    expect(labelSets(f, 'node_cpu_scaling_frequency_hertz')).toEqual(['cpu=0', 'cpu=1']); // cpu2: no driver, cpu3: offline
    expect(value(f, 'node_cpu_scaling_governor', { cpu: '1', governor: 'powersave' })).toBe(1);
    expect(value(f, 'node_cpu_scaling_governor', { cpu: '1', governor: 'performance' })).toBe(0);
  });
});

describe('cpufreq failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(cpufreqCollector);
  });
});
