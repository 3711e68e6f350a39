#!/usr/bin/env node
// A complete exporter in under 50 lines: the size of each file in a directory.
// Run: node dirsize-exporter.mjs --dirsize.path=/var/log --web.listen-address=:9999
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, defineCollector, runExporter } from '@scrapekit/exporter-kit';

const files = defineCollector({
  name: 'files',
  help: 'Size and modification time of every file in --dirsize.path.',
  defaultEnabled: true,
  async collect({ target, signal }, out) {
    for (const name of await readdir(target.dir)) {
      signal.throwIfAborted();
      const st = await stat(join(target.dir, name));
      if (!st.isFile()) continue;
      out.gauge('dirsize_file_bytes', 'Size of the file in bytes.', st.size, { file: name });
      out.gauge('dirsize_file_mtime_seconds', 'Last modification time of the file.', st.mtimeMs / 1000, { file: name });
    }
  },
});

await runExporter({
  name: 'dirsize-exporter',
  description: 'Exports the sizes of the files in one directory.',
  version: '1.0.0',
  defaultListenAddress: ':9999',
  envPrefix: 'DIRSIZE_EXPORTER',
  buildInfoMetric: 'dirsize_exporter_build_info',
  collectorMetrics: { duration: 'dirsize_scrape_collector_duration_seconds', success: 'dirsize_scrape_collector_success' },
  collectors: [files],
  flags: [{ name: 'dirsize.path', description: 'Directory to watch.', default: '.' }],
  async setup({ flags }) {
    const dir = String(flags['dirsize.path']);
    const st = await stat(dir).catch(() => undefined);
    if (!st?.isDirectory()) throw new ConfigError(`--dirsize.path: ${dir} is not a directory; point it at an existing directory`);
    return { acquire: async () => ({ ok: true, target: { dir } }), landingInfo: [['Directory', dir]] };
  },
});
