/**
 * The grammar Go's time.ParseDuration and alecthomas/units.ParseUnit share:
 * [-+]?([0-9]*(\.[0-9]*)?[^0-9.]*)+ with at least one digit per number, or a bare "0".
 * duration.ts and size.ts give the units their meaning.
 */

export interface UnitTerm {
  /** Digits before the point ('' for ".5"). */
  readonly whole: string;
  /** Digits after the point ('' when none). */
  readonly fraction: string;
  /** Whatever follows up to the next digit or point; '' when the unit is missing. */
  readonly unit: string;
}

export interface UnitNumber {
  readonly negative: boolean;
  /** Empty for the bare "0" (no unit needed). */
  readonly terms: readonly UnitTerm[];
}

/** Undefined when the text is not of that shape at all ("", "-", ".s", "s"). */
export function splitUnitNumber(text: string): UnitNumber | undefined {
  let rest = text;
  let negative = false;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    negative = rest[0] === '-';
    rest = rest.slice(1);
  }
  if (rest === '0') return { negative, terms: [] };
  if (rest === '') return undefined;
  const terms: UnitTerm[] = [];
  while (rest !== '') {
    const m = /^(\d*)(?:\.(\d*))?([^.0-9]*)/.exec(rest) as RegExpExecArray;
    const [all, whole = '', fraction = '', unit = ''] = m;
    if (whole === '' && fraction === '') return undefined;
    terms.push({ whole, fraction, unit });
    rest = rest.slice(all.length);
  }
  return { negative, terms };
}
