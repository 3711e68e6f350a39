import { readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { MetricFamily } from './metrics.js';
import type { BuildInfo } from './version.js';
import { MetricSink } from './metrics.js';

/** Limits from /proc/self/limits: they do not change while the process runs, so read once. */
function readLimits(): { maxFds?: number; maxAddressSpace?: number } {
  try {
    const text = readFileSync('/proc/self/limits', 'utf8');
    const soft = (label: string): number | undefined => {
      const line = text.split('\n').find((l) => l.startsWith(label));
      const value = line?.slice(label.length).trim().split(/\s+/)[0];
      if (value === undefined) return undefined;
      return value === 'unlimited' ? Number.MAX_SAFE_INTEGER : Number(value);
    };
    return { maxFds: soft('Max open files'), maxAddressSpace: soft('Max address space') };
  } catch {
    return {};
  }
}

/**
 * The exporter's own process metrics under the names client_golang and prom-client use
 * (process_*, nodejs_*). Written here rather than taken from prom-client: importing prom-client
 * costs about 13 MB of resident memory, and its default set includes three `_total` gauges that
 * promtool rejects. Costs per scrape: process.cpuUsage/memoryUsage plus, on Linux, one small
 * /proc read and one readdir.
 */
export class ProcessMetrics {
  private readonly startTime = Date.now() / 1000 - process.uptime();
  private readonly limits = process.platform === 'linux' ? readLimits() : {};
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 20 });
  private readonly version = process.versions.node.split('.');

  constructor() {
    this.loopDelay.enable();
  }

  async collect(): Promise<MetricFamily[]> {
    const out = new MetricSink();
    const cpu = process.cpuUsage();
    const mem = process.memoryUsage();
    out.counter('process_cpu_user_seconds_total', 'Total user CPU time spent in seconds.', cpu.user / 1e6);
    out.counter('process_cpu_system_seconds_total', 'Total system CPU time spent in seconds.', cpu.system / 1e6);
    out.counter('process_cpu_seconds_total', 'Total user and system CPU time spent in seconds.', (cpu.user + cpu.system) / 1e6);
    out.gauge('process_start_time_seconds', 'Start time of the process since unix epoch in seconds.', this.startTime);
    out.gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', mem.rss);
    if (process.platform === 'linux') await this.linux(out);
    out.gauge('nodejs_heap_size_total_bytes', 'Process heap size from Node.js in bytes.', mem.heapTotal);
    out.gauge('nodejs_heap_size_used_bytes', 'Process heap size used from Node.js in bytes.', mem.heapUsed);
    out.gauge('nodejs_external_memory_bytes', 'Node.js external memory size in bytes.', mem.external);
    const h = this.loopDelay;
    const s = (ns: number): number => (Number.isFinite(ns) ? ns / 1e9 : 0);
    out.gauge('nodejs_eventloop_lag_mean_seconds', 'Mean event loop delay since the previous scrape.', s(h.mean));
    out.gauge('nodejs_eventloop_lag_p99_seconds', '99th percentile of the event loop delay since the previous scrape.', s(h.percentile(99)));
    out.gauge('nodejs_eventloop_lag_max_seconds', 'Maximum event loop delay since the previous scrape.', s(h.max));
    h.reset();
    const resources = new Map<string, number>();
    for (const type of process.getActiveResourcesInfo()) resources.set(type, (resources.get(type) ?? 0) + 1);
    for (const [type, n] of resources) {
      out.gauge('nodejs_active_resources', 'Active resources keeping the event loop alive, by type.', n, { type });
    }
    out.gauge('nodejs_version_info', 'Node.js version info.', 1, {
      version: process.version, major: this.version[0] ?? '', minor: this.version[1] ?? '', patch: this.version[2] ?? '',
    });
    return out.toFamilies();
  }

  private async linux(out: MetricSink): Promise<void> {
    const [stat, fds] = await Promise.all([
      readFile('/proc/self/stat', 'utf8').catch(() => undefined),
      readdir('/proc/self/fd').catch(() => undefined),
    ]);
    if (stat) {
      // Fields after the command name, which may itself contain spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const vsize = Number(fields[20]);
      if (Number.isFinite(vsize)) out.gauge('process_virtual_memory_bytes', 'Virtual memory size in bytes.', vsize);
    }
    if (fds) out.gauge('process_open_fds', 'Number of open file descriptors.', fds.length);
    if (this.limits.maxFds !== undefined) out.gauge('process_max_fds', 'Maximum number of open file descriptors.', this.limits.maxFds);
    if (this.limits.maxAddressSpace !== undefined) {
      out.gauge('process_virtual_memory_max_bytes', 'Maximum amount of virtual memory available in bytes.', this.limits.maxAddressSpace);
    }
  }
}

/** `<ns>_exporter_build_info`: the values `--version` prints (version.ts), plus the Node.js version. */
export function buildInfoFamily(metricName: string, exporterName: string, info: BuildInfo): MetricFamily[] {
  return new MetricSink()
    .gauge(metricName, `A metric with a constant '1' value labeled by version, revision, branch and the Node.js version from which ${exporterName} was built.`, 1, {
      version: info.version,
      revision: info.revision,
      branch: info.branch,
      nodejs_version: process.version,
    })
    .toFamilies();
}
