import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireDependency } from '../../../test/support/services.js';
import { AMQP, brokerAvailable, createVhost, dropVhost, eventually, mgmt, startOurs, type Ours } from './support/broker.js';
import { parseExposition, valueOf } from './support/exposition.js';

/**
 * Raises a real disk alarm (free-disk limit above the free space) so the broker blocks its
 * publishers, and checks that the canary (in a vhost of its own) and the alarm gauge show it,
 * then that both recover. Every publisher of this shared broker is blocked while the alarm is
 * up, so it is kept as short as possible: the limit is restored the moment the exporter has seen
 * the alarm, in `finally`, and by a watchdog after ALARM_MAX_MS whatever happens to the test.
 */
const ALARM_MAX_MS = 20_000;

function rabbitmqctlWorks(): boolean {
  try {
    execFileSync('rabbitmqctl', ['-q', 'eval', 'ok.'], { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

const available = (await brokerAvailable()) && requireDependency(rabbitmqctlWorks(), 'rabbitmqctl with access to the local broker');

function setDiskLimit(bytes: number): void {
  execFileSync('rabbitmqctl', ['set_disk_free_limit', String(bytes)], { stdio: 'ignore', timeout: 20_000 });
}

let vhost = '';
let ours: Ours | undefined;

beforeAll(async () => {
  if (!available) return;
  vhost = await createVhost('sk-alarm');
  ours = await startOurs([`--rabbitmq.amqp-url=${AMQP}/${encodeURIComponent(vhost)}`, '--rabbitmq.canary-timeout=1s']);
}, 30_000);

afterAll(async () => {
  await ours?.close();
  if (vhost) await dropVhost(vhost);
});

describe.skipIf(!available)('a broker that blocks publishers', () => {
  it('shows up as canary failure, blocked connection and alarm gauge, and recovers', async () => {
    const [node] = await mgmt<{ disk_free: number; disk_free_limit: number }[]>('GET', '/api/nodes?columns=disk_free,disk_free_limit');
    let m = parseExposition(await ours!.scrape());
    expect(valueOf(m, 'rabbitmq_exporter_canary_success')).toBe(1);
    expect(valueOf(m, 'rabbitmq_alarms_free_disk_space_watermark')).toBe(0);

    const original = node!.disk_free_limit;
    let restored = false;
    const restore = (): void => {
      if (restored) return;
      restored = true;
      setDiskLimit(original);
    };
    const watchdog = setTimeout(restore, ALARM_MAX_MS);
    let sawAlarm = false;
    try {
      setDiskLimit(node!.disk_free * 10);
      sawAlarm = await eventually(async () => {
        m = parseExposition(await ours!.scrape());
        return valueOf(m, 'rabbitmq_alarms_free_disk_space_watermark') === 1 && valueOf(m, 'rabbitmq_exporter_canary_success') === 0;
      }, ALARM_MAX_MS - 2_000, 200);
    } finally {
      clearTimeout(watchdog);
      restore();
    }
    expect(sawAlarm).toBe(true);
    expect(valueOf(m, 'rabbitmq_alarms_free_disk_space_watermark')).toBe(1);
    expect(valueOf(m, 'rabbitmq_exporter_canary_success')).toBe(0);
    expect(valueOf(m, 'rabbitmq_exporter_canary_connection_blocked')).toBe(1);

    await eventually(async () => {
      m = parseExposition(await ours!.scrape());
      return valueOf(m, 'rabbitmq_exporter_canary_success') === 1 && valueOf(m, 'rabbitmq_alarms_free_disk_space_watermark') === 0;
    }, 60_000);
    expect(valueOf(m, 'rabbitmq_exporter_canary_success')).toBe(1);
    expect(valueOf(m, 'rabbitmq_exporter_canary_connection_blocked')).toBe(0);
    expect(valueOf(m, 'rabbitmq_alarms_free_disk_space_watermark')).toBe(0);
  }, 120_000);
});
