import { ParseError } from './errors.js';

export interface InterruptLine {
  /** IRQ number ("25") or name ("NMI", "LOC"). */
  readonly type: string;
  /** Per-CPU counts, index = CPU column. */
  readonly values: number[];
  readonly info: string;
  readonly devices: string;
}

/**
 * /proc/interrupts: a header naming one column per CPU, then one line per interrupt. Numbered
 * IRQs have "<chip> <devices…>" after the counts; named ones a free-text description. Lines with
 * fewer counts than CPUs (ERR, MIS) are skipped, as node_exporter does.
 */
export function parseInterrupts(text: string): InterruptLine[] {
  const lines = text.split('\n');
  const header = (lines[0] ?? '').trim();
  if (!/^CPU\d+/.test(header)) throw new ParseError('/proc/interrupts: missing CPU header');
  const cpus = header.split(/\s+/).length;
  const out: InterruptLine[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const type = line.slice(0, colon).trim();
    const parts = line.slice(colon + 1).trim().split(/\s+/).filter((p) => p !== '');
    if (parts.length < cpus + 1) continue;
    const values = parts.slice(0, cpus).map((v) => {
      if (!/^\d+$/.test(v)) throw new ParseError(`/proc/interrupts line ${i + 1}: count ${JSON.stringify(v)} is not a number`);
      return Number(v);
    });
    const rest = parts.slice(cpus);
    if (/^\d+$/.test(type)) out.push({ type, values, info: rest[0] as string, devices: rest.slice(1).join(' ') });
    else out.push({ type, values, info: rest.join(' '), devices: '' });
  }
  return out;
}
