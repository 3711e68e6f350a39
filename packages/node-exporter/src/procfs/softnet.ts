import { ParseError } from './errors.js';

/** One row of /proc/net/softnet_stat: the per-CPU counters of the network receive path. */
export interface SoftnetRow {
  /** CPU owning the row: column 13 on kernels >= 5.10, else the row's position. */
  readonly cpu: number;
  readonly processed: number;
  readonly dropped: number;
  readonly timeSqueezed: number;
  readonly cpuCollision: number;
  readonly receivedRps: number;
  readonly flowLimitCount: number;
  readonly backlogLen: number;
}

/**
 * The file is hex columns, one row per online CPU. Its width grew over kernel versions
 * (9 columns in 2.6, 11 in 4.x, 13+ in 5.10); columns a kernel does not print read as 0.
 */
export function parseSoftnetStat(text: string): SoftnetRow[] {
  const rows: SoftnetRow[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    const cols = line.trim().split(/\s+/);
    if (cols.length < 9) throw new ParseError(`softnet_stat line ${i + 1}: ${cols.length} columns, expected at least 9`);
    const n = cols.slice(0, Math.min(cols.length, 13)).map((c, j) => {
      if (!/^[0-9a-fA-F]{1,8}$/.test(c)) throw new ParseError(`softnet_stat line ${i + 1} column ${j + 1}: not a 32-bit hex number: ${JSON.stringify(c)}`);
      return Number.parseInt(c, 16);
    });
    const at = (k: number): number => (k < n.length ? (n[k] as number) : 0);
    rows.push({
      cpu: n.length >= 13 ? at(12) : rows.length,
      processed: at(0),
      dropped: at(1),
      timeSqueezed: at(2),
      cpuCollision: at(8),
      receivedRps: n.length >= 11 ? at(9) : 0,
      flowLimitCount: n.length >= 11 ? at(10) : 0,
      backlogLen: n.length >= 13 ? at(11) : 0,
    });
  }
  return rows;
}
