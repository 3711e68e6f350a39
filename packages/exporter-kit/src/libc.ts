import { platform } from 'node:os';

/** The slice of koffi's API used here: a loaded library and functions by C signature. */
export interface LibcLike {
  func(signature: string): (...args: unknown[]) => unknown;
}

interface KoffiLike {
  load(path: string): LibcLike;
  errno(): number;
}

let loaded: Promise<LibcLike | Error> | undefined;
let koffiErrno: (() => number) | undefined;

/** errno as the last libc call through koffi left it (koffi saves it right after the call). */
export function lastErrno(): number {
  return koffiErrno?.() ?? 0;
}

/**
 * glibc through koffi (an FFI whose prebuilt binaries ship inside its npm package), loaded on
 * first use and once. Any failure (not Linux, musl instead of glibc, koffi's binary missing) is
 * returned, never thrown, so callers degrade to "feature unavailable".
 */
export function loadLibc(): Promise<LibcLike | Error> {
  loaded ??= (async () => {
    try {
      if (platform() !== 'linux') return new Error('libc calls are Linux-only here');
      const mod = (await import('koffi')) as unknown as { default?: KoffiLike } & KoffiLike;
      const koffi: KoffiLike = mod.default ?? mod;
      koffiErrno = () => koffi.errno();
      return koffi.load('libc.so.6');
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  })();
  return loaded;
}
