import { ignoredByFilter, type Collector, type FlagSpec } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseSlabinfo } from '../procfs/slabinfo.js';
import { readFeatureFile } from '../read/index.js';

/** The collector's flags, under node_exporter's names and defaults (Go RE2 regexes, applied unanchored unless `anchor` says otherwise). */
export const slabinfoFlags: readonly FlagSpec[] = [
  { kind: 'regex', name: 'collector.slabinfo.slabs-include', description: 'Regexp of slab caches to report.', default: '.*' },
  { kind: 'regex', name: 'collector.slabinfo.slabs-exclude', description: 'Regexp of slab caches to leave out.', default: '' },
];

/** Kernel slab allocator caches from /proc/slabinfo (root-only file). */
export const slabinfoCollector: Collector<NodeContext> = {
  name: 'slabinfo',
  flags: slabinfoFlags,
  help: 'Kernel slab cache statistics from /proc/slabinfo.',
  defaultEnabled: false,
  async collect(ctx, out) {
    const t = ctx.target;
    const include = t.regex('collector.slabinfo.slabs-include');
    const exclude = t.regex('collector.slabinfo.slabs-exclude');
    for (const s of parseSlabinfo(await readFeatureFile(t.proc('slabinfo'), ctx.signal, 'slabinfo'))) {
      if (ignoredByFilter(s.name, include, exclude)) continue;
      const l = { slab: s.name };
      out.gauge('node_slabinfo_active_objects', 'Objects in use in the slab cache.', s.activeObjects, l);
      out.gauge('node_slabinfo_objects', 'Objects allocated in the slab cache.', s.objects, l);
      out.gauge('node_slabinfo_object_size_bytes', 'Size of one object of the slab cache, in bytes.', s.objectSizeBytes, l);
      out.gauge('node_slabinfo_objects_per_slab', 'Objects per slab of the cache.', s.objectsPerSlab, l);
      out.gauge('node_slabinfo_pages_per_slab', 'Pages per slab of the cache.', s.pagesPerSlab, l);
    }
  },
};
