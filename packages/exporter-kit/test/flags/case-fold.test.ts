import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * case-fold.ts: the case-folding orbits a scoped (?i:…) expands to, as Go's regexp folds
 * (unicode.SimpleFold: Unicode simple case folding, CaseFolding.txt statuses C and S).
 * The orbit table is built once per module instance, lazily; each test imports a fresh instance
 * so that every test builds (and so checks) the table itself.
 */
type CaseFold = typeof import('../../src/flags/case-fold.js');
let cf: CaseFold;
beforeEach(async () => {
  vi.resetModules();
  cf = await import('../../src/flags/case-fold.js');
});

/** Orbits from CaseFolding.txt, each as Go's unicode.SimpleFold cycles through it (ascending). */
const ORBITS: ReadonlyArray<readonly number[]> = [
  [0x41, 0x61], // A a
  [0x4b, 0x6b, 0x212a], // K k KELVIN SIGN (Go's own SimpleFold example)
  [0x53, 0x73, 0x17f], // S s LONG S
  [0xb5, 0x39c, 0x3bc], // MICRO SIGN, Greek capital and small mu
  [0xc5, 0xe5, 0x212b], // Å å ANGSTROM SIGN
  [0xdf, 0x1e9e], // ß and capital sharp s (status S)
  [0x1c4, 0x1c5, 0x1c6], // Ǆ ǅ ǆ (upper, title, lower)
  [0x345, 0x399, 0x3b9, 0x1fbe], // ypogegrammeni, Ι ι, prosgegrammeni
  [0x390, 0x1fd3], // ΐ and its oxia twin: no toLowerCase/toUpperCase path between them
  [0x3b0, 0x1fe3], // ΰ likewise
  [0x392, 0x3b2, 0x3d0], // Β β ϐ
  [0x398, 0x3b8, 0x3d1, 0x3f4], // Θ θ ϑ ϴ
  [0x3a3, 0x3c2, 0x3c3], // Σ ς σ
  [0x3a9, 0x3c9, 0x2126], // Ω ω OHM SIGN
  [0x412, 0x432, 0x1c80], // В в and the rounded ve
  [0x13a0, 0xab70], // Cherokee: the capital is the folded form
  [0x1e60, 0x1e61, 0x1e9b], // Ṡ ṡ ẛ
  [0xfb05, 0xfb06], // ﬅ ﬆ: again only through CaseFolding.txt
  [0xff21, 0xff41], // fullwidth Ａ ａ
  [0x10400, 0x10428], // Deseret (plane 1, a surrogate pair in UTF-16)
  [0x1e900, 0x1e922], // Adlam (plane 1)
  [0x1e921, 0x1e943], // the last cased pair
];

/** Code points Go folds to nothing else: İ and ı (only Turkic 'T' mappings), ŉ (only a full folding), non-letters. */
const ALONE = [0x130, 0x131, 0x149, 0x31, 0x7c, 0x1ffff, 0x10ffff];

describe('caseOrbit', () => {
  it('gives every member of an orbit the whole orbit, ascending', () => {
    for (const orbit of ORBITS) {
      for (const c of orbit) expect(cf.caseOrbit(c), `U+${c.toString(16)}`).toEqual(orbit);
    }
  });

  it('gives a code point without case folding itself alone', () => {
    for (const c of ALONE) expect(cf.caseOrbit(c), `U+${c.toString(16)}`).toEqual([c]);
  });

  it('gives every cased code point exactly what the engine\'s own iu flag matches with it', () => {
    const isCased = /\p{Changes_When_Casemapped}/u;
    const cased: number[] = [];
    for (let c = 0; c <= 0x10ffff; c++) {
      if ((c < 0xd800 || c > 0xdfff) && isCased.test(String.fromCodePoint(c))) cased.push(c);
    }
    const text = String.fromCodePoint(...cased);
    for (const c of cased) {
      const same = Array.from(text.matchAll(new RegExp(`\\u{${c.toString(16)}}`, 'giu')), (m) => m[0].codePointAt(0) as number);
      expect(cf.caseOrbit(c), `U+${c.toString(16)}`).toEqual(same);
    }
    expect(cased.length).toBeGreaterThan(2800);
  });
});

describe('foldRanges', () => {
  it('adds the orbit of every cased code point in each range, merged and sorted', () => {
    expect(cf.foldRanges([[0x61, 0x63]])).toEqual([[0x41, 0x43], [0x61, 0x63]]);
    expect(cf.foldRanges([[0x6b, 0x6b]])).toEqual([[0x4b, 0x4b], [0x6b, 0x6b], [0x212a, 0x212a]]);
    expect(cf.foldRanges([[0x4b, 0x53]])).toEqual([[0x4b, 0x53], [0x6b, 0x73], [0x17f, 0x17f], [0x212a, 0x212a]]);
    expect(cf.foldRanges([[0x30, 0x41]])).toEqual([[0x30, 0x41], [0x61, 0x61]]);
    expect(cf.foldRanges([[0x2120, 0x212f]])).toEqual([[0x4b, 0x4b], [0x6b, 0x6b], [0xc5, 0xc5], [0xe5, 0xe5], [0x3a9, 0x3a9], [0x3c9, 0x3c9], [0x2120, 0x212f]]);
    expect(cf.foldRanges([[0x10400, 0x10400]])).toEqual([[0x10400, 0x10400], [0x10428, 0x10428]]);
    expect(cf.foldRanges([[0x1e943, 0x10ffff]])).toEqual([[0x1e921, 0x1e921], [0x1e943, 0x10ffff]]);
  });

  it('leaves ranges without cased code points as they are', () => {
    expect(cf.foldRanges([[0x30, 0x39], [0x20, 0x2f]])).toEqual([[0x20, 0x39]]);
    expect(cf.foldRanges([])).toEqual([]);
  });
});

describe('normalizeRanges', () => {
  it('sorts, merges overlapping and adjacent ranges, and keeps gaps', () => {
    expect(cf.normalizeRanges([[5, 6], [1, 3], [8, 9], [4, 4]])).toEqual([[1, 6], [8, 9]]);
    expect(cf.normalizeRanges([[1, 3], [3, 5]])).toEqual([[1, 5]]);
    expect(cf.normalizeRanges([[1, 10], [2, 3]])).toEqual([[1, 10]]);
    expect(cf.normalizeRanges([[1, 2], [4, 5]])).toEqual([[1, 2], [4, 5]]);
  });
});

describe('complementRanges', () => {
  it('gives every code point up to U+10FFFF the ranges leave out', () => {
    expect(cf.complementRanges([[0x41, 0x5a], [0x61, 0x7a]])).toEqual([[0, 0x40], [0x5b, 0x60], [0x7b, 0x10ffff]]);
    expect(cf.complementRanges([[5, 9], [1, 6]])).toEqual([[0, 0], [10, 0x10ffff]]);
    expect(cf.complementRanges([])).toEqual([[0, 0x10ffff]]);
    expect(cf.complementRanges([[0, 0x10ffff]])).toEqual([]);
    expect(cf.complementRanges([[0, 0x10fffe]])).toEqual([[0x10ffff, 0x10ffff]]);
  });
});
