import { ParseError } from '../procfs/errors.js';

/**
 * os-release(5): KEY=value lines, values optionally single- or double-quoted with shell-style
 * backslash escapes inside double quotes. Unknown keys are kept; comments and blanks skipped.
 */
export function parseOsRelease(text: string): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    if (eq <= 0) throw new ParseError(`os-release: expected KEY=value, got ${JSON.stringify(line.slice(0, 60))}`, i + 1);
    const key = line.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) throw new ParseError(`os-release: bad key ${JSON.stringify(key)}`, i + 1);
    out.set(key, unquote(line.slice(eq + 1), i + 1));
  });
  return out;
}

function unquote(v: string, line: number): string {
  const q = v[0];
  if (q !== '"' && q !== "'") return v;
  if (v.length < 2 || v[v.length - 1] !== q) throw new ParseError('os-release: unterminated quote', line);
  const inner = v.slice(1, -1);
  return q === "'" ? inner : inner.replace(/\\([\\"$`])/g, '$1');
}

/** node_os_version's value: the leading "major[.minor]" of VERSION_ID as a number, 0 when absent. */
export function osVersionNumber(versionId: string | undefined): number {
  const m = /^[0-9]+\.?[0-9]*/.exec(versionId ?? '');
  return m ? Number.parseFloat(m[0]) : 0;
}
