import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { Labels, MetricFamily } from './metrics.js';
import { formatValue } from './metrics.js';

const gzipAsync = promisify(gzip);

export type ExpositionFormat = 'text' | 'openmetrics';

export interface NegotiatedFormat {
  readonly format: ExpositionFormat;
  readonly contentType: string;
}

export const TEXT_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
export const OPENMETRICS_CONTENT_TYPE = 'application/openmetrics-text; version=1.0.0; charset=utf-8';
const OPENMETRICS_0_0_1_CONTENT_TYPE = 'application/openmetrics-text; version=0.0.1; charset=utf-8';

const TEXT: NegotiatedFormat = { format: 'text', contentType: TEXT_CONTENT_TYPE };

interface AcceptEntry {
  readonly type: string;
  readonly params: ReadonlyMap<string, string>;
  readonly q: number;
  readonly order: number;
}

function parseAccept(header: string): AcceptEntry[] {
  const entries: AcceptEntry[] = [];
  header.split(',').forEach((part, order) => {
    const [rawType, ...rawParams] = part.split(';');
    const type = (rawType ?? '').trim().toLowerCase();
    if (!type) return;
    const params = new Map<string, string>();
    for (const p of rawParams) {
      const eq = p.indexOf('=');
      if (eq < 0) continue;
      params.set(p.slice(0, eq).trim().toLowerCase(), p.slice(eq + 1).trim().replace(/^"|"$/g, ''));
    }
    const q = params.has('q') ? Number(params.get('q')) : 1;
    entries.push({ type, params, q: Number.isFinite(q) ? q : 0, order });
  });
  // Highest q first; equal q keeps the client's order (Array.prototype.sort is stable).
  return entries.filter((e) => e.q > 0).sort((a, b) => b.q - a.q || a.order - b.order);
}

/**
 * Picks the exposition format from an Accept header the way client_golang's NegotiateAccept does:
 * walk the entries by q-value and take the first one we can produce; anything else falls back to
 * text 0.0.4. Handles the headers Prometheus 2.x and 3.x send (OpenMetrics 1.0.0 / 0.0.1 first,
 * text 0.0.4 later, `*∕*` last). text/plain;version=1.0.0 is not offered: our names never need
 * UTF-8 escaping, and Prometheus always lists 0.0.4 beside it.
 */
export function negotiateFormat(accept: string | undefined): NegotiatedFormat {
  if (!accept) return TEXT;
  for (const e of parseAccept(accept)) {
    if (e.type === 'application/openmetrics-text') {
      const version = e.params.get('version') ?? '0.0.1';
      if (version === '1.0.0') return { format: 'openmetrics', contentType: OPENMETRICS_CONTENT_TYPE };
      if (version === '0.0.1') return { format: 'openmetrics', contentType: OPENMETRICS_0_0_1_CONTENT_TYPE };
    } else if (e.type === 'text/plain') {
      const version = e.params.get('version') ?? '0.0.4';
      if (version === '0.0.4') return TEXT;
    } else if (e.type === '*/*' || e.type === 'text/*') {
      return TEXT;
    }
  }
  return TEXT;
}

/** Whether the client accepts gzip (Accept-Encoding, honouring q=0). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== 'gzip' && name !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q === undefined || Number(q.slice(2)) > 0) return true;
  }
  return false;
}

export function escapeHelp(help: string): string {
  return help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

/** Characters a label value escapes; almost no value has one, so one test spares three replaces. */
const LABEL_VALUE_SPECIAL = /[\\\n"]/;

export function escapeLabelValue(value: string): string {
  if (!LABEL_VALUE_SPECIAL.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function renderLabels(labels: Labels): string {
  let out = '';
  for (const name in labels) {
    out += `${out ? ',' : ''}${name}="${escapeLabelValue(String(labels[name]))}"`;
  }
  return out ? `{${out}}` : '';
}

/** Prometheus text format 0.0.4. Families must already be merged (mergeFamilies). */
export function renderText(families: readonly MetricFamily[]): string {
  const chunks: string[] = [];
  for (const f of families) {
    chunks.push(`# HELP ${f.name} ${escapeHelp(f.help)}\n# TYPE ${f.name} ${f.type}\n`, renderSamples(f));
  }
  return chunks.join('');
}

/** Text 0.0.4 writes milliseconds, OpenMetrics seconds. */
function renderTimestamp(ms: number, format: ExpositionFormat): string {
  return format === 'openmetrics' ? ` ${formatValue(ms / 1000)}` : ` ${Math.round(ms)}`;
}

/**
 * One family's sample lines as one string: the per-line strings die family by family instead of
 * all living until the end, which halves the peak heap of a 200k-series exposition.
 */
function renderSamples(f: MetricFamily, format: ExpositionFormat = 'text'): string {
  const lines: string[] = new Array(f.samples.length);
  for (let i = 0; i < f.samples.length; i++) {
    const s = f.samples[i] as MetricFamily['samples'][number];
    lines[i] = `${f.name}${s.suffix}${renderLabels(s.labels)} ${formatValue(s.value)}${s.timestampMs === undefined ? '' : renderTimestamp(s.timestampMs, format)}\n`;
  }
  return lines.join('');
}

/**
 * OpenMetrics 1.0.0 text. A counter's family name drops the `_total` its samples carry; a counter
 * whose name has no `_total` (the Go exporters have a few) cannot be an OpenMetrics counter and is
 * exposed as `unknown` under its own name, so the series name Prometheus stores stays the same in
 * both formats. Untyped becomes unknown.
 */
export function renderOpenMetrics(families: readonly MetricFamily[]): string {
  const chunks: string[] = [];
  for (const f of families) {
    let familyName = f.name;
    let type: string = f.type;
    if (f.type === 'counter') {
      if (f.name.endsWith('_total')) familyName = f.name.slice(0, -'_total'.length);
      else type = 'unknown';
    } else if (f.type === 'untyped') {
      type = 'unknown';
    }
    chunks.push(`# TYPE ${familyName} ${type}\n# HELP ${familyName} ${escapeLabelValue(f.help)}\n`, renderSamples(f, 'openmetrics'));
  }
  chunks.push('# EOF\n');
  return chunks.join('');
}

export function render(families: readonly MetricFamily[], format: ExpositionFormat): string {
  return format === 'openmetrics' ? renderOpenMetrics(families) : renderText(families);
}

export async function gzipBody(body: string): Promise<Buffer> {
  return gzipAsync(body, { level: 1 });
}
