/**
 * A strict reader of the text exposition format (0.0.4) for the node-exporter end-to-end,
 * oracle, mixin and lint tests: it keeps HELP and TYPE per family, keeps every sample with
 * its labels, and throws on a line it cannot read, because a line Prometheus would reject is a
 * bug in whichever exporter produced it.
 */

export interface ExpoSample {
  /** The sample's own name (a summary's `_sum`/`_count`, a histogram's `_bucket`, ...). */
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface ExpoFamily {
  readonly name: string;
  help?: string;
  type: string;
  readonly samples: ExpoSample[];
}

export type Exposition = Map<string, ExpoFamily>;

const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?[ \t]+(\S+)(?:[ \t]+-?\d+)?$/;
const LABEL_PAIR = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(,|$)/y;
const SUFFIXES = ['_bucket', '_sum', '_count'];

function unescapeLabelValue(v: string): string {
  return v.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

function parseLabels(body: string, lineNo: number): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL_PAIR.lastIndex = 0;
  let pos = 0;
  while (pos < body.length) {
    LABEL_PAIR.lastIndex = pos;
    const m = LABEL_PAIR.exec(body);
    if (!m) throw new Error(`line ${lineNo}: unreadable labels {${body}}`);
    if (m[1]! in labels) throw new Error(`line ${lineNo}: label ${m[1]} repeated`);
    labels[m[1]!] = unescapeLabelValue(m[2]!);
    pos = LABEL_PAIR.lastIndex;
  }
  return labels;
}

function parseValue(text: string, lineNo: number): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  const v = Number(text);
  if (text === '' || Number.isNaN(v)) throw new Error(`line ${lineNo}: unreadable value ${JSON.stringify(text)}`);
  return v;
}

/** The family a sample belongs to: its own name, or the declared family its suffix extends. */
function familyOf(families: Exposition, sampleName: string): ExpoFamily | undefined {
  const own = families.get(sampleName);
  if (own) return own;
  for (const suffix of SUFFIXES) {
    if (!sampleName.endsWith(suffix)) continue;
    const base = families.get(sampleName.slice(0, -suffix.length));
    if (base && (base.type === 'summary' || base.type === 'histogram')) return base;
  }
  return undefined;
}

export function parseExposition(text: string): Exposition {
  const families: Exposition = new Map();
  const declare = (name: string): ExpoFamily => {
    let f = families.get(name);
    if (!f) {
      f = { name, type: 'untyped', samples: [] };
      families.set(name, f);
    }
    return f;
  };
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const lineNo = i + 1;
    if (line.trim() === '') return;
    if (line.startsWith('#')) {
      const m = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*)(?: (.*))?$/.exec(line);
      if (!m) return; // a plain comment
      const f = declare(m[2]!);
      if (m[1] === 'HELP') f.help = m[3] ?? '';
      else f.type = (m[3] ?? '').trim();
      return;
    }
    const m = SAMPLE_LINE.exec(line);
    if (!m) throw new Error(`line ${lineNo}: unreadable sample line: ${line}`);
    const sample: ExpoSample = { name: m[1]!, labels: parseLabels(m[2] ?? '', lineNo), value: parseValue(m[3]!, lineNo) };
    (familyOf(families, sample.name) ?? declare(sample.name)).samples.push(sample);
  });
  return families;
}

/** A series' identity inside its family: sample name plus sorted label pairs. */
export function seriesKey(s: ExpoSample): string {
  const pairs = Object.keys(s.labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(s.labels[k])}`);
  return `${s.name}{${pairs.join(',')}}`;
}

/** The distinct label-name sets of a family, each as sorted comma-joined names. */
export function labelNameSets(f: ExpoFamily): string[] {
  return [...new Set(f.samples.map((s) => Object.keys(s.labels).sort().join(',')))].sort();
}
