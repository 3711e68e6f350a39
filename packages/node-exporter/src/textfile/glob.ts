import { readdir } from 'node:fs/promises';
import { isAbsolute, join, sep } from 'node:path';

const MAGIC = /[*?[]/;

/** Turns one path segment glob (*, ?, [...]) into an anchored RegExp, as Go's filepath.Match reads it. */
export function segmentPattern(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = segment.indexOf(']', i + 1);
      if (end < 0) {
        re += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, end);
      if (body.startsWith('^')) body = `!${body.slice(1)}`;
      re += body.startsWith('!') ? `[^${body.slice(1).replace(/\\/g, '\\\\')}]` : `[${body.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * Expands a directory glob ('/var/lib/node/*'). A pattern without wildcards, or one that matches
 * nothing, is returned as is, so reading it fails and is reported (node_exporter does the same).
 */
export async function expandDirGlob(pattern: string): Promise<string[]> {
  if (!MAGIC.test(pattern)) return [pattern];
  const parts = pattern.split(sep);
  let bases = [isAbsolute(pattern) ? sep : '.'];
  for (const part of parts) {
    if (part === '') continue;
    if (!MAGIC.test(part)) {
      bases = bases.map((b) => join(b, part));
      continue;
    }
    const re = segmentPattern(part);
    const next: string[] = [];
    for (const b of bases) {
      let names: string[];
      try {
        names = await readdir(b);
      } catch {
        continue;
      }
      for (const n of names.sort()) if (re.test(n)) next.push(join(b, n));
    }
    bases = next;
  }
  return bases.length > 0 ? bases : [pattern];
}
