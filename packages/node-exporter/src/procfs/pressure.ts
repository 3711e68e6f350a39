import { ParseError, fields, lines, parseNumber } from './errors.js';

/** Total stall time of one PSI line ("some avg10=0.00 avg60=0.00 avg300=0.00 total=123"), in seconds. */
export interface PressureFile {
  readonly someSeconds?: number;
  readonly fullSeconds?: number;
}

export function parsePressure(text: string, source: string): PressureFile {
  const out: { someSeconds?: number; fullSeconds?: number } = {};
  for (const [line, no] of lines(text)) {
    const f = fields(line);
    const kind = f[0];
    // A kind a later kernel may add: procfs (and so node_exporter) skips it rather than fail.
    if (kind !== 'some' && kind !== 'full') continue;
    const total = f.find((x) => x.startsWith('total='));
    if (total === undefined) throw new ParseError(`${source}: no total= field`, no);
    // The kernel counts microseconds.
    const seconds = parseNumber(total.slice('total='.length), source, no) / 1e6;
    if (kind === 'some') out.someSeconds = seconds;
    else out.fullSeconds = seconds;
  }
  return out;
}
