/**
 * struct timex (adjtimex(2)) decoded from the raw buffer the kernel fills. Pure, so the layout
 * is unit-tested without the syscall. Offsets are the LP64 layout (x86_64, aarch64, riscv64,
 * ppc64le, s390x): 'long' fields are 8 bytes, 'int' fields 4 bytes padded to 8.
 */
export interface Timex {
  /** adjtimex's return value: TIME_OK (0) ... TIME_ERROR (5). */
  readonly clockState: number;
  readonly offset: number;
  readonly freq: number;
  readonly maxerror: number;
  readonly esterror: number;
  readonly status: number;
  readonly constant: number;
  readonly precision: number;
  readonly tolerance: number;
  readonly tick: number;
  readonly ppsfreq: number;
  readonly jitter: number;
  readonly shift: number;
  readonly stabil: number;
  readonly jitcnt: number;
  readonly calcnt: number;
  readonly errcnt: number;
  readonly stbcnt: number;
  readonly tai: number;
}

/** sizeof(struct timex) on LP64, padding included. */
export const TIMEX_SIZE = 208;

export function decodeTimex(buf: Uint8Array, clockState: number): Timex {
  if (buf.byteLength < TIMEX_SIZE) throw new RangeError(`struct timex needs ${TIMEX_SIZE} bytes, got ${buf.byteLength}`);
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const long = (o: number): number => Number(v.getBigInt64(o, true));
  const int = (o: number): number => v.getInt32(o, true);
  return {
    clockState,
    offset: long(8), freq: long(16), maxerror: long(24), esterror: long(32), status: int(40),
    constant: long(48), precision: long(56), tolerance: long(64),
    // time (struct timeval) occupies 72..88
    tick: long(88), ppsfreq: long(96), jitter: long(104), shift: int(112), stabil: long(120),
    jitcnt: long(128), calcnt: long(136), errcnt: long(144), stbcnt: long(152), tai: int(160),
  };
}

/** Kernel clock state meaning "not synchronised". */
export const TIME_ERROR = 5;
/** Status bit: offset and jitter are in nanoseconds instead of microseconds. */
export const STA_NANO = 0x2000;
