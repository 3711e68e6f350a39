import { machine } from 'node:os';
import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { readTextIfExists } from '../read/index.js';

/**
 * uname(2) through /proc/sys/kernel (the same kernel data, and testable against a fixture tree):
 * ostype, osrelease, version, hostname, domainname. The machine field has no procfs file on
 * older kernels, so it comes from Node's os.machine() when /proc/sys/kernel/arch is missing.
 */
export const unameCollector: Collector<NodeContext> = {
  name: 'uname',
  help: 'Kernel name, release, version, machine, node and domain name.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const t = ctx.target;
    const k = (f: string): Promise<string | undefined> => readTextIfExists(t.proc('sys', 'kernel', f), ctx.signal);
    // The kernel's identity is fixed until reboot; host and domain names can change at any time.
    const cache = t.state<{ fixed?: Record<string, string> }>('uname.kernel', () => ({}));
    if (!cache.fixed) {
      const [sysname, release, version, arch] = await Promise.all(['ostype', 'osrelease', 'version', 'arch'].map(k));
      if (sysname === undefined || release === undefined) throw new Error('cannot read /proc/sys/kernel/ostype and osrelease');
      cache.fixed = { sysname: sysname.trim(), release: release.trim(), version: (version ?? '').trim(), machine: (arch ?? machine()).trim() };
    }
    const fixed = cache.fixed;
    const [nodename, domainname] = await Promise.all([k('hostname'), k('domainname')]);
    out.gauge('node_uname_info', 'Kernel identity as reported by uname(2).', 1, {
      ...fixed,
      nodename: (nodename ?? '').trim(),
      domainname: (domainname ?? '(none)').trim(),
    });
  },
};
