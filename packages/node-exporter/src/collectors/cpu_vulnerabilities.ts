import { join } from 'node:path';
import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseVulnerability } from '../sysfs/vulnerabilities.js';
import { listFeatureDir, mapLimit, readAttr } from '../read/index.js';

/** CPU vulnerability (Spectre, Meltdown, …) states and mitigations from sysfs. */
export const cpuVulnerabilitiesCollector: Collector<NodeContext> = {
  name: 'cpu_vulnerabilities',
  help: 'CPU vulnerability states from /sys/devices/system/cpu/vulnerabilities.',
  defaultEnabled: false,
  async collect(ctx, out) {
    const dir = ctx.target.sys('devices', 'system', 'cpu', 'vulnerabilities');
    const names = await listFeatureDir(dir, 'cpu_vulnerabilities');
    const texts = await mapLimit(names, 8, (n) => readAttr(join(dir, n), ctx.signal));
    names.forEach((name, i) => {
      const text = texts[i];
      if (text === undefined) return;
      const v = parseVulnerability(name, text);
      out.gauge('node_cpu_vulnerabilities_info', 'A CPU vulnerability the kernel knows about, with its state and mitigation; always 1.', 1, {
        codename: v.codename,
        state: v.state,
        mitigation: v.mitigation,
      });
    });
  },
};
