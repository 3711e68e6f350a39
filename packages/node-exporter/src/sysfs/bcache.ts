import { ParseError } from '../procfs/errors.js';

const MULTIPLIERS: Readonly<Record<string, number>> = { k: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40, P: 2 ** 50, E: 2 ** 60, Z: 2 ** 70, Y: 2 ** 80 };

/**
 * Parses bcache's bch_hprint() output ("1.2G", "512k", "42"). Its fraction is in 1024ths printed
 * as a decimal of up to two digits, so ".2" means 2/10.24 — reproduced as procfs reads it, so
 * values match node_exporter's. A sign is kept for the controller terms, which can go negative.
 */
export function dehumanize(raw: string): number {
  let text = raw.trim();
  if (text === '') throw new ParseError('bcache: empty value');
  let sign = 1;
  if (text.startsWith('-')) {
    sign = -1;
    text = text.slice(1);
  }
  let mult = 1;
  const last = text[text.length - 1] as string;
  if (MULTIPLIERS[last] !== undefined) {
    mult = MULTIPLIERS[last] as number;
    text = text.slice(0, -1);
  }
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new ParseError(`bcache: ${JSON.stringify(raw.trim())} is not a bch_hprint number`);
  const value = mult === 1 ? Number(text) : Number(m[1]) + (m[2] === undefined ? 0 : Number(m[2]) / 10.24);
  return sign * Math.trunc(value * mult);
}

export interface WritebackRateDebug {
  readonly rate: number;
  readonly target: number;
  readonly proportional: number;
  readonly integral: number;
  readonly change: number;
}

/** <bdev>/writeback_rate_debug: "rate:\t1.1M/sec", "target:\t20.4G", "proportional:\t-5.1k" … */
export function parseWritebackRateDebug(text: string): WritebackRateDebug {
  const v = new Map<string, number>();
  for (const raw of text.split('\n')) {
    const m = /^\s*([a-z ]+):\s*(\S+)\s*$/.exec(raw);
    if (!m) continue;
    const key = m[1] as string;
    if (key === 'next io') continue;
    v.set(key, dehumanize((m[2] as string).replace(/\/sec$/, '')));
  }
  return { rate: v.get('rate') ?? 0, target: v.get('target') ?? 0, proportional: v.get('proportional') ?? 0, integral: v.get('integral') ?? 0, change: v.get('change') ?? 0 };
}

/** <cache>/priority_stats: the "Unused:" and "Metadata:" percentages. */
export function parsePriorityStats(text: string): { unusedPercent: number; metadataPercent: number } {
  const pct = (label: string): number => {
    const m = new RegExp(`^${label}:\\s+(\\d+)%`, 'm').exec(text);
    if (!m) throw new ParseError(`bcache priority_stats: no ${label} line`);
    return Number(m[1]);
  };
  return { unusedPercent: pct('Unused'), metadataPercent: pct('Metadata') };
}
