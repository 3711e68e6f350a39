import { join } from 'node:path';
import { NoDataError, sanitizeMetricName, type Collector, type MetricSink } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { attrText, parseUintAttr } from '../sysfs/attributes.js';
import {
  parseBcachefsErrors,
  parseBtreeWriteStats,
  parseCompressionStats,
  parseCounterFile,
  parseHumanBytes,
  parseIoDone,
  parseIoErrors,
} from '../sysfs/bcachefs.js';
import { listDir, listFeatureDir, mapLimit, readAttr, readAttrs } from '../read/index.js';

async function collectDevice(fsDir: string, entry: string, uuid: string, signal: AbortSignal, out: MetricSink): Promise<void> {
  const device = entry.slice('dev-'.length);
  const f = await readAttrs(join(fsDir, entry), ['label', 'state', 'bucket_size', 'nbuckets', 'durability', 'io_done', 'io_errors'] as const, signal);
  const l = { uuid, device };
  out.gauge('node_bcachefs_device_info', 'Label and state of the bcachefs member device; always 1.', 1, {
    ...l,
    label: attrText(f.label ?? ''),
    state: attrText(f.state ?? ''),
  });
  const bucket = f.bucket_size === undefined || attrText(f.bucket_size) === '' ? 0 : parseHumanBytes(f.bucket_size);
  out.gauge('node_bcachefs_device_bucket_size_bytes', 'Bucket size of the device in bytes.', bucket, l);
  out.gauge('node_bcachefs_device_buckets', 'Buckets on the device.', f.nbuckets === undefined ? 0 : parseUintAttr(f.nbuckets, `${entry}/nbuckets`), l);
  out.gauge('node_bcachefs_device_durability', 'Durability setting of the device.', f.durability === undefined ? 0 : parseUintAttr(f.durability, `${entry}/durability`), l);
  for (const io of f.io_done === undefined ? [] : parseIoDone(f.io_done)) {
    out.counter('node_bcachefs_device_io_done_bytes_total', 'Bytes of I/O done on the device by operation and data type.', io.bytes, { ...l, operation: io.operation, data_type: io.dataType });
  }
  for (const [type, n] of f.io_errors === undefined ? [] : parseIoErrors(f.io_errors)) {
    out.counter('node_bcachefs_device_io_errors_total', 'I/O errors of the device since filesystem creation, by type.', n, { ...l, type });
  }
}

async function collectFilesystem(dir: string, uuid: string, signal: AbortSignal, out: MetricSink): Promise<void> {
  const f = await readAttrs(dir, ['btree_cache_size', 'compression_stats', 'errors', 'btree_write_stats'] as const, signal);
  out.gauge('node_bcachefs_info', 'A mounted bcachefs filesystem; always 1.', 1, { uuid });
  const cache = f.btree_cache_size === undefined || attrText(f.btree_cache_size) === '' ? 0 : parseHumanBytes(f.btree_cache_size);
  out.gauge('node_bcachefs_btree_cache_size_bytes', 'Memory used by the btree cache, in bytes.', cache, { uuid });
  for (const c of f.compression_stats === undefined ? [] : parseCompressionStats(f.compression_stats)) {
    out.gauge('node_bcachefs_compression_compressed_bytes', 'Compressed size of the data, by algorithm.', c.compressed, { uuid, algorithm: c.algorithm });
    out.gauge('node_bcachefs_compression_uncompressed_bytes', 'Uncompressed size of the data, by algorithm.', c.uncompressed, { uuid, algorithm: c.algorithm });
  }
  for (const [type, n] of f.errors === undefined ? [] : parseBcachefsErrors(f.errors)) {
    out.counter('node_bcachefs_errors_total', 'Errors recorded by the filesystem, by type.', n, { uuid, error_type: type });
  }
  const counters = (await listDir(join(dir, 'counters'))) ?? [];
  const values = await mapLimit(counters, 16, (c) => readAttr(join(dir, 'counters', c), signal));
  counters.forEach((name, i) => {
    const text = values[i];
    if (text !== undefined) out.counter(`node_bcachefs_${sanitizeMetricName(name)}_total`, `bcachefs counter ${name} since filesystem creation.`, parseCounterFile(text), { uuid });
  });
  for (const w of f.btree_write_stats === undefined ? [] : parseBtreeWriteStats(f.btree_write_stats)) {
    out.counter('node_bcachefs_btree_writes_total', 'Btree node writes by type.', w.count, { uuid, type: w.type });
    out.gauge('node_bcachefs_btree_write_average_size_bytes', 'Average btree node write size by type, in bytes.', w.sizeBytes, { uuid, type: w.type });
  }
  for (const entry of ((await listDir(dir)) ?? []).filter((e) => e.startsWith('dev-'))) await collectDevice(dir, entry, uuid, signal, out);
}

/** bcachefs filesystems (kernel 6.7+) from /sys/fs/bcachefs/<uuid>. */
export const bcachefsCollector: Collector<NodeContext> = {
  name: 'bcachefs',
  help: 'bcachefs filesystem statistics from /sys/fs/bcachefs.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const base = ctx.target.sys('fs', 'bcachefs');
    const entries = await listFeatureDir(base, 'bcachefs');
    const filesystems = [];
    for (const e of entries) if ((await listDir(join(base, e))) !== undefined) filesystems.push(e);
    if (filesystems.length === 0) throw new NoDataError('no mounted bcachefs filesystem');
    for (const uuid of filesystems) await collectFilesystem(join(base, uuid), uuid, ctx.signal, out);
  },
};
