/**
 * Go's time.ParseDuration, to the letter: an optional sign, then one or more decimal numbers
 * (fraction allowed, ".5" and "1." too) each with a unit (ns, us, µs, μs, ms, s, m, h); a bare
 * "0" needs no unit. Anything Go rejects ("5", "1d", "", "1 s") is rejected here, so a flag or
 * config value that works with the Go exporter works here and vice versa.
 */
import { splitUnitNumber } from './unit-number.js';

/** Nanoseconds per unit. */
const UNIT_NS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n, // U+00B5 micro sign
  'μs': 1_000n, // U+03BC Greek small letter mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const MAX_NS = (1n << 63n) - 1n;

export class DurationSyntaxError extends Error {
  override readonly name = 'DurationSyntaxError';
}

/** "1m30s" → 90000. Result in milliseconds (fractions kept: "1500us" → 1.5). Throws DurationSyntaxError. */
export function parseGoDuration(text: string): number {
  const invalid = (): DurationSyntaxError => new DurationSyntaxError(`invalid duration ${JSON.stringify(text)}; write it as Go does, e.g. 10s, 1m30s, 500ms or 0`);
  const parsed = splitUnitNumber(text);
  if (parsed === undefined) throw invalid();
  let totalNs = 0n;
  for (const { whole, fraction, unit } of parsed.terms) {
    if (unit === '') throw new DurationSyntaxError(`missing unit in duration ${JSON.stringify(text)}; add one of ns, us, ms, s, m, h (e.g. 10s)`);
    const scale = UNIT_NS[unit];
    if (scale === undefined) throw new DurationSyntaxError(`unknown unit ${JSON.stringify(unit)} in duration ${JSON.stringify(text)}; use ns, us, ms, s, m or h`);
    totalNs += BigInt(whole === '' ? '0' : whole) * scale;
    if (fraction !== '') totalNs += fractionNs(fraction, scale);
    if (totalNs > MAX_NS + (parsed.negative ? 1n : 0n)) throw invalid();
  }
  const ms = Number(totalNs) / 1e6;
  return parsed.negative ? -ms : ms;
}

const LIMIT = 1n << 63n;

/** Go's leadingFraction and its float arithmetic, so rounding matches ("0.3333333333333333333h" is 20m). */
function fractionNs(digits: string, unitNs: bigint): bigint {
  let x = 0n;
  let scale = 1;
  for (const d of digits) {
    if (x > (LIMIT - 1n) / 10n) break; // Go ignores digits past int64 precision
    const y = x * 10n + BigInt(d);
    if (y > LIMIT) break;
    x = y;
    scale *= 10;
  }
  return BigInt(Math.trunc(Number(x) * (Number(unitNs) / scale)));
}
