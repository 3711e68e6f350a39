import { ParseError } from './errors.js';

/** Named rows of a ZFS-on-Linux kstat file (/proc/spl/kstat/zfs/*): name → raw data column. */
export interface KstatRow {
  readonly name: string;
  /** KSTAT_DATA_* type code: 3 int64, 4 uint64, 7 string … */
  readonly type: string;
  readonly data: string;
}

/** Rows after the "name type data" header; the first header line (kstat id/flags) is skipped. */
export function parseKstatNamed(text: string): KstatRow[] {
  const out: KstatRow[] = [];
  let inBody = false;
  for (const raw of text.split('\n')) {
    const parts = raw.trim().split(/\s+/);
    if (!inBody) {
      if (parts.length === 3 && parts[0] === 'name' && parts[1] === 'type' && parts[2] === 'data') inBody = true;
      continue;
    }
    if (parts.length < 3) continue;
    out.push({ name: parts[0] as string, type: parts[1] as string, data: parts.slice(2).join(' ') });
  }
  if (!inBody) throw new ParseError('kstat: missing "name type data" header');
  return out;
}

/**
 * The numeric rows (int64/uint64) as node_exporter exports them; a non-integer value in a
 * numeric row is malformed input.
 */
export function kstatNumbers(rows: readonly KstatRow[]): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const r of rows) {
    if (r.type !== '3' && r.type !== '4') continue;
    if (!/^\d+$/.test(r.data)) throw new ParseError(`kstat ${r.name}: ${JSON.stringify(r.data)} is not an unsigned integer`);
    out.push([r.name, Number(r.data)]);
  }
  return out;
}

/** A pool's "io" kstat (KSTAT_TYPE_IO): a line of column names, then a line of values. */
export function parseKstatIo(text: string): Array<[string, number]> {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const names = (lines[1] ?? '').split(/\s+/);
  const values = (lines[2] ?? '').split(/\s+/);
  if (lines.length < 3 || names.length !== values.length) throw new ParseError('kstat io: expected a header line and a value line of the same width');
  return names.map((n, i) => {
    const v = values[i] as string;
    if (!/^\d+$/.test(v)) throw new ParseError(`kstat io ${n}: ${JSON.stringify(v)} is not a number`);
    return [n, Number(v)];
  });
}
