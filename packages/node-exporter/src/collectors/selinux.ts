import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseIntAttr } from '../sysfs/attributes.js';
import { parseSelinuxConfigMode } from '../sysfs/selinux.js';
import { readAttr } from '../read/index.js';

/**
 * SELinux state. Enabled means selinuxfs is mounted under --path.sysfs (fs/selinux/enforce
 * exists); when it is not, node_exporter still reports node_selinux_enabled 0.
 */
export const selinuxCollector: Collector<NodeContext> = {
  name: 'selinux',
  help: 'SELinux enablement and enforcing mode.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const enforce = await readAttr(ctx.target.sys('fs', 'selinux', 'enforce'), ctx.signal);
    if (enforce === undefined) {
      out.gauge('node_selinux_enabled', 'Whether SELinux is enabled (1) or not (0).', 0);
      return;
    }
    out.gauge('node_selinux_enabled', 'Whether SELinux is enabled (1) or not (0).', 1);
    out.gauge('node_selinux_current_mode', 'Running SELinux mode: 1 enforcing, 0 permissive.', parseIntAttr(enforce, 'selinux/enforce'));
    const config = await readAttr(ctx.target.rootfsPath('etc', 'selinux', 'config'), ctx.signal);
    // As go-selinux's DefaultEnforceMode: no config file reads as disabled (-1).
    const mode = config === undefined ? -1 : parseSelinuxConfigMode(config);
    out.gauge('node_selinux_config_mode', 'SELinux mode configured for boot: 1 enforcing, 0 permissive, -1 disabled.', mode);
  },
};
