import { closeSync as fsCloseSync, open as fsOpen, read as fsRead } from 'node:fs';
import { readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { regexFlag, type FlagValues } from '@scrapekit/exporter-kit';

/**
 * What every node collector gets as its scrape target: where /proc, /sys and the root
 * filesystem are (--path.procfs, --path.sysfs, --path.rootfs, --path.udev.data) and the parsed
 * flags. Built once at start-up; nothing in it changes per scrape.
 */
export interface NodeContext {
  readonly procfs: string;
  readonly sysfs: string;
  readonly rootfs: string;
  readonly udevData: string;
  readonly flags: FlagValues;
  proc(...parts: string[]): string;
  sys(...parts: string[]): string;
  rootfsPath(...parts: string[]): string;
  /** A string flag's value; '' when unset. */
  str(name: string): string;
  bool(name: string): boolean;
  /** A repeatable flag's values (a plain string flag gives a one-element list). */
  list(name: string): readonly string[];
  /** A regex flag, as the kit compiled it at start-up (Go RE2 syntax, anchored as declared); undefined when empty. */
  regex(name: string): RegExp | undefined;
  /**
   * State that must outlive one scrape (the cpu counter cache, the filesystem collector's hung
   * statfs calls), keyed by collector name. Lives as long as this context.
   */
  state<T>(key: string, init: () => T): T;
}

export function createNodeContext(flags: FlagValues): NodeContext {
  const procfs = String(flags['path.procfs'] ?? '/proc');
  const sysfs = String(flags['path.sysfs'] ?? '/sys');
  const rootfs = String(flags['path.rootfs'] ?? '/');
  const udevData = String(flags['path.udev.data'] ?? '/run/udev/data');
  const states = new Map<string, unknown>();
  const str = (name: string): string => {
    const v = flags[name];
    if (v === undefined || v === false) return '';
    if (Array.isArray(v)) return v.length > 0 ? String(v[v.length - 1]) : '';
    return String(v);
  };
  const ctx: NodeContext = {
    procfs,
    sysfs,
    rootfs,
    udevData,
    flags,
    proc: (...parts) => join(procfs, ...parts),
    sys: (...parts) => join(sysfs, ...parts),
    rootfsPath: (...parts) => join(rootfs, ...parts),
    str,
    bool: (name) => flags[name] === true || flags[name] === 'true',
    list: (name) => {
      const v = flags[name];
      if (v === undefined || v === false || v === '') return [];
      return Array.isArray(v) ? v.map(String) : [String(v)];
    },
    regex: (name) => regexFlag(flags, name),
    state: <T>(key: string, init: () => T): T => {
      if (!states.has(key)) states.set(key, init());
      return states.get(key) as T;
    },
  };
  return ctx;
}

// The callback fs API costs about a quarter less CPU per file than FileHandle (no handle
// object, no finalizer), which matters at ~150 files per scrape.
const openFd = (path: string): Promise<number> =>
  new Promise((resolve, reject) => fsOpen(path, 'r', (err, fd) => (err ? reject(err) : resolve(fd))));
const readFd = (fd: number, buf: Buffer, offset: number): Promise<number> =>
  new Promise((resolve, reject) => fsRead(fd, buf, offset, buf.length - offset, null, (err, n) => (err ? reject(err) : resolve(n))));

/**
 * Closes a /proc, /sys or small local file synchronously. Closing a file opened read-only on
 * these filesystems does no I/O and cannot block, and a synchronous close saves one libuv pool
 * job per file (a third of them). Opens and reads, which can wait, stay on the pool.
 */
export function closeQuietly(fd: number): void {
  try {
    fsCloseSync(fd);
  } catch {
    // EBADF/EIO on close cannot change what was read.
  }
}

/** Size of the pooled read buffers: a sysfs attribute is at most a page, most /proc files fit. */
export const READ_BUFFER_SIZE = 16 * 1024;
const spareBuffers: Buffer[] = [];
const MAX_SPARE = 32;

/**
 * A read buffer from a small free list. Every file read used to allocate a fresh 4-16 KB
 * buffer (outside V8's 8 KB slab, so a malloc and a GC-tracked external allocation each);
 * ~150 files per scrape made that ~1.5 MB of garbage. Reads copy out (toString) before the
 * buffer goes back, so a buffer is never shared by two reads in flight.
 */
export function takeReadBuffer(): Buffer {
  return spareBuffers.pop() ?? Buffer.allocUnsafeSlow(READ_BUFFER_SIZE);
}

export function giveBackReadBuffer(buf: Buffer): void {
  if (buf.length === READ_BUFFER_SIZE && spareBuffers.length < MAX_SPARE) spareBuffers.push(buf);
}

async function readFd2String(path: string, signal: AbortSignal | undefined, untilEof: boolean): Promise<string> {
  signal?.throwIfAborted();
  const fd = await openFd(path);
  let buf = takeReadBuffer();
  try {
    let len = 0;
    for (;;) {
      if (len === buf.length) {
        // Larger than a pooled buffer (mountinfo or net/udp on a busy host): grow privately.
        const bigger = Buffer.allocUnsafe(buf.length * 4);
        buf.copy(bigger, 0, 0, len);
        giveBackReadBuffer(buf);
        buf = bigger;
      }
      const n = await readFd(fd, buf, len);
      len += n;
      if (n === 0 || (!untilEof && len < buf.length)) break;
      signal?.throwIfAborted();
    }
    return buf.toString('utf8', 0, len);
  } finally {
    closeQuietly(fd);
    giveBackReadBuffer(buf);
  }
}

/**
 * Reads a /proc file: open, read until EOF (seq_file hands out about a page per read), close.
 * Unlike fs.promises.readFile there is no fstat (sizes are 0 on these filesystems), so one libuv
 * round trip fewer per file.
 */
export function readProcFile(path: string, signal?: AbortSignal): Promise<string> {
  return readFd2String(path, signal, true);
}

/**
 * Reads a sysfs attribute: the kernel fills the whole value (at most a page) in the first read,
 * so a short read is the end and the EOF read is skipped: open, read, close.
 */
export function readSysfsFile(path: string, signal?: AbortSignal): Promise<string> {
  return readFd2String(path, signal, false);
}

/** readSysfsFile; undefined when the attribute does not exist. */
export async function readSysfsIfExists(path: string, signal?: AbortSignal): Promise<string | undefined> {
  try {
    return await readSysfsFile(path, signal);
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
}

const perScrape = new WeakMap<AbortSignal, Map<string, Promise<string>>>();

/**
 * readProcFile shared by the collectors of one scrape: the kit gives every collector of a scrape
 * the same AbortSignal, so it identifies the scrape. /proc/stat, which cpu and stat both need, is
 * then read once per scrape; the cache dies with the scrape's signal.
 */
export function readProcFileOnce(path: string, signal: AbortSignal): Promise<string> {
  let files = perScrape.get(signal);
  if (!files) {
    files = new Map();
    perScrape.set(signal, files);
  }
  let pending = files.get(path);
  if (!pending) {
    pending = readProcFile(path, signal);
    files.set(path, pending);
  }
  return pending;
}

/** Reads a small text file; undefined when it does not exist (a missing feature, not an error). */
export async function readTextIfExists(path: string, signal?: AbortSignal): Promise<string | undefined> {
  try {
    return await readProcFile(path, signal);
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
}

export async function readDirIfExists(path: string): Promise<string[]> {
  try {
    return await readdir(path);
  } catch (err) {
    if (isMissing(err)) return [];
    throw err;
  }
}

export async function readLinkIfExists(path: string): Promise<string | undefined> {
  try {
    return await readlink(path);
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
}

export function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENODEV' || code === 'ENXIO';
}

/** Runs fn over items with at most `limit` in flight: keeps a scrape from opening hundreds of files at once. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
