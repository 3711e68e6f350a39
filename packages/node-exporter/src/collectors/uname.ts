import { machine } from 'node:os';
import type { Collector } from '@scrapekit/exporter-kit';
import { readTextIfExists, type NodeContext } from '../context.js';

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
    const k = (f: string): Promise<string | undefined> => readTextIfExists(ctx.target.proc('sys', 'kernel', f), ctx.signal);
    const [sysname, release, version, nodename, domainname, arch] = await Promise.all(
      ['ostype', 'osrelease', 'version', 'hostname', 'domainname', 'arch'].map(k),
    );
    if (sysname === undefined || release === undefined) throw new Error('cannot read /proc/sys/kernel/ostype and osrelease');
    out.gauge('node_uname_info', 'Kernel identity as reported by uname(2).', 1, {
      sysname: sysname.trim(),
      release: release.trim(),
      version: (version ?? '').trim(),
      machine: (arch ?? machine()).trim(),
      nodename: (nodename ?? '').trim(),
      domainname: (domainname ?? '(none)').trim(),
    });
  },
};
