import { describe, expect, it } from 'vitest';
import { statCollector } from '../../src/collectors/stat.js';
import { family, run, value } from '../collect.js';
import { defaultsContext } from '../fixture-tree.js';

describe('stat', () => {
  it('reports kernel counters from /proc/stat', async () => {
    const fams = await run(statCollector, defaultsContext());
    expect(value(fams, 'node_intr_total')).toBe(98765432);
    expect(value(fams, 'node_context_switches_total')).toBe(123456789);
    expect(value(fams, 'node_forks_total')).toBe(456789);
    expect(value(fams, 'node_boot_time_seconds')).toBe(1764000000);
    expect(value(fams, 'node_procs_running')).toBe(3);
    expect(value(fams, 'node_procs_blocked')).toBe(1);
    expect(family(fams, 'node_boot_time_seconds').type).toBe('gauge');
    expect(fams.some((f) => f.name === 'node_softirqs_total')).toBe(false);
  });

  it('adds per-vector softirqs with --collector.stat.softirq', async () => {
    const fams = await run(statCollector, defaultsContext({ 'collector.stat.softirq': true }));
    expect(value(fams, 'node_softirqs_total', { vector: 'net_rx' })).toBe(900000);
    expect(value(fams, 'node_softirqs_total', { vector: 'rcu' })).toBe(979675);
  });
});
