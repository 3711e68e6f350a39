import { closestMatch } from '@scrapekit/exporter-kit';

/**
 * The option file (`.my.cnf`) as text → sections with line numbers, and the checks that make a
 * mistake in it a start-up error rather than a failure at every scrape. Pure: the caller reads the
 * file and adds its path to the messages.
 */

export interface CnfEntry {
  readonly value: string;
  readonly line: number;
}

export interface CnfSection {
  readonly name: string;
  /** Line of the (first) header; 0 for keys before any header. */
  readonly line: number;
  readonly entries: Map<string, CnfEntry>;
}

export type CnfSections = Map<string, CnfSection>;

/** A mistake in the option file; `line` is 1-based, undefined for the file as a whole. */
export class MyCnfError extends Error {
  override readonly name = 'MyCnfError';
  constructor(
    readonly line: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** The keys mysqld_exporter reads from a section (ssl_ca and ssl-ca are the same key). */
export const KNOWN_KEYS = [
  'user', 'password', 'host', 'port', 'socket', 'ssl-ca', 'ssl-cert', 'ssl-key', 'ssl-skip-verfication', 'ssl-skip-verification',
  'tls', 'tls-server-name', 'tls-min-version', 'tls-max-version', 'enable-cleartext-plugin',
] as const;
const KNOWN = new Set<string>(KNOWN_KEYS);

/**
 * Parses an option file the way mysqld_exporter's go-ini settings read it: `key = value` or a
 * bare `key` (boolean true), `#`/`;` comments only at line start (a `#` inside a password is
 * kept), surrounding quotes removed, `!include` directives ignored. A line that is none of these
 * is an error; its text is never quoted back, since it may hold a password.
 */
export function parseMyCnf(text: string): CnfSections {
  const sections: CnfSections = new Map();
  let current: CnfSection | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';') || line.startsWith('!')) continue;
    if (line.startsWith('[')) {
      const header = /^\[([^\]]*)\]\s*(?:[#;].*)?$/.exec(line);
      if (!header) throw new MyCnfError(lineNo, 'section header without its closing "]"; write it as [client]');
      const name = header[1].trim();
      if (name === '') throw new MyCnfError(lineNo, 'empty section name "[]"; name it, e.g. [client]');
      current = sections.get(name) ?? { name, line: lineNo, entries: new Map() };
      sections.set(name, current);
      continue;
    }
    current ??= sections.get('DEFAULT') ?? { name: 'DEFAULT', line: 0, entries: new Map() };
    sections.set(current.name, current);
    const eq = line.indexOf('=');
    const rawKey = (eq < 0 ? line : line.slice(0, eq)).trim();
    if (rawKey === '') throw new MyCnfError(lineNo, 'line starts with "=": the option name is missing; write it as key=value');
    if (/\s/.test(rawKey)) throw new MyCnfError(lineNo, 'option name contains a space; write it as key=value (e.g. user=exporter)');
    const value = eq < 0 ? 'true' : unquote(line.slice(eq + 1).trim());
    current.entries.set(normalizeKey(rawKey), { value, line: lineNo });
  }
  return sections;
}

function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/_/g, '-');
}

function unquote(v: string): string {
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1).replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1);
  return v;
}

/** Sections the exporter reads credentials from: [client] and its [client.NAME] children. */
export function isClientSection(name: string): boolean {
  return name === 'client' || name.startsWith('client.');
}

/**
 * A file with sections but no [client] (or [client.NAME]) cannot be meant for the exporter: most
 * often the header is misspelled. Names the closest section so the fix is obvious; when no section
 * is close to "client" (a server's [mysqld] file), lists what the file has instead.
 */
export function requireClientSection(sections: CnfSections): void {
  const named = [...sections.values()].filter((s) => s.name !== 'DEFAULT');
  if (named.length === 0 || named.some((s) => isClientSection(s.name))) return;
  const names = named.map((s) => s.name);
  const nearest = closestMatch('client', names);
  const reads = 'the exporter reads [client] and [client.NAME]';
  if (nearest === undefined) throw new MyCnfError(undefined, `no [client] section; found ${names.map((n) => `[${n}]`).join(', ')}: add a [client] section (${reads})`);
  throw new MyCnfError(named[names.indexOf(nearest)].line, `no [client] section; found [${nearest}]: rename it to [client] (${reads})`);
}

export interface UnknownKey {
  readonly section: string;
  readonly key: string;
  readonly line: number;
  /** The known key a typo most likely meant; undefined when none is close (e.g. the client's `database`). */
  readonly closest: string | undefined;
}

/**
 * Keys of the client sections the exporter does not read. They stay allowed (the file is shared
 * with the mysql client, which reads e.g. `database`), but a typo such as `pasword` would
 * otherwise silently log in without a password, so each is reported with the closest known key
 * (the kit's did-you-mean rule).
 */
export function unknownKeys(sections: CnfSections): UnknownKey[] {
  const out: UnknownKey[] = [];
  for (const s of sections.values()) {
    if (!isClientSection(s.name)) continue;
    for (const [key, entry] of s.entries) {
      if (KNOWN.has(key)) continue;
      out.push({ section: s.name, key, line: entry.line, closest: closestMatch(key, KNOWN_KEYS) });
    }
  }
  return out;
}
