import { describe, expect, it } from 'vitest';
import { osCollector } from '../../src/collectors/os.js';
import { family, run, value } from '../collect.js';
import { defaultsContext } from '../fixture-tree.js';

describe('os', () => {
  it('os reads os-release below --path.rootfs', async () => {
    const fams = await run(osCollector, defaultsContext());
    expect(family(fams, 'node_os_info').samples[0]?.labels).toEqual({
      build_id: '2024-09-13', id: 'fixture', id_like: 'debian ubuntu', image_id: '', image_version: '', name: 'Fixture Linux',
      pretty_name: 'Fixture Linux 24.04.1 LTS', variant: '', variant_id: '', version: '24.04.1 LTS (Testing Tern)',
      version_codename: 'tern', version_id: '24.04',
    });
    expect(value(fams, 'node_os_version', { id: 'fixture' })).toBe(24.04);
  });
});
