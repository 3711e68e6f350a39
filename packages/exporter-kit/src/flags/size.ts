/**
 * kingpin's Bytes() flags, i.e. alecthomas/units ParseBase2Bytes: numbers with a unit, all
 * base 2 — B, KiB…EiB and the older spellings KB…EB (1 KB = 1024 B). "kB" and a bare number
 * without a unit are rejected, as there. Components add up ("1MiB512KiB"); sign allowed.
 */
import { splitUnitNumber } from './unit-number.js';

const POWERS = ['K', 'M', 'G', 'T', 'P', 'E'] as const;
const UNIT_BYTES: ReadonlyMap<string, number> = new Map<string, number>([
  ['B', 1],
  ...POWERS.flatMap((p, i) => [[`${p}iB`, 1024 ** (i + 1)], [`${p}B`, 1024 ** (i + 1)]] as Array<[string, number]>),
]);

export class SizeSyntaxError extends Error {
  override readonly name = 'SizeSyntaxError';
}

/** "512MiB" → 536870912. Throws SizeSyntaxError. */
export function parseBase2Bytes(text: string): number {
  const parsed = splitUnitNumber(text);
  if (parsed === undefined) throw new SizeSyntaxError(`invalid size ${JSON.stringify(text)}; write it with a unit, e.g. 512MB, 1GiB or 0`);
  let total = 0;
  for (const { whole, fraction, unit } of parsed.terms) {
    const scale = UNIT_BYTES.get(unit);
    if (scale === undefined) {
      throw new SizeSyntaxError(`${unit === '' ? 'missing unit' : `unknown unit ${JSON.stringify(unit)}`} in size ${JSON.stringify(text)}; use B, KiB, MiB, GiB, TiB (or KB, MB, GB, TB: also powers of 1024)`);
    }
    total += (Number(whole || '0') + (fraction ? Number(`0.${fraction}`) : 0)) * scale;
  }
  if (total > 2 ** 63) throw new SizeSyntaxError(`size ${JSON.stringify(text)} is too large`);
  return Math.trunc(parsed.negative ? -total : total);
}
