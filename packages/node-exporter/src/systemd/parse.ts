import { ParseError } from '../procfs/errors.js';

/** One row of `systemctl list-units --all --plain --no-legend --full`. */
export interface UnitRow {
  readonly name: string;
  readonly load: string;
  readonly active: string;
  readonly sub: string;
}

/** node_exporter's unit states, in its order; node_systemd_unit_state has one series per state. */
export const UNIT_STATES = ['active', 'activating', 'deactivating', 'inactive', 'failed'] as const;

export function parseListUnits(text: string): UnitRow[] {
  const rows: UnitRow[] = [];
  for (const raw of text.split('\n')) {
    // Failed units are prefixed with a bullet ("●") even in --plain mode on some versions.
    const line = raw.replace(/^\s*[\u25cf*]\s*/, '').trim();
    if (line === '') continue;
    const cols = line.split(/\s+/);
    if (cols.length < 4) throw new ParseError(`systemctl list-units: expected UNIT LOAD ACTIVE SUB, got ${JSON.stringify(line.slice(0, 80))}`);
    rows.push({ name: cols[0] as string, load: cols[1] as string, active: cols[2] as string, sub: cols[3] as string });
  }
  return rows;
}

/** `systemctl show -p A -p B u1 u2 …`: blank-line separated blocks of Key=Value lines. */
export function parseShowBlocks(text: string): Array<Record<string, string>> {
  const blocks: Array<Record<string, string>> = [];
  let current: Record<string, string> = {};
  let has = false;
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (line === '') {
      if (has) blocks.push(current);
      current = {};
      has = false;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new ParseError(`systemctl show: not a Key=Value line: ${JSON.stringify(line.slice(0, 80))}`);
    current[line.slice(0, eq)] = line.slice(eq + 1);
    has = true;
  }
  if (has) blocks.push(current);
  return blocks;
}

/** "systemd 252 (252.36-1~deb12u1)" → { version: 252, full: "252.36-1~deb12u1" }. */
export function parseSystemdVersion(text: string): { value: number; label: string } {
  const m = /^systemd (\d+)(?: \(([^)]+)\))?/.exec(text.trim());
  if (!m) throw new ParseError(`systemctl --version: unexpected output ${JSON.stringify(text.slice(0, 60))}`);
  const label = m[2] ?? (m[1] as string);
  const numeric = /^(\d+(?:\.\d+)?)/.exec(label);
  return { value: Number(numeric ? numeric[1] : m[1]), label };
}

/**
 * A timestamp property as `systemctl show --timestamp=unix` prints it ("@1700000000"), or the
 * raw microseconds older versions print for *USec properties; "" and "n/a" mean never.
 */
export function parseTimestampSeconds(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const unix = /^@(\d+(?:\.\d+)?)$/.exec(raw.trim());
  if (unix) return Number(unix[1]);
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim()) / 1e6;
  // Without --timestamp=unix (systemd < 248): "Wed 2025-11-26 00:00:00 UTC".
  const human = /^[A-Z][a-z]{2} (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?: (\S+))?$/.exec(raw.trim());
  if (human) {
    const ms = human[3] === undefined || human[3] === 'UTC' ? Date.parse(`${human[1]}T${human[2]}Z`) : Date.parse(`${human[1]} ${human[2]} ${human[3]}`);
    return Number.isNaN(ms) ? undefined : ms / 1000;
  }
  return undefined;
}
