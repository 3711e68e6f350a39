import { collectOnce } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import { overviewCollector } from '../../src/collectors/overview.js';
import { fakeApi, names, target } from '../support/target.js';

describe('overview collector', () => {
  it('writes the identity of the scrape\'s node and the build info, on every node', async () => {
    const fams = await collectOnce(overviewCollector, target(fakeApi({}).api, 'rabbit@b'));
    expect(names(fams)).toEqual(['rabbitmq_build_info', 'rabbitmq_identity_info']);
    expect(fams.find((f) => f.name === 'rabbitmq_identity_info')!.samples[0]!.labels).toEqual({
      rabbitmq_node: 'rabbit@b', rabbitmq_cluster: 'rabbit@vm',
    });
  });
});
