import { readSync } from 'node:fs';
import { arch, constants } from 'node:os';
import { encodePerfEventAttr } from '../perf/events.js';
import { lastErrno, loadLibc } from '@scrapekit/exporter-kit/libc';

/** __NR_perf_event_open per architecture (the generic table's 241 where the arch uses it). */
const SYS_PERF_EVENT_OPEN: Readonly<Record<string, number>> = { x64: 298, arm64: 241, riscv64: 241, loong64: 241, ppc64: 319, s390x: 331 };

type OpenFn = (type: number, config: bigint, cpu: number) => number;

let loaded: Promise<OpenFn | Error> | undefined;

/** perf_event_open(2) has no Node binding: libc's syscall(2) through koffi, loaded on first use. */
function load(): Promise<OpenFn | Error> {
  loaded ??= (async () => {
    const nr = SYS_PERF_EVENT_OPEN[arch()];
    if (nr === undefined) return new Error(`perf_event_open's syscall number is not known for ${arch()}`);
    const libc = await loadLibc();
    if (libc instanceof Error) return libc;
    try {
      const syscall = libc.func('long syscall(long, ...)');
      return (type, config, cpu) =>
        Number(syscall(nr, 'void *', encodePerfEventAttr(type, config), 'int', -1, 'int', cpu, 'int', -1, 'unsigned long', 0));
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  })();
  return loaded;
}

const ERRNO_NAMES = new Map(Object.entries(constants.errno).map(([name, n]) => [n, name]));

export class PerfOpenError extends Error {
  override readonly name = 'PerfOpenError';
  constructor(readonly errno: string) {
    super(`perf_event_open failed: ${errno}`);
  }
}

/** A counter of one event on one CPU, every process (pid -1): its file descriptor. */
export async function openPerfCounter(type: number, config: bigint, cpu: number): Promise<number> {
  const open = await load();
  if (open instanceof Error) throw open;
  const fd = open(type, config, cpu);
  if (fd < 0) throw new PerfOpenError(ERRNO_NAMES.get(lastErrno()) ?? `errno ${lastErrno()}`);
  return fd;
}

const value = Buffer.alloc(8);

/** The counter's value (read_format 0: one u64). */
export function readPerfCounter(fd: number): bigint {
  const n = readSync(fd, value, 0, 8, null);
  if (n !== 8) throw new Error(`perf counter read returned ${n} bytes`);
  return value.readBigUInt64LE(0);
}
