import { sanitizeMetricName } from '@scrapekit/exporter-kit';

export interface RaplZoneName {
  /** "package" for "package-0", or the name unchanged when it carries no index. */
  readonly name: string;
  readonly index: number;
}

/**
 * RAPL zone names are "<name>-<index>" (package-0) or a bare name (core, dram) that may repeat;
 * a repeated bare name gets the next free index, as node_exporter numbers them. As procfs splits
 * on "-", only a name with exactly one dash carries an index: "package-0-die-1" stays whole.
 */
export function raplZoneNames(rawNames: readonly string[]): RaplZoneName[] {
  const used = new Map<string, number>();
  return rawNames.map((raw) => {
    const trimmed = raw.trim();
    const m = /^([^-]*)-(\d+)$/.exec(trimmed);
    let name: string;
    let index: number;
    if (m) {
      name = m[1] as string;
      index = Number(m[2]);
    } else {
      name = trimmed;
      index = used.get(name) ?? 0;
    }
    used.set(name, index + 1);
    return { name, index };
  });
}

export function raplMetricName(zone: string): string {
  return `node_rapl_${sanitizeMetricName(`${zone}_joules_total`)}`;
}
