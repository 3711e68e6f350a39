import { arch, endianness } from 'node:os';
import { loadLibc } from '@scrapekit/exporter-kit/libc';
import { TIMEX_SIZE, decodeTimex, type Timex } from './timex.js';

type AdjtimexFn = (buf: Buffer) => number;

let loaded: Promise<AdjtimexFn | Error> | undefined;

/**
 * Node has no adjtimex(2); libc's is called through koffi (./libc.ts). Loaded on first use, once;
 * any failure is remembered and reported, never thrown at import time, so a host without koffi's
 * binary still runs every other collector.
 */
function load(): Promise<AdjtimexFn | Error> {
  loaded ??= (async () => {
    try {
      if (endianness() !== 'LE' || !['x64', 'arm64', 'riscv64', 'ppc64', 'loong64'].includes(arch())) {
        return new Error(`struct timex layout not known for ${arch()}`);
      }
      const libc = await loadLibc();
      if (libc instanceof Error) return libc;
      const fn = libc.func('int adjtimex(_Inout_ uint8_t *buf)');
      return (buf: Buffer) => fn(buf) as number;
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  })();
  return loaded;
}

/** Reads the kernel clock discipline state (modes = 0: read-only, no privilege needed). */
export async function readTimex(): Promise<Timex | Error> {
  const fn = await load();
  if (fn instanceof Error) return fn;
  const buf = Buffer.alloc(TIMEX_SIZE);
  const state = fn(buf);
  if (state < 0) return new Error(`adjtimex failed with ${state}`);
  return decodeTimex(buf, state);
}
