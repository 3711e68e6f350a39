import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { AMQP, brokerAvailable, eventually, mgmt, startOurs, type Ours } from './support/broker.js';
import { parseExposition, valueOf } from './support/exposition.js';

/**
 * Raises a real disk alarm (free-disk limit above the free space) so the broker blocks every
 * publisher, and checks the canary and the alarm gauge show it, then that both recover. It
 * blocks publishing for every client of this broker for a few seconds, so it only runs when
 * RABBITMQ_DISRUPTIVE_TESTS=1 (CI sets it in a job of its own).
 */
const optedIn = process.env.RABBITMQ_DISRUPTIVE_TESTS === '1';
if (!optedIn) console.warn('SKIPPED: alarm.test.ts blocks all publishers; set RABBITMQ_DISRUPTIVE_TESTS=1 to run it');
const available = optedIn && (await brokerAvailable());

let ours: Ours | undefined;
let restoreLimit: number | undefined;

function setDiskLimit(bytes: number): void {
  execFileSync('rabbitmqctl', ['set_disk_free_limit', String(bytes)], { stdio: 'ignore' });
}

afterAll(async () => {
  if (restoreLimit !== undefined) setDiskLimit(restoreLimit);
  await ours?.close();
});

describe.skipIf(!available)('a broker that blocks publishers', () => {
  it('shows up as canary failure, blocked connection and alarm gauge, and recovers', async () => {
    const [node] = await mgmt<{ disk_free: number; disk_free_limit: number }[]>('GET', '/api/nodes?columns=disk_free,disk_free_limit');
    ours = await startOurs([`--rabbitmq.amqp-url=${AMQP}`, '--rabbitmq.canary-timeout=2s']);
    let m = parseExposition(await ours.scrape());
    expect(valueOf(m, 'rabbitmq_exporter_canary_success')).toBe(1);
    expect(valueOf(m, 'rabbitmq_alarms_free_disk_space_watermark')).toBe(0);

    restoreLimit = node!.disk_free_limit;
    setDiskLimit(node!.disk_free * 10);
    await eventually(async () => {
      m = parseExposition(await ours!.scrape());
      return valueOf(m, 'rabbitmq_alarms_free_disk_space_watermark') === 1 && valueOf(m, 'rabbitmq_exporter_canary_success') === 0;
    }, 30_000);
    expect(valueOf(m, 'rabbitmq_alarms_free_disk_space_watermark')).toBe(1);
    expect(valueOf(m, 'rabbitmq_exporter_canary_success')).toBe(0);
    expect(valueOf(m, 'rabbitmq_exporter_canary_connection_blocked')).toBe(1);

    setDiskLimit(restoreLimit);
    restoreLimit = undefined;
    await eventually(async () => {
      m = parseExposition(await ours!.scrape());
      return valueOf(m, 'rabbitmq_exporter_canary_success') === 1;
    }, 30_000);
    expect(valueOf(m, 'rabbitmq_exporter_canary_success')).toBe(1);
    expect(valueOf(m, 'rabbitmq_exporter_canary_connection_blocked')).toBe(0);
  }, 90_000);
});
