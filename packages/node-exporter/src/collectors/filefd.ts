import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseFileNr } from '../procfs/keyvalue.js';
import { readProcFile } from '../read/index.js';

export const filefdCollector: Collector<NodeContext> = {
  name: 'filefd',
  help: 'Allocated and maximum file handles from /proc/sys/fs/file-nr.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const nr = parseFileNr(await readProcFile(ctx.target.proc('sys', 'fs', 'file-nr'), ctx.signal));
    out.gauge('node_filefd_allocated', 'File handles allocated by the kernel.', nr.allocated);
    out.gauge('node_filefd_maximum', 'Maximum number of file handles (fs.file-max).', nr.maximum);
  },
};
