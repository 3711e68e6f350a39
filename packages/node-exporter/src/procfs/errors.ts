/**
 * The one error type every parser throws for text it cannot make sense of. Collectors let it
 * propagate (the kit then reports that collector with success 0); fuzz tests assert that garbage
 * input produces either a result or a ParseError and nothing else.
 */
export class ParseError extends Error {
  override readonly name = 'ParseError';
  /** `message` should name the file or format ("meminfo: ..."); `line` is 1-based when known. */
  constructor(message: string, readonly line?: number) {
    super(line !== undefined ? `${message} (line ${line})` : message);
  }
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Strict decimal number: rejects '', whitespace, hex and words that Number() would accept. */
export function parseNumber(text: string | undefined, source: string, line?: number): number {
  if (text === undefined || !NUMBER.test(text)) {
    throw new ParseError(`${source}: expected a number, got ${JSON.stringify((text ?? '<nothing>').slice(0, 40))}`, line);
  }
  return Number(text);
}

const HEX = /^(0x)?[0-9a-fA-F]+$/;

export function parseHex(text: string | undefined, source: string, line?: number): number {
  if (text === undefined || !HEX.test(text)) {
    throw new ParseError(`${source}: expected a hexadecimal number, got ${JSON.stringify((text ?? '<nothing>').slice(0, 40))}`, line);
  }
  return Number.parseInt(text.replace(/^0x/, ''), 16);
}

/** Splits file text into non-empty lines with their 1-based numbers. */
export function lines(text: string): Array<[line: string, number: number]> {
  const out: Array<[string, number]> = [];
  const parts = text.split('\n');
  for (let i = 0; i < parts.length; i++) {
    const l = parts[i] as string;
    if (l.trim() !== '') out.push([l, i + 1]);
  }
  return out;
}

/** Space, tab, CR, LF, VT, FF: the separators /proc and /sys use (and what split(/\s+/) split on for ASCII). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * Whitespace-separated fields of a line. A hand-rolled scan rather than trim().split(/\s+/):
 * it runs for every line of every /proc file each scrape, and the scan makes neither the
 * trimmed copy nor the regex split's intermediate work (about a third less allocation).
 */
export function fields(line: string): string[] {
  const out: string[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpaceAt(line, i)) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpaceAt(line, i)) i++;
    out.push(line.slice(start, i));
  }
  return out;
}

/** Also the Unicode spaces JS's \s knows, so odd text splits exactly as it used to. */
function isSpaceAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return isSpace(c);
  return /\s/.test(s.charAt(i));
}
