/** A parsed text-format (0.0.4) exposition, for comparing our output with the plugin's. */
export interface ParsedFamily {
  type: string;
  samples: { name: string; labels: Record<string, string>; value: number }[];
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

function unescape(v: string): string {
  return v.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

export function parseExposition(text: string): Map<string, ParsedFamily> {
  const families = new Map<string, ParsedFamily>();
  for (const line of text.split('\n')) {
    if (line.startsWith('# TYPE ')) {
      const [, , name, type] = line.split(' ');
      families.set(name!, { type: type!, samples: [] });
      continue;
    }
    if (line === '' || line.startsWith('#')) continue;
    const m = SAMPLE.exec(line);
    if (!m) throw new Error(`unparseable exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(LABEL)) labels[l[1]!] = unescape(l[2]!);
    const name = m[1]!;
    const family =
      families.get(name) ?? families.get(name.replace(/_(bucket|sum|count)$/, '')) ?? { type: 'untyped', samples: [] };
    if (!families.has(name) && !families.has(name.replace(/_(bucket|sum|count)$/, ''))) families.set(name, family);
    family.samples.push({ name, labels, value: Number(m[3]) });
  }
  return families;
}

/** The value of the one sample of `name` whose labels include `labels`; undefined when absent. */
export function valueOf(families: Map<string, ParsedFamily>, name: string, labels: Record<string, string> = {}): number | undefined {
  const f = families.get(name);
  const hit = f?.samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return hit?.value;
}
