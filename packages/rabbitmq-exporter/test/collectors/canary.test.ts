import { collectOnce, NoDataError } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import { vhostOf, withHeartbeat } from '../../src/canary.js';
import { canaryCollector } from '../../src/collectors/canary.js';
import { fakeApi, target } from '../support/target.js';

describe('canary collector', () => {
  it('reports no data (not a failure) when no AMQP URL is configured', async () => {
    await expect(collectOnce(canaryCollector, target(fakeApi({}).api, 'rabbit@a'))).rejects.toBeInstanceOf(NoDataError);
  });

  it('asks for heartbeats unless the operator chose an interval', () => {
    expect(withHeartbeat('amqp://u:p@host:5672/%2F')).toBe('amqp://u:p@host:5672/%2F?heartbeat=15');
    expect(withHeartbeat('amqps://host/vh?heartbeat=5&frameMax=0')).toBe('amqps://host/vh?heartbeat=5&frameMax=0');
  });

  it('knows the vhost its objects live in', () => {
    expect([vhostOf('amqp://h'), vhostOf('amqp://h/'), vhostOf('amqp://h/%2F'), vhostOf('amqp://h/my%20vh')]).toEqual(['/', '/', '/', 'my vh']);
  });
});
