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

/** Whitespace-separated fields of a line. */
export function fields(line: string): string[] {
  const t = line.trim();
  return t === '' ? [] : t.split(/\s+/);
}
