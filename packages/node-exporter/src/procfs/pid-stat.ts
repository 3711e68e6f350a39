import { ParseError } from './errors.js';

export interface PidStatSummary {
  /** One-letter scheduler state: R, S, D, Z, T, t, X, I … */
  readonly state: string;
  readonly numThreads: number;
}

/**
 * The two fields of /proc/<pid>/stat the processes collector needs. The command name is in
 * parentheses and may itself contain ") ", so fields are counted from the last ")".
 */
export function parsePidStat(text: string): PidStatSummary {
  const close = text.lastIndexOf(')');
  if (close < 0) throw new ParseError('/proc/<pid>/stat: no command name');
  const fields = text.slice(close + 1).trim().split(/\s+/);
  const state = fields[0];
  const threads = fields[17];
  if (state === undefined || !/^[A-Za-z]$/.test(state)) throw new ParseError('/proc/<pid>/stat: bad state field');
  if (threads === undefined || !/^\d+$/.test(threads)) throw new ParseError('/proc/<pid>/stat: bad num_threads field');
  return { state, numThreads: Number(threads) };
}
