import { join } from 'node:path';
import { NoDataError, type Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { isMiiUp, parseNameList } from '../sysfs/bonding.js';
import { mapLimit, READ_CONCURRENCY, readAttr } from '../read/index.js';

/** Bonding masters and how many of their slaves have MII link up (the mixin's NodeBondingDegraded). */
export const bondingCollector: Collector<NodeContext> = {
  name: 'bonding',
  help: 'Slave counts of bonded network interfaces from /sys/class/net.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const net = ctx.target.sys('class', 'net');
    const mastersText = await readAttr(join(net, 'bonding_masters'), ctx.signal);
    if (mastersText === undefined) throw new NoDataError('bonding module not loaded (no /sys/class/net/bonding_masters)');
    const masters = parseNameList(mastersText);
    const counts = await mapLimit(masters, READ_CONCURRENCY, async (master) => {
      const slavesText = await readAttr(join(net, master, 'bonding', 'slaves'), ctx.signal);
      if (slavesText === undefined) throw new Error(`bonding master ${master} has no bonding/slaves file`);
      const slaves = parseNameList(slavesText);
      const states = await mapLimit(slaves, READ_CONCURRENCY, async (slave) => {
        // Newer kernels link slaves as lower_<name>, older ones as slave_<name>.
        const status =
          (await readAttr(join(net, master, `lower_${slave}`, 'bonding_slave', 'mii_status'), ctx.signal)) ??
          (await readAttr(join(net, master, `slave_${slave}`, 'bonding_slave', 'mii_status'), ctx.signal));
        if (status === undefined) throw new Error(`bonding slave ${slave} of ${master} has no mii_status`);
        return isMiiUp(status);
      });
      return { master, slaves: slaves.length, active: states.filter(Boolean).length };
    });
    for (const c of counts) {
      out.gauge('node_bonding_slaves', 'Number of slaves configured on the bonding master.', c.slaves, { master: c.master });
      out.gauge('node_bonding_active', 'Number of slaves of the bonding master whose MII status is up.', c.active, { master: c.master });
    }
  },
};
