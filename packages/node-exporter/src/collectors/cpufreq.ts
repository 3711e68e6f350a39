import { join } from 'node:path';
import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { CPUFREQ_FILES, parseCpufreq, parseCpuList, type CpufreqStats } from '../sysfs/cpufreq.js';
import { listDir, listFeatureDir, mapLimit, READ_CONCURRENCY, readAttr, readAttrs } from '../read/index.js';
import { naturalCompare } from '../natural-compare.js';

const FREQ_GAUGES: ReadonlyArray<readonly [keyof CpufreqStats, string, string]> = [
  ['cpuinfoCurHz', 'node_cpu_frequency_hertz', 'Current CPU frequency as reported by the hardware, in hertz.'],
  ['cpuinfoAvgHz', 'node_cpu_frequency_avg_hertz', 'Average CPU frequency over the last sampling period, in hertz.'],
  ['cpuinfoMinHz', 'node_cpu_frequency_min_hertz', 'Lowest frequency the CPU supports, in hertz.'],
  ['cpuinfoMaxHz', 'node_cpu_frequency_max_hertz', 'Highest frequency the CPU supports, in hertz.'],
  ['scalingCurHz', 'node_cpu_scaling_frequency_hertz', 'Current frequency chosen by the cpufreq governor, in hertz.'],
  ['scalingMinHz', 'node_cpu_scaling_frequency_min_hertz', 'Lower frequency bound of the cpufreq policy, in hertz.'],
  ['scalingMaxHz', 'node_cpu_scaling_frequency_max_hertz', 'Upper frequency bound of the cpufreq policy, in hertz.'],
];

/** CPU frequency scaling state per online CPU from /sys/devices/system/cpu/cpuN/cpufreq. */
export const cpufreqCollector: Collector<NodeContext> = {
  name: 'cpufreq',
  help: 'CPU frequency scaling statistics from /sys/devices/system/cpu/cpu*/cpufreq.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const base = ctx.target.sys('devices', 'system', 'cpu');
    const entries = await listFeatureDir(base, 'cpufreq');
    const offlineText = await readAttr(join(base, 'offline'), ctx.signal);
    const offline = new Set(offlineText === undefined ? [] : parseCpuList(offlineText));
    const cpus = entries
      .filter((e) => /^cpu\d+$/.test(e) && !offline.has(Number(e.slice(3))))
      .sort(naturalCompare);
    // The kernel serialises cpufreq reads per CPU, so CPUs are read in parallel (bounded).
    const stats = await mapLimit(cpus, READ_CONCURRENCY, async (dir): Promise<CpufreqStats | undefined> => {
      const present = await listDir(join(base, dir, 'cpufreq'));
      if (present === undefined) return undefined; // this CPU has no cpufreq driver
      const wanted = CPUFREQ_FILES.filter((f) => present.includes(f));
      const files = await readAttrs(join(base, dir, 'cpufreq'), wanted, ctx.signal, true);
      return parseCpufreq(dir.slice(3), files);
    });
    for (const s of stats) {
      if (!s) continue;
      const l = { cpu: s.cpu };
      for (const [key, name, help] of FREQ_GAUGES) {
        const v = s[key];
        if (typeof v === 'number') out.gauge(name, help, v, l);
      }
      if (s.governor !== undefined) {
        for (const g of s.availableGovernors) {
          out.gauge('node_cpu_scaling_governor', 'Cpufreq governors available to the CPU; 1 marks the active one.', g === s.governor ? 1 : 0, {
            cpu: s.cpu,
            governor: g,
          });
        }
      }
    }
  },
};
