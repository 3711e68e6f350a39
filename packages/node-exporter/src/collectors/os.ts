import type { Collector } from '@scrapekit/exporter-kit';
import { NoDataError } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { osVersionNumber, parseOsRelease } from '../rootfs/os-release.js';
import { readTextIfExists } from '../read/index.js';

const INFO_LABELS: ReadonlyArray<readonly [label: string, key: string]> = [
  ['build_id', 'BUILD_ID'], ['id', 'ID'], ['id_like', 'ID_LIKE'], ['image_id', 'IMAGE_ID'], ['image_version', 'IMAGE_VERSION'],
  ['name', 'NAME'], ['pretty_name', 'PRETTY_NAME'], ['variant', 'VARIANT'], ['variant_id', 'VARIANT_ID'], ['version', 'VERSION'],
  ['version_codename', 'VERSION_CODENAME'], ['version_id', 'VERSION_ID'],
];

export const osCollector: Collector<NodeContext> = {
  name: 'os',
  help: 'Operating system identity from os-release(5).',
  defaultEnabled: true,
  async collect(ctx, out) {
    const t = ctx.target;
    const text =
      (await readTextIfExists(t.rootfsPath('etc', 'os-release'), ctx.signal)) ??
      (await readTextIfExists(t.rootfsPath('usr', 'lib', 'os-release'), ctx.signal));
    if (text === undefined) throw new NoDataError('no /etc/os-release or /usr/lib/os-release');
    const rel = parseOsRelease(text);
    const v = (key: string): string => rel.get(key) ?? '';
    out.gauge('node_os_info', 'Operating system identity from os-release.', 1, Object.fromEntries(INFO_LABELS.map(([l, k]) => [l, v(k)])));
    out.gauge('node_os_version', 'Operating system version (major.minor) as a number.', osVersionNumber(rel.get('VERSION_ID')), {
      id: v('ID'), id_like: v('ID_LIKE'), name: v('NAME'),
    });
  },
};
