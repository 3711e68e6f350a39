import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokerAvailable, createVhost, declareQueues, dropVhost, eventually, startOurs, type Ours } from './support/broker.js';
import { parseExposition, valueOf, type ParsedFamily } from './support/exposition.js';

/**
 * The include/exclude flags take Go RE2 patterns, as kbudde's exporter does: a (?i) flag given
 * at start-up selects per-queue series on the real broker at scrape time.
 */
const available = await brokerAvailable();

let vhost = '';
let ours: Ours | undefined;

beforeAll(async () => {
  if (!available) return;
  vhost = await createVhost('sk-flags');
  await declareQueues(vhost, 2, 'Orders-');
  await declareQueues(vhost, 1, 'audit-');
  ours = await startOurs([
    // Upper case against the lower-case vhost name; [[:xdigit:]] and \z are RE2 spellings.
    `--rabbitmq.include-vhost=(?i)^SK-FLAGS-[[:xdigit:]]{8}\\z`,
    '--rabbitmq.exclude-queue=(?i)^orders-0+1$',
    '--rabbitmq.queue-metrics=coarse',
    // The shared broker may hold many other queues (10k while benchmarks run): list them in one
    // stream and give the scrape time; the poll ends as soon as the series are there.
    '--rabbitmq.queue-listing=stream',
    '--scrape.timeout=150s',
  ]);
}, 60_000);

afterAll(async () => {
  await ours?.close();
  if (vhost) await dropVhost(vhost);
});

describe.skipIf(!available)('regex flags with (?i) against the real broker', () => {
  it('selects the vhost and leaves out the excluded queue', async () => {
    const seen = async () => parseExposition(await ours!.scrape());
    let m = new Map<string, ParsedFamily>();
    await eventually(async () => {
      m = await seen();
      return valueOf(m, 'rabbitmq_queue_messages', { vhost, queue: 'Orders-000000' }) !== undefined
        && valueOf(m, 'rabbitmq_queue_messages', { vhost, queue: 'audit-000000' }) !== undefined;
    }, 170_000);
    expect(valueOf(m, 'rabbitmq_up')).toBe(1);
    expect(valueOf(m, 'rabbitmq_queue_messages', { vhost, queue: 'Orders-000000' })).toBe(0);
    expect(valueOf(m, 'rabbitmq_queue_messages', { vhost, queue: 'audit-000000' })).toBe(0);
    expect(valueOf(m, 'rabbitmq_queue_messages', { vhost, queue: 'Orders-000001' })).toBeUndefined();
    const vhosts = new Set(m.get('rabbitmq_queue_messages')?.samples.map((s) => s.labels.vhost));
    expect([...vhosts]).toEqual([vhost]);
  }, 200_000);
});
