import { ParseError } from './errors.js';

/** ARP cache entries per network device from /proc/net/arp. */
export function countArpEntries(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const lines = text.split('\n');
  if (!/^IP address\s/.test(lines[0] ?? '')) throw new ParseError('/proc/net/arp: missing header line');
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    const cols = line.split(/\s+/);
    if (cols.length < 6) throw new ParseError(`/proc/net/arp line ${i + 1}: ${cols.length} columns, expected 6`);
    const device = cols[5] as string;
    counts.set(device, (counts.get(device) ?? 0) + 1);
  }
  return counts;
}
