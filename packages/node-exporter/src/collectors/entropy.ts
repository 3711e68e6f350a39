import type { Collector } from '@scrapekit/exporter-kit';
import { NoDataError } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseSingleNumber } from '../procfs/keyvalue.js';
import { readTextIfExists } from '../read/index.js';

export const entropyCollector: Collector<NodeContext> = {
  name: 'entropy',
  help: 'Entropy pool of the kernel random number generator.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const dir = ['sys', 'kernel', 'random'];
    const [avail, pool] = await Promise.all([
      readTextIfExists(ctx.target.proc(...dir, 'entropy_avail'), ctx.signal),
      readTextIfExists(ctx.target.proc(...dir, 'poolsize'), ctx.signal),
    ]);
    if (avail === undefined) throw new NoDataError('no /proc/sys/kernel/random/entropy_avail');
    out.gauge('node_entropy_available_bits', 'Bits of entropy available.', parseSingleNumber(avail, 'entropy_avail'));
    if (pool !== undefined) out.gauge('node_entropy_pool_size_bits', 'Size of the entropy pool in bits.', parseSingleNumber(pool, 'poolsize'));
  },
};
