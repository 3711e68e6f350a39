import type { MetricSink } from '@scrapekit/exporter-kit';
import type { QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';

export interface InnodbStatusFigures {
  queriesInside?: number;
  queriesInQueue?: number;
  readViewsOpen?: number;
}

/** Pulls the three figures mysqld_exporter exports out of the free-text InnoDB monitor output. */
export function parseInnodbStatus(text: string): InnodbStatusFigures {
  const figures: InnodbStatusFigures = {};
  const q = /(\d+) queries inside InnoDB, (\d+) queries in queue/.exec(text);
  if (q) {
    figures.queriesInside = Number(q[1]);
    figures.queriesInQueue = Number(q[2]);
  }
  const v = /(\d+) read views open inside InnoDB/.exec(text);
  if (v) figures.readViewsOpen = Number(v[1]);
  return figures;
}

export function writeInnodbStatus(result: QueryResult, out: MetricSink): void {
  const statusIndex = result.columns.findIndex((c) => c.toLowerCase() === 'status');
  const text = result.rows[0]?.[statusIndex >= 0 ? statusIndex : 2] ?? '';
  const f = parseInnodbStatus(text);
  if (f.queriesInside !== undefined) out.gauge('mysql_engine_innodb_queries_inside_innodb', 'Queries executing inside InnoDB.', f.queriesInside);
  if (f.queriesInQueue !== undefined) out.gauge('mysql_engine_innodb_queries_in_queue', 'Queries waiting to enter InnoDB.', f.queriesInQueue);
  if (f.readViewsOpen !== undefined) out.gauge('mysql_engine_innodb_read_views_open_inside_innodb', 'Read views open inside InnoDB.', f.readViewsOpen);
}

export const engineInnodbStatusCollector = defineMysqlCollector({
  name: 'engine_innodb_status',
  help: 'Collect from SHOW ENGINE INNODB STATUS',
  defaultEnabled: false,
  async scrape({ target, out, signal }) {
    writeInnodbStatus(await target.query('SHOW ENGINE INNODB STATUS', signal), out);
  },
});
