import { silentLogger } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import type { ManagementApi } from '../src/management-api.js';
import { MemoryBreakdownCache } from '../src/memory-breakdown.js';

/** An API whose memory breakdown answers when told to, counting the requests. */
function memoryApi() {
  const pending: ((v: unknown) => void)[] = [];
  let calls = 0;
  const api = {
    baseUrl: new URL('http://broker:15672/'),
    nodeMemory: () => {
      calls++;
      return new Promise((resolve) => pending.push(resolve));
    },
  } as unknown as ManagementApi;
  return { api, calls: () => calls, answer: (code: number) => pending.shift()!({ name: 'rabbit@a', memory: { code } }) };
}

const signal = new AbortController().signal;

describe('MemoryBreakdownCache', () => {
  it('waits for the first breakdown, then serves it from the cache until the interval has passed', async () => {
    let now = 0;
    const cache = new MemoryBreakdownCache(60_000, 30_000, () => now);
    const m = memoryApi();
    const first = cache.get(m.api, 'rabbit@a', signal, silentLogger);
    m.answer(1);
    expect(await first).toEqual({ code: 1 });
    now = 59_999;
    expect(await cache.get(m.api, 'rabbit@a', signal, silentLogger)).toEqual({ code: 1 });
    expect(m.calls()).toBe(1);
  });

  it('refreshes a stale breakdown in the background, serving the old one meanwhile', async () => {
    let now = 0;
    const cache = new MemoryBreakdownCache(60_000, 30_000, () => now);
    const m = memoryApi();
    const first = cache.get(m.api, 'rabbit@a', signal, silentLogger);
    m.answer(1);
    await first;
    now = 60_000;
    expect(await cache.get(m.api, 'rabbit@a', signal, silentLogger)).toEqual({ code: 1 });
    expect(await cache.get(m.api, 'rabbit@a', signal, silentLogger)).toEqual({ code: 1 });
    expect(m.calls()).toBe(2);
    m.answer(2);
    await new Promise((r) => setImmediate(r));
    expect(await cache.get(m.api, 'rabbit@a', signal, silentLogger)).toEqual({ code: 2 });
  });

  it('waits at most a bounded time for a slow first breakdown, which a later scrape then gets', async () => {
    const cache = new MemoryBreakdownCache(60_000, 30_000, Date.now, 50);
    const m = memoryApi();
    expect(await cache.get(m.api, 'rabbit@a', signal, silentLogger)).toBeUndefined();
    m.answer(3);
    await new Promise((r) => setImmediate(r));
    expect(await cache.get(m.api, 'rabbit@a', signal, silentLogger)).toEqual({ code: 3 });
    expect(m.calls()).toBe(1);
  });

  it('gives up waiting at the scrape deadline', async () => {
    const cache = new MemoryBreakdownCache(60_000);
    const m = memoryApi();
    const ctl = new AbortController();
    const got = cache.get(m.api, 'rabbit@a', ctl.signal, silentLogger);
    ctl.abort();
    expect(await got).toBeUndefined();
  });
});
