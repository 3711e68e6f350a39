import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseUintAttr } from '../sysfs/attributes.js';
import { readFeatureFile } from '../read/index.js';

/** Tasks the hung-task detector has flagged since boot (kernel >= 6.12). */
export const kernelHungCollector: Collector<NodeContext> = {
  name: 'kernel_hung',
  help: 'Hung task detections from /proc/sys/kernel/hung_task_detect_count.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const path = ctx.target.proc('sys', 'kernel', 'hung_task_detect_count');
    const text = await readFeatureFile(path, ctx.signal, 'kernel_hung');
    out.counter('node_kernel_hung_tasks_total', 'Tasks detected as hung since boot.', parseUintAttr(text, 'hung_task_detect_count'));
  },
};
