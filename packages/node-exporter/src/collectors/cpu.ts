import { join } from 'node:path';
import type { Collector, MetricSink, FlagSpec } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseCpuinfo } from '../procfs/cpuinfo.js';
import { parseSingleNumber } from '../procfs/keyvalue.js';
import { parseProcStat, type CpuTimes } from '../procfs/stat.js';
import { parseCpuList } from '../sysfs/cpufreq.js';
import { listDir, mapLimit, readAttr, readProcFile, readProcFileOnce } from '../read/index.js';

/** The collector's flags, under node_exporter's names and defaults (Go RE2 regexes, applied unanchored unless `anchor` says otherwise). */
export const cpuFlags: readonly FlagSpec[] = [
  { name: 'collector.cpu.guest', kind: 'boolean', description: 'Export node_cpu_guest_seconds_total.', default: true },
  { name: 'collector.cpu.info', kind: 'boolean', description: 'Export node_cpu_info from /proc/cpuinfo.', default: false },
  { kind: 'regex', name: 'collector.cpu.info.flags-include', description: 'Regexp of /proc/cpuinfo flags to export as node_cpu_flag_info (turns on --collector.cpu.info).', default: '' },
  { kind: 'regex', name: 'collector.cpu.info.bugs-include', description: 'Regexp of /proc/cpuinfo bugs to export as node_cpu_bug_info (turns on --collector.cpu.info).', default: '' },
];

const MODES = ['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal'] as const;
/** An idle counter that falls back this far means the CPU was unplugged and replugged. */
const JUMP_BACK_SECONDS = 3;

/**
 * Keeps counters monotonic across scrapes as node_exporter does: the kernel's per-CPU times can
 * step back slightly (iowait notably), which would read as a counter reset in rate().
 */
export function monotonicCpuTimes(cache: Map<number, CpuTimes>, fresh: ReadonlyMap<number, CpuTimes>): Map<number, CpuTimes> {
  for (const [cpu, now] of fresh) {
    let prev = cache.get(cpu);
    if (prev && prev.idle - now.idle >= JUMP_BACK_SECONDS) prev = undefined;
    if (!prev) {
      cache.set(cpu, now);
      continue;
    }
    const merged = { ...now };
    for (const k of Object.keys(now) as Array<keyof CpuTimes>) merged[k] = Math.max(prev[k], now[k]);
    cache.set(cpu, merged);
  }
  for (const cpu of [...cache.keys()]) if (!fresh.has(cpu)) cache.delete(cpu);
  return cache;
}

export const cpuCollector: Collector<NodeContext> = {
  name: 'cpu',
  flags: cpuFlags,
  help: 'CPU time per mode from /proc/stat, thermal throttling and isolated CPUs from /sys.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const t = ctx.target;
    const statText = await readProcFileOnce(t.proc('stat'), ctx.signal);
    const stat = parseProcStat(statText);
    const cache = t.state('cpu.times', () => new Map<number, CpuTimes>());
    const times = monotonicCpuTimes(cache, stat.cpus);
    const guest = t.bool('collector.cpu.guest');
    for (const cpu of [...times.keys()].sort((a, b) => a - b)) {
      const c = times.get(cpu) as CpuTimes;
      const cpuLabel = String(cpu);
      for (const mode of MODES) {
        out.counter('node_cpu_seconds_total', 'CPU time per mode, in seconds, from /proc/stat.', c[mode], { cpu: cpuLabel, mode });
      }
      if (guest) {
        const help = 'Seconds the CPUs spent running guests (also counted in user and nice).';
        out.counter('node_cpu_guest_seconds_total', help, c.guest, { cpu: cpuLabel, mode: 'user' });
        out.counter('node_cpu_guest_seconds_total', help, c.guestNice, { cpu: cpuLabel, mode: 'nice' });
      }
    }
    const infoWanted = t.bool('collector.cpu.info') || t.regex('collector.cpu.info.flags-include') !== undefined || t.regex('collector.cpu.info.bugs-include') !== undefined;
    await Promise.all([throttles(t, out, ctx.signal), isolated(t, out, ctx.signal), infoWanted ? cpuInfo(t, out, ctx.signal) : undefined]);
  },
};

/** --collector.cpu.info: identity per logical CPU, and the first CPU's flags and bugs matching the include patterns. */
async function cpuInfo(t: NodeContext, out: MetricSink, signal: AbortSignal): Promise<void> {
  const cpus = parseCpuinfo(await readProcFile(t.proc('cpuinfo'), signal));
  for (const c of cpus) {
    out.gauge('node_cpu_info', 'CPU identity from /proc/cpuinfo.', 1, {
      package: c.physicalId, core: c.coreId, cpu: c.processor, vendor: c.vendor, family: c.family, model: c.model,
      model_name: c.modelName, microcode: c.microcode, stepping: c.stepping, cachesize: c.cacheSize,
    });
  }
  const first = cpus[0];
  if (!first) return;
  const flags = t.regex('collector.cpu.info.flags-include');
  const bugs = t.regex('collector.cpu.info.bugs-include');
  if (flags) for (const f of first.flags.filter((x) => flags.test(x))) out.gauge('node_cpu_flag_info', 'CPU flag present (from the first CPU).', 1, { flag: f });
  if (bugs) for (const b of first.bugs.filter((x) => bugs.test(x))) out.gauge('node_cpu_bug_info', 'CPU bug present (from the first CPU).', 1, { bug: b });
}

/** Topology of a CPU with thermal throttle counters; null when it has none (VMs, non-Intel). */
type ThrottleTopology = { readonly pkg: string; readonly core: string; readonly hasPackageCount: boolean } | null;

async function throttleTopology(dir: string, signal: AbortSignal): Promise<ThrottleTopology> {
  const [core, pkgCount, pkgId, coreId] = await Promise.all([
    readAttr(join(dir, 'thermal_throttle', 'core_throttle_count'), signal),
    readAttr(join(dir, 'thermal_throttle', 'package_throttle_count'), signal),
    readAttr(join(dir, 'topology', 'physical_package_id'), signal),
    readAttr(join(dir, 'topology', 'core_id'), signal),
  ]);
  if (core === undefined || pkgId === undefined || coreId === undefined) return null;
  return { pkg: pkgId.trim(), core: coreId.trim(), hasPackageCount: pkgCount !== undefined };
}

async function throttles(t: NodeContext, out: MetricSink, signal: AbortSignal): Promise<void> {
  const base = t.sys('devices', 'system', 'cpu');
  const cpus = ((await listDir(base)) ?? []).filter((d) => /^cpu\d+$/.test(d));
  // Topology and the presence of the counters do not change while a CPU exists: learn them
  // once per CPU, so a scrape reads only the counters (nothing at all on VMs).
  const topo = t.state('cpu.throttle-topology', () => new Map<string, ThrottleTopology>());
  for (const cpu of [...topo.keys()]) if (!cpus.includes(cpu)) topo.delete(cpu);
  await mapLimit(cpus.filter((c) => !topo.has(c)), 8, async (cpu) => {
    topo.set(cpu, await throttleTopology(join(base, cpu), signal));
  });
  const seenCore = new Set<string>();
  const seenPkg = new Set<string>();
  const reads: Array<{ cpu: string; file: string; labels: Record<string, string>; metric: 'core' | 'package' }> = [];
  for (const cpu of cpus) {
    const tp = topo.get(cpu);
    if (!tp) continue;
    // Sibling threads share a core's and a package's counter: read and report each once.
    const coreKey = `${tp.pkg}/${tp.core}`;
    if (!seenCore.has(coreKey)) {
      seenCore.add(coreKey);
      reads.push({ cpu, file: 'core_throttle_count', labels: { package: tp.pkg, core: tp.core }, metric: 'core' });
    }
    if (tp.hasPackageCount && !seenPkg.has(tp.pkg)) {
      seenPkg.add(tp.pkg);
      reads.push({ cpu, file: 'package_throttle_count', labels: { package: tp.pkg }, metric: 'package' });
    }
  }
  const values = await mapLimit(reads, 8, (r) => readAttr(join(base, r.cpu, 'thermal_throttle', r.file), signal));
  reads.forEach((r, i) => {
    const text = values[i];
    if (text === undefined) return;
    const n = parseSingleNumber(text, r.file);
    if (r.metric === 'core') out.counter('node_cpu_core_throttles_total', 'Times this CPU core was throttled for temperature.', n, r.labels);
    else out.counter('node_cpu_package_throttles_total', 'Times this CPU package was throttled for temperature.', n, r.labels);
  });
}

async function isolated(t: NodeContext, out: MetricSink, signal: AbortSignal): Promise<void> {
  const text = await readAttr(t.sys('devices', 'system', 'cpu', 'isolated'), signal);
  if (text === undefined) return;
  for (const cpu of parseCpuList(text)) out.gauge('node_cpu_isolated', 'Whether the CPU is isolated from the scheduler (isolcpus).', 1, { cpu: String(cpu) });
}
