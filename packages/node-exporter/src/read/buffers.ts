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
