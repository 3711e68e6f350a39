import { describe, expect, it } from 'vitest';
import { watchdogCollector } from '../../src/collectors/watchdog.js';
import { run, value } from '../collect.js';
import { expectNoData } from '../failure-modes.js';

describe('watchdog', () => {
  it('reports the info labels and numeric attributes', async () => {
    const f = await run(watchdogCollector);
    expect(value(f, 'node_watchdog_info', { name: 'watchdog0', identity: 'iTCO_wdt', state: 'active', options: '0x8180', status: '0x8000', pretimeout_governor: 'noop' })).toBe(1);
    expect(value(f, 'node_watchdog_timeout_seconds', { name: 'watchdog0' })).toBe(300);
    expect(value(f, 'node_watchdog_timeleft_seconds', { name: 'watchdog0' })).toBe(298);
    expect(value(f, 'node_watchdog_fw_version', { name: 'watchdog0' })).toBe(3);
    expect(f.some((x) => x.name === 'node_watchdog_pretimeout_seconds')).toBe(false);
  });
});

describe('watchdog failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(watchdogCollector);
  });
});
