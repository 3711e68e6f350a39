import { loadLibc } from './libc.js';

/**
 * Keeps the native (malloc) heap from holding memory the exporter no longer uses.
 *
 * Each scrape makes short-lived native allocations outside V8's heap: the gzip state and output,
 * the response body's bytes, pooled file-read buffers, libuv requests. V8 frees the buffers only
 * when a GC collects their JavaScript wrappers, by then glibc has handed the space out again in a
 * different order, and the freed chunks left between live ones stay resident. A trivial Node
 * HTTP server that gzips a 55 KB body per request sits at ~80 MB RSS after 2,000 requests, 57 MB
 * without gzip; the CloudWatch exporter's collections leave freed chunks from parsing 20 AWS
 * answers. Two glibc calls, through koffi (libc.ts):
 *
 * - mallopt(M_ARENA_MAX): one malloc arena per thread that ever allocates (libuv's pool, V8's
 *   workers) each keep their own free space; a small cap shares it.
 * - malloc_trim(0) shortly after scrapes: returns free pages anywhere in the heap to the kernel
 *   (madvise), not only at its top as free() does. The kit's housekeeping schedules it; an
 *   exporter asks for both with `nativeHeapTrim: true` in its runtime settings (launch.ts).
 *
 * Measured on the node exporter (bench/node-exporter, 2,000 back-to-back scrapes): about -6 MB
 * RSS, CPU within noise; on the CloudWatch exporter see docs/BENCHMARKS.md. Nothing changes on
 * musl or without koffi: the calls are then unavailable and the exporter runs as before.
 */

/** glibc's mallopt parameter number for M_ARENA_MAX (malloc.h). */
const M_ARENA_MAX = -8;

/** One arena: measured 3 MB below two, CPU within noise (threads rarely allocate at the same time here). */
export const ARENA_MAX = 1;

export interface NativeHeap {
  /** Returns free pages to the kernel; true when some were released. */
  trim(): boolean;
  /** Caps the number of malloc arenas; false when glibc refused. */
  capArenas(max: number): boolean;
}

let nativeHeap: Promise<NativeHeap | Error> | undefined;

export function loadNativeHeap(): Promise<NativeHeap | Error> {
  nativeHeap ??= bind();
  return nativeHeap;
}

async function bind(): Promise<NativeHeap | Error> {
  const libc = await loadLibc();
  if (libc instanceof Error) return libc;
  try {
    const mallocTrim = libc.func('int malloc_trim(size_t pad)');
    const mallopt = libc.func('int mallopt(int param, int value)');
    return {
      trim: () => mallocTrim(0) === 1,
      capArenas: (max) => mallopt(M_ARENA_MAX, max) === 1,
    };
  } catch (err) {
    // musl and other libcs have no malloc_trim.
    return err instanceof Error ? err : new Error(String(err));
  }
}

/**
 * Caps malloc arenas for this process, unless the user chose through MALLOC_ARENA_MAX or
 * GLIBC_TUNABLES. Only arenas created afterwards are affected, so the launcher (bin/) calls it
 * before loading the exporter, when few threads have allocated yet.
 */
export async function capMallocArenas(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (env.MALLOC_ARENA_MAX !== undefined || env.GLIBC_TUNABLES?.includes('glibc.malloc.arena_max') === true) return false;
  const heap = await loadNativeHeap();
  return heap instanceof Error ? false : heap.capArenas(ARENA_MAX);
}
