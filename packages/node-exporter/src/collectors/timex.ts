import type { Collector, MetricSink } from '@scrapekit/exporter-kit';
import { NoDataError } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { readTimex } from '../syscall/adjtimex.js';
import { STA_NANO, TIME_ERROR, type Timex } from '../syscall/timex.js';

/** Frequency values are parts per million scaled by 2^16. */
const PPM16 = 1_000_000 * 65_536;

export type TimexReader = () => Promise<Timex | Error>;

export function createTimexCollector(read: TimexReader = readTimex): Collector<NodeContext> {
  return {
    name: 'timex',
    help: 'Kernel clock discipline (NTP) state via adjtimex(2).',
    defaultEnabled: true,
    async collect(_ctx, out) {
      const tx = await read();
      if (tx instanceof Error) throw new NoDataError(`adjtimex unavailable: ${tx.message}`);
      emitTimex(out, tx);
    },
  };
}

export function emitTimex(out: MetricSink, tx: Timex): void {
  const div = tx.status & STA_NANO ? 1e9 : 1e6;
  const g = (name: string, help: string, v: number): void => void out.gauge(`node_timex_${name}`, help, v);
  const c = (name: string, help: string, v: number): void => void out.counter(`node_timex_${name}`, help, v);
  g('sync_status', 'Whether the clock is synchronised to a reliable source (1) or not (0).', tx.clockState === TIME_ERROR ? 0 : 1);
  g('offset_seconds', 'Time offset between the local clock and its reference, in seconds.', tx.offset / div);
  g('frequency_adjustment_ratio', 'Local clock frequency adjustment as a ratio.', 1 + tx.freq / PPM16);
  g('maxerror_seconds', 'Maximum error estimate, in seconds.', tx.maxerror / 1e6);
  g('estimated_error_seconds', 'Estimated error, in seconds.', tx.esterror / 1e6);
  g('status', 'Clock status bits (STA_*).', tx.status);
  g('loop_time_constant', 'Time constant of the kernel clock PLL.', tx.constant);
  g('tick_seconds', 'Length of a clock tick, in seconds.', tx.tick / 1e6);
  g('pps_frequency_hertz', 'PPS frequency offset.', tx.ppsfreq / PPM16);
  g('pps_jitter_seconds', 'PPS jitter, in seconds.', tx.jitter / div);
  g('pps_shift_seconds', 'PPS interval duration (log2 seconds).', tx.shift);
  g('pps_stability_hertz', 'PPS stability.', tx.stabil / PPM16);
  c('pps_jitter_total', 'PPS signals dropped for exceeding the jitter limit.', tx.jitcnt);
  c('pps_calibration_total', 'PPS calibration intervals.', tx.calcnt);
  c('pps_error_total', 'PPS calibration errors.', tx.errcnt);
  c('pps_stability_exceeded_total', 'PPS signals over the stability limit.', tx.stbcnt);
  g('tai_offset_seconds', 'Offset of International Atomic Time from UTC, in seconds.', tx.tai);
}

export const timexCollector = createTimexCollector();
