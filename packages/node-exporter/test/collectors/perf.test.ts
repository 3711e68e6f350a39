import { describe, expect, it } from 'vitest';
import { perfCollector } from '../../src/collectors/perf.js';
import { fixtureContext } from '../fixture-tree.js';
import { scrapeLogged, successOf, visibleLines } from '../host-scrape.js';

/** The host's /proc (perf_event_paranoid is named in the failure message). */
const hostContext = (flags: Record<string, string | boolean | readonly string[]>) => fixtureContext({ 'path.procfs': '/proc', ...flags });

describe('perf collector on this host', () => {
  it('counts software events per CPU where perf_event_open is allowed, else success 0 with the cause in one line', async () => {
    const ctx = hostContext({ 'collector.perf.disable-hardware-profilers': true, 'collector.perf.disable-cache-profilers': true, 'collector.perf.cpus': '0' });
    const first = await scrapeLogged(perfCollector, ctx);
    if (successOf(first, 'perf') === 1) {
      const switches = (s: typeof first): number | undefined =>
        s.families.find((f) => f.name === 'node_perf_context_switches_total')?.samples.find((x) => x.labels.cpu === '0')?.value;
      expect(first.families.map((f) => f.name).sort()).toEqual([
        'node_perf_context_switches_total', 'node_perf_cpu_migrations_total', 'node_perf_major_faults_total', 'node_perf_minor_faults_total', 'node_perf_page_faults_total',
        'node_scrape_collector_duration_seconds', 'node_scrape_collector_success',
      ]);
      expect(first.families.find((f) => f.name === 'node_perf_page_faults_total')?.type).toBe('counter');
      // The counters run between scrapes: CPU 0 switches context while the test waits.
      let second = await scrapeLogged(perfCollector, ctx);
      const until = Date.now() + 60_000;
      while ((switches(second) as number) <= (switches(first) as number) && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 100));
        second = await scrapeLogged(perfCollector, ctx);
      }
      expect(switches(second)).toBeGreaterThan(switches(first) as number);
      expect(visibleLines(second)).toEqual([]);
    } else {
      expect(successOf(first, 'perf')).toBe(0);
      const visible = visibleLines(first);
      expect(visible).toHaveLength(1);
      expect(String(visible[0]?.err)).toMatch(/perf_event_open refused every counter .*perf_event_paranoid=/);
    }
  }, 90_000);

  it('a CPU that does not exist: success 0 and one line naming the errno and perf_event_paranoid, no series', async () => {
    const scrape = await scrapeLogged(perfCollector, hostContext({ 'collector.perf.cpus': '4095' }));
    expect(successOf(scrape, 'perf')).toBe(0);
    expect(scrape.families.filter((f) => f.name.startsWith('node_perf_'))).toEqual([]);
    const visible = visibleLines(scrape);
    expect(visible).toHaveLength(1);
    expect(String(visible[0]?.err)).toMatch(/perf_event_open refused every counter \(hardware: E[A-Z]+, software: E[A-Z]+, cache: E[A-Z]+; kernel\.perf_event_paranoid=(-?\d|unknown)/);
  }, 60_000);
});
