import { ParseError } from '../procfs/errors.js';

const UNITS: Readonly<Record<string, number>> = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50, e: 2 ** 60 };

/** bcachefs prints sizes as "12.5M", "4.00k" or plain numbers (powers of 1024). */
export function parseHumanBytes(raw: string): number {
  let text = raw.trim();
  if (text === '') throw new ParseError('bcachefs: empty size');
  const mult = UNITS[(text[text.length - 1] as string).toLowerCase()];
  if (mult !== undefined) text = text.slice(0, -1).trim();
  if (!/^\d+(\.\d+)?$/.test(text)) throw new ParseError(`bcachefs: ${JSON.stringify(raw.trim())} is not a size`);
  return Math.trunc(Number(text) * (mult ?? 1));
}

const uint = (s: string, what: string): number => {
  if (!/^\d+$/.test(s)) throw new ParseError(`bcachefs ${what}: ${JSON.stringify(s)} is not a count`);
  return Number(s);
};

/** compression_stats: a header, then "<algorithm>: <compressed> <uncompressed> [avg extent]". */
export function parseCompressionStats(text: string): Array<{ algorithm: string; compressed: number; uncompressed: number }> {
  return text
    .split('\n')
    .slice(1)
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 3)
    .map((f) => ({ algorithm: (f[0] as string).replace(/:$/, ''), compressed: parseHumanBytes(f[1] as string), uncompressed: parseHumanBytes(f[2] as string) }));
}

/** errors: "<error type> <count> [timestamp]". */
export function parseBcachefsErrors(text: string): Array<[string, number]> {
  return text
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 2)
    .map((f) => [f[0] as string, uint(f[1] as string, 'errors')]);
}

/** counters/<name>: "since mount: X" and "since filesystem creation: Y"; the latter is exported. */
export function parseCounterFile(text: string): number {
  let creation: number | undefined;
  let seen = false;
  for (const line of text.split('\n')) {
    const mount = /^since mount:(.*)$/.exec(line);
    const created = /^since filesystem creation:(.*)$/.exec(line);
    if (mount) {
      parseHumanBytes(mount[1] as string);
      seen = true;
    } else if (created) {
      creation = parseHumanBytes(created[1] as string);
      seen = true;
    }
  }
  if (!seen) throw new ParseError('bcachefs counter: format not recognised');
  return creation ?? 0;
}

/** btree_write_stats: a header, then "<type>: <count> <average size>". */
export function parseBtreeWriteStats(text: string): Array<{ type: string; count: number; sizeBytes: number }> {
  return text
    .split('\n')
    .slice(1)
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 3)
    .map((f) => ({ type: (f[0] as string).replace(/:$/, ''), count: uint(f[1] as string, 'btree_write_stats'), sizeBytes: parseHumanBytes(f[2] as string) }));
}

/** dev-<name>/io_done: "read:" / "write:" sections of "<data type>: <bytes>" lines. */
export function parseIoDone(text: string): Array<{ operation: string; dataType: string; bytes: number }> {
  const out: Array<{ operation: string; dataType: string; bytes: number }> = [];
  let op = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === 'read:' || line === 'write:') {
      op = line.slice(0, -1);
      continue;
    }
    if (line === '' || op === '') continue;
    const i = line.indexOf(':');
    if (i < 0) continue;
    out.push({ operation: op, dataType: line.slice(0, i).trim(), bytes: uint(line.slice(i + 1).trim(), 'io_done') });
  }
  return out;
}

/** dev-<name>/io_errors: the "IO errors since filesystem creation" section of "<type>: <count>" lines. */
export function parseIoErrors(text: string): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  let inSection = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('IO errors since filesystem creation')) {
      inSection = true;
      continue;
    }
    if (line.startsWith('IO errors since ')) break;
    if (!inSection) continue;
    const t = line.trim();
    const i = t.indexOf(':');
    if (t === '' || i < 0) continue;
    out.push([t.slice(0, i).trim(), uint(t.slice(i + 1).trim(), 'io_errors')]);
  }
  return out;
}
