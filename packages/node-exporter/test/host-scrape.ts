import { createLogger, runScrape, type Collector, type MetricFamily } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../src/context.js';
import { spec } from '../src/spec.js';

export interface LoggedScrape {
  readonly families: MetricFamily[];
  /** Every log line the scrape wrote, parsed (JSON format, debug level). */
  readonly lines: ReadonlyArray<Record<string, unknown>>;
}

/** One scrape of one collector through the kit, with node's success semantics, capturing the log. */
export async function scrapeLogged(collector: Collector<NodeContext>, target: NodeContext, timeoutMs = 30_000): Promise<LoggedScrape> {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger({ level: 'debug', format: 'json', write: (l) => lines.push(JSON.parse(l) as Record<string, unknown>) });
  const families = await runScrape({ collectors: [collector], target, timeoutMs, logger, collectorMetrics: spec.collectorMetrics });
  return { families, lines };
}

/** node_scrape_collector_success of the collector. */
export function successOf(scrape: LoggedScrape, collector: string): number | undefined {
  return scrape.families.find((f) => f.name === 'node_scrape_collector_success')?.samples.find((s) => s.labels.collector === collector)?.value;
}

/** Log lines at warn or error: what a user would see at the default level. */
export function visibleLines(scrape: LoggedScrape): ReadonlyArray<Record<string, unknown>> {
  return scrape.lines.filter((l) => l.level === 'warn' || l.level === 'error');
}
