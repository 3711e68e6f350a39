import { describe, expect, it } from 'vitest';
import { NoDataError, MetricSink } from '@scrapekit/exporter-kit';
import { createTimexCollector, emitTimex } from '../../src/collectors/timex.js';
import { readTimex } from '../../src/syscall/adjtimex.js';
import { decodeTimex, STA_NANO, TIMEX_SIZE } from '../../src/syscall/timex.js';
import { run, value } from '../collect.js';
import { defaultsContext } from '../fixture-tree.js';

/** Builds the LP64 struct timex bytes the kernel would write. */
function timexBuffer(fields: Record<number, [kind: 'long' | 'int', value: number]>): Uint8Array {
  const buf = new Uint8Array(TIMEX_SIZE);
  const v = new DataView(buf.buffer);
  for (const [off, [kind, val]] of Object.entries(fields)) {
    if (kind === 'long') v.setBigInt64(Number(off), BigInt(val), true);
    else v.setInt32(Number(off), val, true);
  }
  return buf;
}

describe('timex', () => {
  const buf = timexBuffer({
    8: ['long', -2500], 16: ['long', 655360], 24: ['long', 16000], 32: ['long', 250], 40: ['int', 0x2001],
    48: ['long', 7], 88: ['long', 10000], 96: ['long', 65536], 104: ['long', 1500], 112: ['int', 4], 120: ['long', 131072],
    128: ['long', 1], 136: ['long', 2], 144: ['long', 3], 152: ['long', 4], 160: ['int', 37],
  });

  it('decodes the LP64 layout', () => {
    const tx = decodeTimex(buf, 0);
    expect(tx).toMatchObject({ offset: -2500, freq: 655360, maxerror: 16000, esterror: 250, status: 0x2001, constant: 7, tick: 10000, shift: 4, tai: 37, stbcnt: 4 });
    expect(() => decodeTimex(new Uint8Array(10), 0)).toThrow(RangeError);
  });

  it('scales values as node_exporter does (nanosecond offsets with STA_NANO)', async () => {
    const collector = createTimexCollector(async () => decodeTimex(buf, 0));
    const fams = await run(collector, defaultsContext());
    expect(value(fams, 'node_timex_offset_seconds')).toBe(-2500 / 1e9);
    expect(value(fams, 'node_timex_frequency_adjustment_ratio')).toBe(1 + 655360 / 65536 / 1e6);
    expect(value(fams, 'node_timex_maxerror_seconds')).toBe(0.016);
    expect(value(fams, 'node_timex_estimated_error_seconds')).toBe(0.00025);
    expect(value(fams, 'node_timex_sync_status')).toBe(1);
    expect(value(fams, 'node_timex_status')).toBe(0x2001);
    expect(value(fams, 'node_timex_tick_seconds')).toBe(0.01);
    expect(value(fams, 'node_timex_pps_jitter_seconds')).toBe(1500 / 1e9);
    expect(value(fams, 'node_timex_pps_stability_hertz')).toBe(131072 / 65536 / 1e6);
    expect(value(fams, 'node_timex_pps_stability_exceeded_total')).toBe(4);
    expect(value(fams, 'node_timex_tai_offset_seconds')).toBe(37);
    expect(fams).toHaveLength(17);
    expect(STA_NANO).toBe(0x2000);
  });

  it('TIME_ERROR means not synchronised; microsecond offsets without STA_NANO', () => {
    const sink = new MetricSink();
    emitTimex(sink, { ...decodeTimex(buf, 5), status: 0x40 });
    const fams = sink.toFamilies();
    expect(value(fams, 'node_timex_sync_status')).toBe(0);
    expect(value(fams, 'node_timex_offset_seconds')).toBe(-2500 / 1e6);
  });

  it('a missing FFI is NoData, not a crash', async () => {
    const collector = createTimexCollector(async () => new Error('koffi not installed'));
    await expect(run(collector, defaultsContext())).rejects.toBeInstanceOf(NoDataError);
  });

  it.runIf(process.platform === 'linux' && process.arch === 'x64')('reads the real kernel clock through adjtimex(2)', async () => {
    const tx = await readTimex();
    expect(tx).not.toBeInstanceOf(Error);
    if (tx instanceof Error) return;
    // USER_HZ-independent sanity: the tick is 1e6/HZ microseconds for HZ in 100..1000.
    expect(tx.tick).toBeGreaterThanOrEqual(1000);
    expect(tx.tick).toBeLessThanOrEqual(10000);
    expect(tx.clockState).toBeGreaterThanOrEqual(0);
    expect(tx.clockState).toBeLessThanOrEqual(5);
  });
});
