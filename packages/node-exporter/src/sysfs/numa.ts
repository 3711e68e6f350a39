import { ParseError } from '../procfs/errors.js';

/**
 * /sys/devices/system/node/nodeN/meminfo ("Node 0 Active(anon):  1234 kB") → field name as
 * node_exporter spells it (parentheses become "_") and value in bytes (kB × 1024; counts stay).
 */
export function parseNodeMeminfo(text: string): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const m = /^Node\s+\d+\s+(\S+):\s+(\d+)(\s+kB)?$/.exec(line);
    if (!m) throw new ParseError(`node meminfo: unexpected line ${JSON.stringify(line.slice(0, 60))}`);
    const name = (m[1] as string).replace(/\(/g, '_').replace(/\)/g, '');
    out.push([name, Number(m[2]) * (m[3] ? 1024 : 1)]);
  }
  return out;
}

/** nodeN/numastat: "numa_hit 1234" lines. */
export function parseNumastat(text: string): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const m = /^([a-z_]+)\s+(\d+)$/.exec(line);
    if (!m) throw new ParseError(`numastat: unexpected line ${JSON.stringify(line.slice(0, 60))}`);
    out.push([m[1] as string, Number(m[2])]);
  }
  return out;
}
