/**
 * Unicode simple case folding orbits ("k", "K" and KELVIN SIGN U+212A are one orbit), needed
 * only where an RE2 pattern is case-insensitive in part — (?i:…) — and JavaScript's
 * whole-pattern `i` flag cannot be used. Built lazily from the engine's own `iu` matching, so
 * the expansion agrees with what `new RegExp(x, 'iu')` would match.
 */
import type { Ranges } from './re2-syntax.js';

let orbits: Map<number, readonly number[]> | undefined;
let cased: number[] | undefined;

/** Pairs whose simple folding JavaScript's toLowerCase/toUpperCase cannot reach from either side. */
const EXTRA_PAIRS: ReadonlyArray<readonly [number, number]> = [[0x390, 0x1fd3], [0x3b0, 0x1fe3], [0xfb05, 0xfb06]];

function build(): void {
  const changes = /\p{Changes_When_Casemapped}/gu;
  const parent = new Map<number, number>();
  const find = (c: number): number => {
    let r = c;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r) as number;
    parent.set(c, r);
    return r;
  };
  const union = (a: number, b: number): void => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  };
  const single = (s: string): number | undefined => (Array.from(s).length === 1 ? (s.codePointAt(0) as number) : undefined);
  // One native scan over every code point up to the last cased plane is ~50x faster than a test per code point.
  for (const m of allCodePoints().matchAll(changes)) {
    const ch = m[0];
    const c = ch.codePointAt(0) as number;
    parent.set(c, parent.get(c) ?? c);
    for (const mapped of [single(ch.toLowerCase()), single(ch.toUpperCase())]) if (mapped !== undefined && mapped !== c) union(c, mapped);
  }
  for (const [a, b] of EXTRA_PAIRS) union(a, b);
  const groups = new Map<number, number[]>();
  for (const c of parent.keys()) {
    const root = find(c);
    groups.set(root, [...(groups.get(root) ?? []), c]);
  }
  orbits = new Map();
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    // A plain upper/lower pair needs no check; larger groups keep only what the engine itself
    // treats as equal under `iu` (ı joins I through toUpperCase but does not fold to it).
    const head = members[0] as number;
    const same = members.length > 2 ? new RegExp(`^\\u{${head.toString(16)}}$`, 'iu') : undefined;
    const orbit = members.filter((m) => same === undefined || same.test(String.fromCodePoint(m))).sort((a, b) => a - b);
    if (orbit.length < 2) continue;
    for (const m of orbit) orbits.set(m, orbit);
  }
  cased = [...orbits.keys()].sort((a, b) => a - b);
}

/** U+0000…U+1FFFF (the planes with cased letters) as one string, surrogates left out so none pair up. */
function allCodePoints(): string {
  const units = new Uint16Array(0x10000 - 0x800 + 2 * 0x10000);
  let k = 0;
  for (let c = 0; c <= 0x1ffff; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (c < 0x10000) {
      units[k++] = c;
    } else {
      const v = c - 0x10000;
      units[k++] = 0xd800 + (v >> 10);
      units[k++] = 0xdc00 + (v & 0x3ff);
    }
  }
  return new TextDecoder('utf-16le').decode(units.subarray(0, k));
}

/** Every code point `cp` matches case-insensitively, itself included. */
export function caseOrbit(cp: number): readonly number[] {
  if (!orbits) build();
  return (orbits as Map<number, readonly number[]>).get(cp) ?? [cp];
}

/** The ranges plus everything that matches them case-insensitively. */
export function foldRanges(ranges: Ranges): Ranges {
  if (!cased) build();
  const extra: Array<[number, number]> = [];
  for (const [lo, hi] of ranges) {
    for (const c of casedIn(lo, hi)) for (const o of caseOrbit(c)) extra.push([o, o]);
  }
  return normalizeRanges([...ranges, ...extra]);
}

function casedIn(lo: number, hi: number): number[] {
  const all = cased as number[];
  let a = 0;
  let b = all.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if ((all[mid] as number) < lo) a = mid + 1;
    else b = mid;
  }
  const out: number[] = [];
  for (let k = a; k < all.length && (all[k] as number) <= hi; k++) out.push(all[k] as number);
  return out;
}

export function normalizeRanges(ranges: Ranges): Array<[number, number]> {
  const sorted = [...ranges].sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

export function complementRanges(ranges: Ranges): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let next = 0;
  for (const [lo, hi] of normalizeRanges(ranges)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= 0x10ffff) out.push([next, 0x10ffff]);
  return out;
}
