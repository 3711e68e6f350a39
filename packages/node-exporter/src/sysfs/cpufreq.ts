import { ParseError } from '../procfs/errors.js';
import { parseUintAttr } from './attributes.js';

/** One CPU's cpufreq policy view; frequencies in Hz (sysfs prints kHz). */
export interface CpufreqStats {
  readonly cpu: string;
  readonly cpuinfoCurHz?: number;
  readonly cpuinfoAvgHz?: number;
  readonly cpuinfoMinHz?: number;
  readonly cpuinfoMaxHz?: number;
  readonly scalingCurHz?: number;
  readonly scalingMinHz?: number;
  readonly scalingMaxHz?: number;
  readonly governor?: string;
  readonly availableGovernors: string[];
}

export const CPUFREQ_FILES = [
  'cpuinfo_cur_freq',
  'cpuinfo_avg_freq',
  'cpuinfo_min_freq',
  'cpuinfo_max_freq',
  'scaling_cur_freq',
  'scaling_min_freq',
  'scaling_max_freq',
  'scaling_governor',
  'scaling_available_governors',
] as const;

export type CpufreqFile = (typeof CPUFREQ_FILES)[number];

export function parseCpufreq(cpu: string, files: Readonly<Record<CpufreqFile, string | undefined>>): CpufreqStats {
  const khz = (name: CpufreqFile): number | undefined => {
    const raw = files[name];
    return raw === undefined ? undefined : parseUintAttr(raw, `cpu${cpu}/cpufreq/${name}`) * 1000;
  };
  const governor = files.scaling_governor?.trim();
  return {
    cpu,
    cpuinfoCurHz: khz('cpuinfo_cur_freq'),
    cpuinfoAvgHz: khz('cpuinfo_avg_freq'),
    cpuinfoMinHz: khz('cpuinfo_min_freq'),
    cpuinfoMaxHz: khz('cpuinfo_max_freq'),
    scalingCurHz: khz('scaling_cur_freq'),
    scalingMinHz: khz('scaling_min_freq'),
    scalingMaxHz: khz('scaling_max_freq'),
    governor: governor === '' ? undefined : governor,
    availableGovernors: (files.scaling_available_governors ?? '').trim().split(' ').filter((g) => g !== ''),
  };
}

/** Parses a kernel CPU list such as "0-3,8,10-11" (devices/system/cpu/offline). */
export function parseCpuList(text: string): number[] {
  const out: number[] = [];
  for (const part of text.trim().split(',')) {
    if (part === '') continue;
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) throw new ParseError(`invalid CPU list element ${JSON.stringify(part)}`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from || to - from > 65536) throw new ParseError(`invalid CPU range ${JSON.stringify(part)}`);
    for (let c = from; c <= to; c++) out.push(c);
  }
  return out;
}
