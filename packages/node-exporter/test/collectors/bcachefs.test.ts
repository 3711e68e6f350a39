import { describe, expect, it } from 'vitest';
import { bcachefsCollector } from '../../src/collectors/bcachefs.js';
import { family, run, value } from '../collect.js';
import { expectNoData } from '../failure-modes.js';

describe('bcachefs', () => {
  const uuid = 'c4e1a9d2-7b3f-4e58-a0c6-19d2e8f7b310';
  it('reports filesystem sizes, compression, errors, counters and btree writes', async () => {
    const f = await run(bcachefsCollector);
    expect(value(f, 'node_bcachefs_info', { uuid })).toBe(1);
    expect(value(f, 'node_bcachefs_btree_cache_size_bytes', { uuid })).toBe(Math.trunc(38.5 * 2 ** 20));
    expect(value(f, 'node_bcachefs_compression_uncompressed_bytes', { uuid, algorithm: 'lz4' })).toBe(Math.trunc(3.25 * 2 ** 30));
    expect(value(f, 'node_bcachefs_compression_compressed_bytes', { uuid, algorithm: 'zstd' })).toBe(512 * 2 ** 20);
    expect(value(f, 'node_bcachefs_errors_total', { uuid, error_type: 'btree_node_read_error' })).toBe(2);
    expect(value(f, 'node_bcachefs_io_read_total', { uuid })).toBe(Math.trunc(1.25 * 2 ** 40));
    expect(value(f, 'node_bcachefs_btree_node_write_total', { uuid })).toBe(880131);
    expect(value(f, 'node_bcachefs_btree_writes_total', { uuid, type: 'initial' })).toBe(1201);
    expect(value(f, 'node_bcachefs_btree_write_average_size_bytes', { uuid, type: 'init_next_bset' })).toBe(4096);
  });
  it('reports member devices with I/O done and errors since creation', async () => {
    const f = await run(bcachefsCollector);
    const l = { uuid, device: '0' };
    expect(value(f, 'node_bcachefs_device_info', { ...l, label: 'ssd.ssd1', state: 'rw' })).toBe(1);
    expect(value(f, 'node_bcachefs_device_bucket_size_bytes', l)).toBe(512 * 1024);
    expect(value(f, 'node_bcachefs_device_buckets', l)).toBe(1907729);
    expect(value(f, 'node_bcachefs_device_io_done_bytes_total', { ...l, operation: 'write', data_type: 'journal' })).toBe(1207959552);
    expect(value(f, 'node_bcachefs_device_io_errors_total', { ...l, type: 'checksum' })).toBe(1);
    expect(family(f, 'node_bcachefs_device_io_errors_total').samples).toHaveLength(3);
  });
});

describe('bcachefs failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(bcachefsCollector);
  });
});
