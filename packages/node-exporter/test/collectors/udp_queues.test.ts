import { NoDataError } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import { udpQueuesCollector } from '../../src/collectors/udp_queues.js';
import { run, value } from '../collect.js';
import { expectNoData, expectParseError } from '../failure-modes.js';
import { fixtureContext } from '../fixture-tree.js';

const EMPTY = fixtureContext({}, '/nonexistent-fixture-root');

describe('udp_queues', () => {
  it('sums tx and rx queue bytes per IP version', async () => {
    const f = await run(udpQueuesCollector);
    expect(value(f, 'node_udp_queues', { ip: 'v4', queue: 'tx' })).toBe(0x200);
    expect(value(f, 'node_udp_queues', { ip: 'v4', queue: 'rx' })).toBe(0xa00);
    expect(value(f, 'node_udp_queues', { ip: 'v6', queue: 'rx' })).toBe(0x100);
    expect(value(f, 'node_udp_queues', { ip: 'v6', queue: 'tx' })).toBe(0);
  });
  it('reports no data without either file', async () => {
    await expect(run(udpQueuesCollector, EMPTY)).rejects.toBeInstanceOf(NoDataError);
  });
});

describe('udp_queues failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(udpQueuesCollector);
  });

  it('malformed file → ParseError (success 0), never a crash', async () => {
    await expectParseError(udpQueuesCollector, { 'proc/net/udp': 'garbage\n' });
  });
});
