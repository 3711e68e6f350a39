import { ParseError } from '../procfs/errors.js';

/** Standard and daylight-saving abbreviations of a time zone, and the standard UTC offset. */
export interface ZoneAbbreviations {
  readonly std: string;
  /** Seconds east of UTC in standard time. */
  readonly stdOffset: number;
  readonly dst?: string;
}

/**
 * A TZif file (tzfile(5), version 2 or later) ends with a POSIX TZ string between newlines, e.g.
 * "CET-1CEST,M3.5.0,M10.5.0/3" or "<+0530>-5:30". Its names are what Go's time.Zone() reports for
 * the present day, which node_exporter puts in the time_zone label.
 */
export function parseTzifFooter(data: Uint8Array): ZoneAbbreviations {
  if (data.byteLength < 44 || String.fromCharCode(...data.subarray(0, 4)) !== 'TZif') throw new ParseError('tzif: not a TZif file');
  if (data[4] === 0) throw new ParseError('tzif: version 1 file has no TZ string');
  const end = data.byteLength - 1;
  if (data[end] !== 0x0a) throw new ParseError('tzif: no TZ string footer');
  let start = end - 1;
  while (start >= 0 && data[start] !== 0x0a) start--;
  if (start < 0) throw new ParseError('tzif: no TZ string footer');
  return parsePosixTz(new TextDecoder().decode(data.subarray(start + 1, end)));
}

const NAME = /^(<[^>]+>|[A-Za-z]{3,})/;
const OFFSET = /^([+-]?)(\d{1,3})(?::(\d{1,2}))?(?::(\d{1,2}))?/;

/** The names and standard offset of a POSIX TZ string ("EST5EDT,M3.2.0,M11.1.0"). */
export function parsePosixTz(tz: string): ZoneAbbreviations {
  const std = NAME.exec(tz);
  if (!std) throw new ParseError(`tz string: no zone name in ${JSON.stringify(tz.slice(0, 40))}`);
  let rest = tz.slice(std[0].length);
  const off = OFFSET.exec(rest);
  if (!off) throw new ParseError(`tz string: no offset in ${JSON.stringify(tz.slice(0, 40))}`);
  rest = rest.slice(off[0].length);
  // POSIX offsets are west of UTC: "CET-1" is one hour east.
  const seconds = Number(off[2]) * 3600 + Number(off[3] ?? 0) * 60 + Number(off[4] ?? 0);
  const stdOffset = off[1] === '-' ? seconds : -seconds;
  const dst = NAME.exec(rest);
  const unbracket = (n: string): string => n.replace(/^<|>$/g, '');
  return dst ? { std: unbracket(std[0]), stdOffset, dst: unbracket(dst[0]) } : { std: unbracket(std[0]), stdOffset };
}

/** The abbreviation in force for a UTC offset (seconds east), as Go names it. */
export function abbreviationFor(zone: ZoneAbbreviations, offsetSeconds: number): string {
  return offsetSeconds === zone.stdOffset || zone.dst === undefined ? zone.std : zone.dst;
}
