import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseUintAttr } from '../sysfs/attributes.js';
import { parsePidStat } from '../procfs/pid-stat.js';
import { isMissing, listDir, mapLimit, readFeatureFile, readSysfsFile } from '../read/index.js';

/** Processes and threads on the host by state, against the kernel's pid/thread limits. */
export const processesCollector: Collector<NodeContext> = {
  name: 'processes',
  help: 'Process and thread counts and states from /proc/<pid>/stat.',
  defaultEnabled: false,
  async collect(ctx, out) {
    const t = ctx.target;
    const [maxThreads, pidMax, entries] = await Promise.all([
      readFeatureFile(t.proc('sys', 'kernel', 'threads-max'), ctx.signal, 'processes'),
      readFeatureFile(t.proc('sys', 'kernel', 'pid_max'), ctx.signal, 'processes'),
      listDir(t.procfs),
    ]);
    const pids = (entries ?? []).filter((e) => /^\d+$/.test(e));
    // A process or thread may exit between the directory listing and the read.
    const readStat = async (...path: string[]) => {
      try {
        return parsePidStat(await readSysfsFile(t.proc(...path, 'stat'), ctx.signal));
      } catch (err) {
        if (isMissing(err) || (err as NodeJS.ErrnoException).code === 'ESRCH') return undefined;
        throw err;
      }
    };
    const threadStates = new Map<string, number>();
    const stats = await mapLimit(pids, 16, async (pid) => {
      const stat = await readStat(pid);
      if (stat === undefined) return undefined;
      const tids = ((await listDir(t.proc(pid, 'task'))) ?? []).filter((e) => /^\d+$/.test(e));
      for (const ts of await mapLimit(tids, 4, (tid) => readStat(pid, 'task', tid))) {
        if (ts) threadStates.set(ts.state, (threadStates.get(ts.state) ?? 0) + 1);
      }
      return stat;
    });
    let procs = 0;
    let threads = 0;
    const states = new Map<string, number>();
    for (const s of stats) {
      if (!s) continue;
      procs++;
      threads += s.numThreads;
      states.set(s.state, (states.get(s.state) ?? 0) + 1);
    }
    out.gauge('node_processes_threads', 'Threads allocated on the host.', threads);
    out.gauge('node_processes_max_threads', 'Thread limit of the kernel (kernel.threads-max).', parseUintAttr(maxThreads, 'threads-max'));
    for (const [state, n] of states) out.gauge('node_processes_state', 'Processes in each scheduler state.', n, { state });
    for (const [state, n] of threadStates) out.gauge('node_processes_threads_state', 'Threads in each scheduler state.', n, { thread_state: state });
    out.gauge('node_processes_pids', 'Process IDs in use.', procs);
    out.gauge('node_processes_max_processes', 'Highest process ID the kernel hands out (kernel.pid_max).', parseUintAttr(pidMax, 'pid_max'));
  },
};
