/**
 * The "did you mean X?" hint for an unknown name (a config key, a section, a statistic): the one
 * rule every exporter uses, so a typo gets the same hint in every config file.
 *
 * Case-insensitive: `Region` points to `region` (distance 0) even where the file format itself is
 * case-sensitive; that is exactly the hint the user needs. Capped: a candidate more than
 * MAX_SUGGESTION_DISTANCE edits away is no hint but noise (`database` is not a typo of `tls`), so
 * then there is none and the caller says what is allowed instead. Ties: the first candidate in
 * the caller's order wins, so the hint is stable and the caller decides which name is preferred.
 */

/** Edits (insert, delete, substitute one character) beyond which a candidate is not suggested. */
export const MAX_SUGGESTION_DISTANCE = 3;

/** The candidate closest to `word` by edit distance, ignoring case; undefined when none is close. */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const needle = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = MAX_SUGGESTION_DISTANCE + 1;
  for (const candidate of candidates) {
    const d = editDistance(needle, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance: the fewest single-character inserts, deletes and substitutions. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(above + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}
