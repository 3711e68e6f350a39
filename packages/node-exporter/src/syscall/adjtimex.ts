import { arch, endianness, platform } from 'node:os';
import { TIMEX_SIZE, decodeTimex, type Timex } from './timex.js';

type AdjtimexFn = (buf: Buffer) => number;

let loaded: Promise<AdjtimexFn | Error> | undefined;

/**
 * Node has no adjtimex(2); koffi (an FFI with prebuilt binaries inside its npm package) calls
 * libc's. Loaded on first use, once; any failure is remembered and reported, never thrown at
 * import time, so a host without koffi's binary still runs every other collector.
 */
function load(): Promise<AdjtimexFn | Error> {
  loaded ??= (async () => {
    try {
      if (platform() !== 'linux') return new Error('adjtimex is Linux-only');
      if (endianness() !== 'LE' || !['x64', 'arm64', 'riscv64', 'ppc64', 'loong64'].includes(arch())) {
        return new Error(`struct timex layout not known for ${arch()}`);
      }
      const mod = (await import('koffi')) as unknown as { default?: KoffiLike } & KoffiLike;
      const koffi: KoffiLike = mod.default ?? mod;
      const libc = koffi.load('libc.so.6');
      const fn = libc.func('int adjtimex(_Inout_ uint8_t *buf)');
      return (buf: Buffer) => fn(buf) as number;
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  })();
  return loaded;
}

interface KoffiLike {
  load(path: string): { func(signature: string): (...args: unknown[]) => unknown };
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
