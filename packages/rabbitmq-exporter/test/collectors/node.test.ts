import { collectOnce } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import type { NodeRecord } from '../../src/api-types.js';
import { nodeCollector } from '../../src/collectors/node.js';
import { endpointFromParams, PER_OBJECT, type Endpoint } from '../../src/endpoint.js';
import { fixture } from '../support/fixtures.js';
import { fakeApi, names, target, value } from '../support/target.js';

const [node] = fixture<NodeRecord[]>('nodes.json');

describe('node collector', () => {
  it('writes the node record\'s resources and churn under the plugin\'s names', async () => {
    const fams = await collectOnce(nodeCollector, target(fakeApi({}).api, node!.name, { node: node! }));
    expect(value(fams, 'rabbitmq_process_max_fds')).toBe(node!.fd_total);
    expect(value(fams, 'rabbitmq_erlang_uptime_seconds')).toBe(node!.uptime! / 1000);
    expect(value(fams, 'rabbitmq_queues_created_total')).toBe(node!.queue_created);
  });

  it('detailed: only the asked families, renamed rabbitmq_detailed_*', async () => {
    const endpoint = endpointFromParams(new URLSearchParams('family=node_metrics'), PER_OBJECT) as Endpoint;
    const fams = await collectOnce(nodeCollector, target(fakeApi({}).api, node!.name, { node: node!, endpoint }));
    expect(names(fams).sort()).toEqual([
      'rabbitmq_detailed_disk_space_available_limit_bytes', 'rabbitmq_detailed_erlang_net_ticktime_seconds',
      'rabbitmq_detailed_erlang_processes_limit', 'rabbitmq_detailed_erlang_scheduler_run_queue', 'rabbitmq_detailed_erlang_uptime_seconds',
      'rabbitmq_detailed_process_max_fds', 'rabbitmq_detailed_process_max_tcp_sockets', 'rabbitmq_detailed_process_open_tcp_sockets',
      'rabbitmq_detailed_resident_memory_limit_bytes',
    ]);
  });
});
