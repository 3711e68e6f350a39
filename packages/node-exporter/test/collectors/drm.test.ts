import { describe, expect, it } from 'vitest';
import { drmCollector } from '../../src/collectors/drm.js';
import { labelSets, run, value } from '../collect.js';

describe('drm', () => {
  it('reports amdgpu cards only (connectors and other drivers are skipped)', async () => {
    const f = await run(drmCollector);
    expect(labelSets(f, 'node_drm_card_info')).toEqual(['card=card0,memory_vendor=samsung,power_performance_level=auto,unique_id=0a4c2dd1f62e8a19,vendor=amd']);
    expect(value(f, 'node_drm_gpu_busy_percent', { card: 'card0' })).toBe(17);
    expect(value(f, 'node_drm_memory_vram_used_bytes', { card: 'card0' })).toBe(1490378752);
    expect(value(f, 'node_drm_memory_vis_vram_size_bytes', { card: 'card0' })).toBe(268435456);
  });
});
