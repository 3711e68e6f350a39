import type { Labels, MetricSink } from '@scrapekit/exporter-kit';
import { num, type Cell } from '../target.js';

/** One numeric column mapped to one family: [column (lower case), metric name, type, divisor]. */
export type ColumnMetric = readonly [column: string, metric: string, type: 'counter' | 'gauge', divisor: number];

/**
 * Writes a row's mapped columns. `missing` decides what an absent or NULL column becomes: 0 (as
 * mysqld_exporter's scans do) or no series (columns only newer servers have).
 */
export function writeColumns(
  out: MetricSink,
  mapping: readonly ColumnMetric[],
  cell: (column: string) => Cell | undefined,
  labels: Labels,
  help: (column: string) => string,
  missing: 'zero' | 'skip' = 'zero',
): void {
  for (const [column, metric, type, divisor] of mapping) {
    const raw = num(cell(column));
    if (raw === undefined && missing === 'skip') continue;
    const v = (raw ?? 0) / divisor;
    if (type === 'counter') out.counter(metric, help(column), v, labels);
    else out.gauge(metric, help(column), v, labels);
  }
}
