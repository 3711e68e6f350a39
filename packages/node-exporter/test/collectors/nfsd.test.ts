import { describe, expect, it } from 'vitest';
import { nfsdCollector } from '../../src/collectors/nfsd.js';
import { family, run, value } from '../collect.js';
import { expectNoData } from '../failure-modes.js';

describe('nfsd', () => {
  it('maps the server lines; v4 reports the compound operations', async () => {
    const f = await run(nfsdCollector);
    expect(value(f, 'node_nfsd_reply_cache_misses_total')).toBe(120331);
    expect(value(f, 'node_nfsd_file_handles_stale_total')).toBe(3);
    expect(value(f, 'node_nfsd_disk_bytes_read_total')).toBe(981220352);
    expect(value(f, 'node_nfsd_server_threads')).toBe(8);
    expect(value(f, 'node_nfsd_read_ahead_cache_size_blocks')).toBe(32);
    expect(value(f, 'node_nfsd_read_ahead_cache_not_found_total')).toBe(17);
    expect(value(f, 'node_nfsd_packets_total', { proto: 'tcp' })).toBe(209243);
    expect(value(f, 'node_nfsd_connections_total')).toBe(1402);
    expect(value(f, 'node_nfsd_rpc_errors_total', { error: 'fmt' })).toBe(2);
    expect(value(f, 'node_nfsd_rpc_errors_total', { error: 'cInt' })).toBe(1);
    expect(value(f, 'node_nfsd_server_rpcs_total')).toBe(209243);
    expect(value(f, 'node_nfsd_requests_total', { proto: '3', method: 'Write' })).toBe(40012);
    expect(value(f, 'node_nfsd_requests_total', { proto: '4', method: 'GetAttr' })).toBe(51022);
    expect(value(f, 'node_nfsd_requests_total', { proto: '4', method: 'PutFH' })).toBe(51090);
    expect(family(f, 'node_nfsd_requests_total').samples.some((s) => s.labels.method === 'Null')).toBe(false);
    expect(family(f, 'node_nfsd_requests_total').samples.filter((s) => s.labels.proto === '4')).toHaveLength(33);
  });
});

describe('nfsd failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(nfsdCollector);
  });
});
