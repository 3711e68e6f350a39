import { expect, it } from 'vitest';
import { ParseError } from '../src/procfs/errors.js';

/** `parse` throws a ParseError whose message is exactly `message` (line suffix included). */
export function expectParseError(parse: () => unknown, message: string): void {
  let thrown: unknown;
  try {
    parse();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(ParseError);
  expect((thrown as Error).message).toBe(message);
}

/** Tiny deterministic PRNG for the fuzz tests, so a failure is reproducible. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

const ALPHABET = '0123456789abcdefABCDEF xyz-_:./\n\t=,()#%\u00e9\u0000';

/** Random text plus mutations of a valid sample: the shapes a corrupted or unexpected file takes. */
export function garbage(valid: string, count: number, seed = 1): string[] {
  const r = rng(seed);
  const out: string[] = ['', '\n', ' ', '\u0000', 'cpu', valid.slice(0, Math.floor(valid.length / 2))];
  for (let i = 0; i < count; i++) {
    const len = Math.floor(r() * 200);
    let s = '';
    for (let j = 0; j < len; j++) s += ALPHABET[Math.floor(r() * ALPHABET.length)];
    out.push(s);
    const chars = valid.split('');
    for (let k = 0; k < 1 + Math.floor(r() * 5); k++) chars[Math.floor(r() * chars.length)] = ALPHABET[Math.floor(r() * ALPHABET.length)] as string;
    out.push(chars.join(''));
  }
  return out;
}

export interface GarbageOptions {
  /** PRNG seed of the inputs (default 1). */
  readonly seed?: number;
  /** Also require that some inputs reach the parser's ParseError paths, or the test proves little. */
  readonly reachesErrors?: boolean;
}

/**
 * The property every parser keeps (two tests): its valid sample parses, and 600 random and
 * mutated inputs give a result or a ParseError, never a TypeError, a RangeError or a hang.
 */
export function itSurvivesGarbage(name: string, valid: string, parse: (text: string) => unknown, opts: GarbageOptions = {}): void {
  it(`${name}: the valid sample parses`, () => {
    expect(() => parse(valid)).not.toThrow();
  });
  it(`${name}: random and mutated inputs give a result or a ParseError, nothing else`, () => {
    let typedErrors = 0;
    for (const text of garbage(valid, 300, opts.seed)) {
      try {
        parse(text);
      } catch (err) {
        if (!(err instanceof ParseError)) throw new Error(`${name} threw ${String(err)} for ${JSON.stringify(text.slice(0, 80))}`);
        typedErrors++;
      }
    }
    if (opts.reachesErrors) expect(typedErrors).toBeGreaterThan(0);
  });
}
