import { closeSync, open, openSync, read, readdir, readdirSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { giveBackReadBuffer, takeReadBuffer } from './buffers.js';

/**
 * Where reads run. procfs and sysfs files are made by the kernel from memory when read: opening
 * and reading one takes microseconds, less than handing the call to a libuv pool thread and back
 * (two thread switches, a futex wake and a callback per step). Reading them synchronously took
 * the full default scrape from 1.23x to 0.89x Go's median latency and from 1.74x to 1.01x its
 * CPU, at 4.9 MiB more RSS (docs/BENCHMARKS.md, node run 9). But a driver can make an attribute slow (hwmon chips on
 * a slow I2C bus, ACPI thermal zones), and a synchronous read stalls every request meanwhile. So
 * each synchronous read is timed, and a read that takes longer than `slowMs` moves its whole
 * directory to the pool for the life of the process, where reads wait off the event loop and
 * the scrape's deadline applies: at most one slow read per directory ever blocks the loop.
 */
export const readPolicy = {
  slowMs: 5,
  now: (): number => performance.now(),
  /** Told once per directory that moves to the pool (the node exporter logs it). */
  onSlowDirectory: undefined as ((dir: string, ms: number) => void) | undefined,
};
const slowDirectories = new Set<string>();

/** Directories whose files are read on the libuv pool because one read there was slow. */
export function pooledDirectories(): ReadonlySet<string> {
  return slowDirectories;
}

function noteDuration(dir: string, startedMs: number): void {
  const ms = readPolicy.now() - startedMs;
  if (ms <= readPolicy.slowMs || slowDirectories.has(dir)) return;
  slowDirectories.add(dir);
  readPolicy.onSlowDirectory?.(dir, ms);
}

/**
 * Closes a /proc, /sys or small local file synchronously. Closing a file opened read-only on
 * these filesystems does no I/O and cannot block, and a synchronous close saves one libuv pool
 * job per file (a third of them). Opens and reads, which can wait, stay on the pool.
 */
function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // EBADF/EIO on close cannot change what was read.
  }
}

type Done = (err: NodeJS.ErrnoException | Error | null, text?: string) => void;

/**
 * The one open/read/close of the node exporter: synchronous, or on the pool for a directory that
 * was slow once (readPolicy). The pool path uses the callback fs API: no FileHandle, no
 * finalizer and no promise per step, which measured at under half the CPU of fs/promises per
 * file (1.9 vs 4.2 ms for netclass's 88 attributes) at ~150 files per scrape. There is no fstat
 * (sizes are 0 on procfs and sysfs), the buffer is a pooled one that grows privately for big
 * files (mountinfo, net/udp on a busy host), and the scrape's AbortSignal is checked before the
 * open and between reads, so a scrape past its deadline stops reading.
 *
 * untilEof: procfs seq_files hand out about a page per read, so read until a read returns 0. A
 * sysfs attribute is filled whole by the first read, so a short read is the end there and the
 * EOF read is skipped.
 */
function readText(path: string, signal: AbortSignal | undefined, untilEof: boolean, done: Done): void {
  if (signal?.aborted) {
    done(signal.reason as Error);
    return;
  }
  const dir = dirname(path);
  if (slowDirectories.has(dir)) readTextOnPool(path, signal, untilEof, done);
  else readTextNow(path, dir, untilEof, done);
}

/**
 * One file's text while it is read, on either path: a pooled buffer that grows privately (x4)
 * when a big file fills it, the bytes read so far, and the end-of-file rule of `untilEof`.
 */
class TextBuffer {
  private buf = takeReadBuffer();
  len = 0;

  constructor(private readonly untilEof: boolean) {}

  /** The buffer for the next read, grown first when the last read filled it. */
  room(): Buffer {
    if (this.len === this.buf.length) {
      const bigger = Buffer.allocUnsafe(this.buf.length * 4);
      this.buf.copy(bigger, 0, 0, this.len);
      giveBackReadBuffer(this.buf);
      this.buf = bigger;
    }
    return this.buf;
  }

  /** Counts a read of `n` bytes; true when the file is complete. */
  add(n: number): boolean {
    this.len += n;
    return n === 0 || (!this.untilEof && this.len < this.buf.length);
  }

  /** Closes the file, gives the buffer back and hands on the text, or the error. */
  finish(fd: number, err: NodeJS.ErrnoException | Error | null, done: Done): void {
    closeQuietly(fd);
    const text = err ? undefined : this.buf.toString('utf8', 0, this.len);
    giveBackReadBuffer(this.buf);
    done(err, text);
  }
}

/** The synchronous read (see readPolicy). */
function readTextNow(path: string, dir: string, untilEof: boolean, done: Done): void {
  const started = readPolicy.now();
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    noteDuration(dir, started);
    done(err as NodeJS.ErrnoException);
    return;
  }
  const text = new TextBuffer(untilEof);
  let failure: NodeJS.ErrnoException | null = null;
  try {
    for (let complete = false; !complete;) {
      const buf = text.room();
      complete = text.add(readSync(fd, buf, text.len, buf.length - text.len, null));
    }
  } catch (err) {
    failure = err as NodeJS.ErrnoException;
  }
  noteDuration(dir, started);
  text.finish(fd, failure, done);
}

function readTextOnPool(path: string, signal: AbortSignal | undefined, untilEof: boolean, done: Done): void {
  open(path, 'r', (openErr, fd) => {
    if (openErr) {
      done(openErr);
      return;
    }
    const text = new TextBuffer(untilEof);
    const next = (): void => {
      const buf = text.room();
      read(fd, buf, text.len, buf.length - text.len, null, (readErr, n) => {
        if (readErr) text.finish(fd, readErr, done);
        else if (text.add(n)) text.finish(fd, null, done);
        else if (signal?.aborted) text.finish(fd, signal.reason as Error, done);
        else next();
      });
    };
    next();
  });
}

function readTextPromise(path: string, signal: AbortSignal | undefined, untilEof: boolean): Promise<string> {
  return new Promise((resolve, reject) => readText(path, signal, untilEof, (err, text) => (err ? reject(err) : resolve(text as string))));
}

/** Reads a /proc file (or any text file) to its end. Every error rejects; see optional.ts for "no data". */
export function readProcFile(path: string, signal?: AbortSignal): Promise<string> {
  return readTextPromise(path, signal, true);
}

/** Reads a sysfs attribute: open, one read, close (more reads only if it fills the buffer). */
export function readSysfsFile(path: string, signal?: AbortSignal): Promise<string> {
  return readTextPromise(path, signal, false);
}

/** readSysfsFile with a callback, for batches that must not pay a promise per file (attrs.ts). */
export function readSysfsFileCallback(path: string, signal: AbortSignal | undefined, done: Done): void {
  readText(path, signal, false, done);
}

/**
 * A directory's entry names (unsorted), under the same policy as the reads: synchronously, or on
 * the pool once a listing or a read in that directory was slow.
 */
export function readDirNames(path: string): Promise<string[]> {
  if (slowDirectories.has(path)) {
    return new Promise((resolve, reject) => readdir(path, (err, names) => (err ? reject(err) : resolve(names))));
  }
  const started = readPolicy.now();
  try {
    return Promise.resolve(readdirSync(path));
  } catch (err) {
    return Promise.reject(err as Error);
  } finally {
    noteDuration(path, started);
  }
}
