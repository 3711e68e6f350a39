import { ignoredByFilter, type Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import type { PlatformDeps } from './deps.js';
import { parseVmStat } from './vm-stat.js';

type PlatformCollector = Collector<NodeContext>;

/** node_cpu_seconds_total from the kernel's cumulative per-CPU times (ms) that Node exposes. */
export function cpuCollector(deps: PlatformDeps, platform: NodeJS.Platform): PlatformCollector {
  return {
    name: 'cpu',
    help: 'CPU time per mode.',
    defaultEnabled: true,
    async collect(_ctx, out) {
      const help = 'Seconds the CPUs spent in each mode.';
      deps.os.cpus().forEach((c, i) => {
        const cpu = String(i);
        out.counter('node_cpu_seconds_total', help, c.times.user / 1000, { cpu, mode: 'user' });
        out.counter('node_cpu_seconds_total', help, c.times.nice / 1000, { cpu, mode: 'nice' });
        out.counter('node_cpu_seconds_total', help, c.times.sys / 1000, { cpu, mode: 'system' });
        out.counter('node_cpu_seconds_total', help, c.times.idle / 1000, { cpu, mode: 'idle' });
        // Darwin's cpu_darwin.go has no irq mode; Windows reports interrupt time separately.
        if (platform === 'win32') out.counter('node_cpu_seconds_total', help, c.times.irq / 1000, { cpu, mode: 'irq' });
      });
    },
  };
}

/** Darwin memory under meminfo_darwin.go's names; page counts from vm_stat, totals from systeminformation. */
export function darwinMeminfoCollector(deps: PlatformDeps): PlatformCollector {
  return {
    name: 'meminfo',
    help: 'Memory statistics (vm_stat, sysctl).',
    defaultEnabled: true,
    async collect(_ctx, out) {
      const [mem, vm] = await Promise.all([deps.si().then((si) => si.mem()), deps.vmStat().then(parseVmStat)]);
      const pages = (label: string): number | undefined => {
        const n = vm.pages.get(label);
        return n === undefined ? undefined : n * vm.pageSize;
      };
      const gauges: Array<[string, number | undefined, string]> = [
        ['node_memory_total_bytes', mem.total, 'Physical memory in bytes.'],
        ['node_memory_free_bytes', pages('Pages free'), 'Free memory in bytes.'],
        ['node_memory_active_bytes', pages('Pages active'), 'Memory recently used, in bytes.'],
        ['node_memory_inactive_bytes', pages('Pages inactive'), 'Memory not recently used, in bytes.'],
        ['node_memory_wired_bytes', pages('Pages wired down'), 'Memory wired down (never paged out), in bytes.'],
        ['node_memory_purgeable_bytes', pages('Pages purgeable'), 'Purgeable memory in bytes.'],
        ['node_memory_internal_bytes', pages('Anonymous pages'), 'Anonymous (app) memory in bytes.'],
        ['node_memory_compressed_bytes', pages('Pages occupied by compressor'), 'Memory used by the compressor, in bytes.'],
        ['node_memory_swap_total_bytes', mem.swaptotal, 'Swap space in bytes.'],
        ['node_memory_swap_used_bytes', mem.swapused, 'Swap space in use, in bytes.'],
      ];
      for (const [name, v, help] of gauges) if (v !== undefined) out.gauge(name, help, v);
      const pageins = pages('Pageins');
      const pageouts = pages('Pageouts');
      if (pageins !== undefined) out.counter('node_memory_swapped_in_bytes_total', 'Bytes paged in since boot.', pageins);
      if (pageouts !== undefined) out.counter('node_memory_swapped_out_bytes_total', 'Bytes paged out since boot.', pageouts);
    },
  };
}

/**
 * Windows has no node_exporter; its memory is exported under the Linux meminfo names the
 * node-mixin's Linux dashboards query, so those work unchanged.
 */
export function windowsMeminfoCollector(deps: PlatformDeps): PlatformCollector {
  return {
    name: 'meminfo',
    help: 'Memory statistics (systeminformation).',
    defaultEnabled: true,
    async collect(_ctx, out) {
      const mem = await (await deps.si()).mem();
      out.gauge('node_memory_MemTotal_bytes', 'Physical memory in bytes.', mem.total);
      out.gauge('node_memory_MemFree_bytes', 'Unused physical memory in bytes.', mem.free);
      out.gauge('node_memory_MemAvailable_bytes', 'Memory available to new allocations without paging, in bytes.', mem.available);
      out.gauge('node_memory_SwapTotal_bytes', 'Page file size in bytes.', mem.swaptotal);
      out.gauge('node_memory_SwapFree_bytes', 'Unused page file in bytes.', mem.swapfree);
    },
  };
}

export function filesystemCollector(deps: PlatformDeps): PlatformCollector {
  return {
    name: 'filesystem',
    help: 'Filesystem sizes (systeminformation).',
    defaultEnabled: true,
    async collect(_ctx, out) {
      for (const fs of await (await deps.si()).fsSize()) {
        const l = { device: fs.fs, fstype: fs.type, mountpoint: fs.mount };
        out.gauge('node_filesystem_size_bytes', 'Filesystem size in bytes.', fs.size, l);
        out.gauge('node_filesystem_free_bytes', 'Filesystem free space in bytes.', Math.max(0, fs.size - fs.used), l);
        out.gauge('node_filesystem_avail_bytes', 'Filesystem space available to non-root users in bytes.', fs.available, l);
        out.gauge('node_filesystem_readonly', 'Filesystem read-only status.', fs.rw === false ? 1 : 0, l);
      }
    },
  };
}

export function netdevCollector(deps: PlatformDeps): PlatformCollector {
  return {
    name: 'netdev',
    help: 'Network interface counters (systeminformation).',
    defaultEnabled: true,
    async collect(ctx, out) {
      const exclude = ctx.target.regex('collector.netdev.device-exclude');
      const include = ctx.target.regex('collector.netdev.device-include');
      for (const n of await (await deps.si()).networkStats('*')) {
        if (ignoredByFilter(n.iface, include, exclude)) continue;
        const l = { device: n.iface };
        out.counter('node_network_receive_bytes_total', 'Network device statistic receive_bytes.', n.rx_bytes, l);
        out.counter('node_network_transmit_bytes_total', 'Network device statistic transmit_bytes.', n.tx_bytes, l);
        out.counter('node_network_receive_errs_total', 'Network device statistic receive_errs.', n.rx_errors, l);
        out.counter('node_network_transmit_errs_total', 'Network device statistic transmit_errs.', n.tx_errors, l);
        out.counter('node_network_receive_drop_total', 'Network device statistic receive_drop.', n.rx_dropped, l);
        out.counter('node_network_transmit_drop_total', 'Network device statistic transmit_drop.', n.tx_dropped, l);
      }
    },
  };
}

export function loadavgCollector(deps: PlatformDeps): PlatformCollector {
  return {
    name: 'loadavg',
    help: 'Load averages.',
    defaultEnabled: true,
    async collect(_ctx, out) {
      const [l1, l5, l15] = deps.os.loadavg();
      out.gauge('node_load1', '1m load average.', l1 ?? 0);
      out.gauge('node_load5', '5m load average.', l5 ?? 0);
      out.gauge('node_load15', '15m load average.', l15 ?? 0);
    },
  };
}

export function unameCollector(deps: PlatformDeps): PlatformCollector {
  return {
    name: 'uname',
    help: 'uname(2)-style system identity.',
    defaultEnabled: true,
    async collect(_ctx, out) {
      out.gauge('node_uname_info', 'Labeled system information as provided by the uname system call.', 1, {
        sysname: deps.os.type(),
        release: deps.os.release(),
        version: deps.os.version(),
        machine: deps.os.machine(),
        nodename: deps.os.hostname(),
        domainname: '(none)',
      });
    },
  };
}

export function boottimeCollector(deps: PlatformDeps): PlatformCollector {
  return {
    name: 'boottime',
    help: 'System boot time.',
    defaultEnabled: true,
    async collect(_ctx, out) {
      // Whole seconds: uptime jitter must not make the boot time wobble between scrapes.
      out.gauge('node_boot_time_seconds', 'Unix time of the last boot, in seconds.', Math.round(deps.now() / 1000 - deps.os.uptime()));
    },
  };
}

/** The zone's short name as Go's time.Zone() prints it ("UTC", "CET"; "GMT+1" where no abbreviation exists). */
export function timeZoneAbbreviation(date: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(date).find((p) => p.type === 'timeZoneName');
  return part?.value ?? 'UTC';
}

export function timeCollector(deps: PlatformDeps): PlatformCollector {
  return {
    name: 'time',
    help: 'System time.',
    defaultEnabled: true,
    async collect(_ctx, out) {
      const now = deps.now();
      const date = new Date(now);
      out.gauge('node_time_seconds', 'System time in seconds since epoch (1970).', now / 1000);
      out.gauge('node_time_zone_offset_seconds', 'System time zone offset in seconds.', -date.getTimezoneOffset() * 60, { time_zone: timeZoneAbbreviation(date) });
    },
  };
}
