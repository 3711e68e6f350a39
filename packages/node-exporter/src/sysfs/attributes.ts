import { ParseError } from '../procfs/errors.js';

/**
 * Pure helpers for single-value sysfs/procfs attribute files ("1\n", "  42 ", "up\n").
 * Every sysfs reader in this package goes through these, so a malformed attribute always
 * surfaces as a ParseError naming the file.
 */

/** Trims the trailing newline (and padding) the kernel prints after a value. */
export function attrText(raw: string): string {
  return raw.trim();
}

/** Parses a decimal (optionally negative) integer attribute. */
export function parseIntAttr(raw: string, file: string): number {
  const text = raw.trim();
  if (!/^[-+]?\d+$/.test(text)) throw new ParseError(`${file}: expected an integer, got ${JSON.stringify(text.slice(0, 40))}`);
  return Number(text);
}

/** Parses an unsigned decimal attribute. */
export function parseUintAttr(raw: string, file: string): number {
  const text = raw.trim();
  if (!/^\d+$/.test(text)) throw new ParseError(`${file}: expected an unsigned integer, got ${JSON.stringify(text.slice(0, 40))}`);
  return Number(text);
}

/** Parses a hexadecimal attribute with or without a 0x prefix (e.g. netclass flags "0x1003"). */
export function parseHexAttr(raw: string, file: string): number {
  const text = raw.trim().replace(/^0x/i, '');
  if (!/^[0-9a-fA-F]+$/.test(text)) throw new ParseError(`${file}: expected a hex number, got ${JSON.stringify(text.slice(0, 40))}`);
  return Number.parseInt(text, 16);
}

/** Parses a float as Go's strconv.ParseFloat would accept it for sysfs values; undefined when it does not. */
export function tryParseFloat(raw: string): number | undefined {
  const text = raw.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}

/** Optional variants: an absent attribute stays absent. */
export function optUint(raw: string | undefined, file: string): number | undefined {
  return raw === undefined ? undefined : parseUintAttr(raw, file);
}

export function optInt(raw: string | undefined, file: string): number | undefined {
  return raw === undefined ? undefined : parseIntAttr(raw, file);
}
