import type { MetricSink } from '@scrapekit/exporter-kit';
import { num, type QueryResult } from '../target.js';
import { defineMysqlCollector } from './define.js';

/** SHOW BINARY LOGS (Log_name, File_size[, Encrypted]) → total bytes, file count, last file's number. */
export function writeBinlogSize(result: QueryResult, out: MetricSink): void {
  let size = 0;
  let last = '';
  for (const row of result.rows) {
    size += num(row[1]) ?? 0;
    last = row[0] ?? '';
  }
  out.gauge('mysql_binlog_size_bytes', 'Combined size of all binary log files.', size);
  out.gauge('mysql_binlog_files', 'Number of binary log files.', result.rows.length);
  const dot = last.lastIndexOf('.');
  const number = dot >= 0 ? num(last.slice(dot + 1)) : undefined;
  out.gauge('mysql_binlog_file_number', 'Sequence number of the newest binary log file.', number ?? 0);
}

export const binlogSizeCollector = defineMysqlCollector({
  name: 'binlog_size',
  help: 'Collect the current size of all registered binlog files',
  defaultEnabled: false,
  async scrape({ target, out, signal }) {
    const logBin = await target.query('SELECT @@log_bin', signal);
    const on = logBin.rows[0]?.[0];
    if (on !== '1' && on?.toUpperCase() !== 'ON') return;
    writeBinlogSize(await target.query('SHOW BINARY LOGS', signal), out);
  },
});
