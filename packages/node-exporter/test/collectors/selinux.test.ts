import { describe, expect, it } from 'vitest';
import { selinuxCollector } from '../../src/collectors/selinux.js';
import { run, value } from '../collect.js';
import { fixtureContext } from '../fixture-tree.js';

const EMPTY = fixtureContext({}, '/nonexistent-fixture-root');

describe('selinux', () => {
  it('reports enabled, current (permissive) and configured (enforcing) modes', async () => {
    const f = await run(selinuxCollector);
    expect(value(f, 'node_selinux_enabled')).toBe(1);
    expect(value(f, 'node_selinux_current_mode')).toBe(0);
    expect(value(f, 'node_selinux_config_mode')).toBe(1);
  });
  it('reports config mode -1 (disabled) when selinuxfs is mounted but the config file is missing, as go-selinux does', async () => {
    const f = await run(selinuxCollector, fixtureContext({ 'path.rootfs': '/nonexistent-fixture-root' }));
    expect(f.map((x) => [x.name, x.samples[0]?.value])).toEqual([
      ['node_selinux_config_mode', -1],
      ['node_selinux_current_mode', 0],
      ['node_selinux_enabled', 1],
    ]);
  });
  it('reports enabled 0 without selinuxfs', async () => {
    const f = await run(selinuxCollector, EMPTY);
    expect(f.map((x) => x.name)).toEqual(['node_selinux_enabled']);
    expect(value(f, 'node_selinux_enabled')).toBe(0);
  });
});
