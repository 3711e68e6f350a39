import type { NodeContext } from '../context.js';
import { readProcFile } from '../read/index.js';

/**
 * The kernel page size, which Node does not expose. Read once from our own smaps (the
 * KernelPageSize of the first mapping) and cached; 4096 when that is unavailable.
 */
export async function pageSize(t: NodeContext): Promise<number> {
  return t.state('page-size', () => detectPageSize());
}

async function detectPageSize(): Promise<number> {
  try {
    const text = await readProcFile('/proc/self/smaps');
    const m = /^KernelPageSize:\s+(\d+) kB$/m.exec(text);
    return m ? Number(m[1]) * 1024 : 4096;
  } catch {
    return 4096;
  }
}
