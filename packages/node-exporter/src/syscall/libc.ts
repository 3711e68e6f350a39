import { platform } from 'node:os';

/** The slice of koffi's API used here: a loaded library and functions by C signature. */
export interface LibcLike {
  func(signature: string): (...args: unknown[]) => unknown;
}

interface KoffiLike {
  load(path: string): LibcLike;
}

let loaded: Promise<LibcLike | Error> | undefined;

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
      return koffi.load('libc.so.6');
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  })();
  return loaded;
}
