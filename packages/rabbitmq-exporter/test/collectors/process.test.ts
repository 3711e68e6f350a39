import { collectOnce } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import type { NodeRecord } from '../../src/api-types.js';
import { processCollector } from '../../src/collectors/process.js';
import { fixture } from '../support/fixtures.js';
import { fakeApi, target } from '../support/target.js';

const [node] = fixture<NodeRecord[]>('nodes.json');

describe('process collector', () => {
  it('writes the broker\'s file descriptors labelled with its node, never unlabelled', async () => {
    const fams = await collectOnce(processCollector, target(fakeApi({}).api, node!.name, { node: node! }));
    expect(fams.filter((f) => f.name.startsWith('process_')).map((f) => [f.name, f.samples])).toEqual([
      ['process_max_fds', [{ suffix: '', labels: { rabbitmq_node: node!.name }, value: node!.fd_total }]],
      ['process_open_fds', [{ suffix: '', labels: { rabbitmq_node: node!.name }, value: node!.fd_used }]],
    ]);
  });
});
