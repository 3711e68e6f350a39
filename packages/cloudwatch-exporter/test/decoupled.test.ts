import { createLogger } from '@scrapekit/exporter-kit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DecoupledSchedule, realTimers } from '../src/decoupled.js';

describe('DecoupledSchedule', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T12:00:20Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('collects at once, then at each interval boundary, and serves the last result', async () => {
    const starts: string[] = [];
    let n = 0;
    const schedule = new DecoupledSchedule(60_000, async (nowMs) => {
      starts.push(new Date(nowMs).toISOString());
      return ++n;
    }, createLogger({ write: () => {} }), realTimers);
    schedule.start();
    expect(await schedule.latest()).toBe(1);
    await vi.advanceTimersByTimeAsync(39_999);
    expect(await schedule.latest()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await schedule.latest()).toBe(2);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(await schedule.latest()).toBe(4);
    expect(starts).toEqual(['2026-01-01T12:00:20.000Z', '2026-01-01T12:01:00.000Z', '2026-01-01T12:02:00.000Z', '2026-01-01T12:03:00.000Z']);
    schedule.stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(n).toBe(4);
  });

  it('skips a tick while the previous collection still runs, and keeps serving the previous result', async () => {
    const lines: string[] = [];
    let finishSlow: (v: number) => void = () => {};
    let calls = 0;
    const schedule = new DecoupledSchedule(60_000, () => {
      calls++;
      return calls === 2 ? new Promise<number>((r) => { finishSlow = r; }) : Promise.resolve(calls);
    }, createLogger({ write: (l) => lines.push(l) }), realTimers);
    schedule.start();
    await vi.advanceTimersByTimeAsync(40_000); // 12:01 — the slow one starts
    await vi.advanceTimersByTimeAsync(60_000); // 12:02 — skipped
    expect(calls).toBe(2);
    expect(await schedule.latest()).toBe(1);
    expect(lines.filter((l) => l.includes('previous collection still running'))).toHaveLength(1);
    finishSlow(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(await schedule.latest()).toBe(2);
    schedule.stop();
  });
});
