import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import {
  MetricSink, acceptsGzip, negotiateFormat, renderOpenMetrics, renderText, mergeFamilies, silentLogger,
  OPENMETRICS_CONTENT_TYPE, TEXT_CONTENT_TYPE,
} from '../src/index.js';
import { gzipBody } from '../src/exposition.js';

// Accept headers as Prometheus sends them (2.x default, 3.x default, 3.x with text only).
const PROM2 = 'application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1';
const PROM3 = 'application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,application/openmetrics-text;version=0.0.1;q=0.5,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2';
const PROM3_TEXT_FIRST = 'text/plain;version=1.0.0;escaping=allow-utf-8;q=0.5,text/plain;version=0.0.4;q=0.4,*/*;q=0.1';

describe('negotiateFormat', () => {
  it.each([
    [undefined, 'text', TEXT_CONTENT_TYPE],
    ['', 'text', TEXT_CONTENT_TYPE],
    [PROM2, 'openmetrics', OPENMETRICS_CONTENT_TYPE],
    [PROM3, 'openmetrics', OPENMETRICS_CONTENT_TYPE],
    [PROM3_TEXT_FIRST, 'text', TEXT_CONTENT_TYPE],
    ['text/plain', 'text', TEXT_CONTENT_TYPE],
    ['*/*', 'text', TEXT_CONTENT_TYPE],
    ['application/json', 'text', TEXT_CONTENT_TYPE],
    ['application/openmetrics-text', 'openmetrics', 'application/openmetrics-text; version=0.0.1; charset=utf-8'],
    ['application/openmetrics-text;version=2.0.0', 'text', TEXT_CONTENT_TYPE],
    // q-values decide, not the order
    ['text/plain;version=0.0.4;q=0.9,application/openmetrics-text;version=1.0.0;q=0.5', 'text', TEXT_CONTENT_TYPE],
    ['text/plain;version=0.0.4;q=0.3,application/openmetrics-text;version=1.0.0;q=0.5', 'openmetrics', OPENMETRICS_CONTENT_TYPE],
    // q=0 means "not acceptable"
    ['application/openmetrics-text;version=1.0.0;q=0,text/plain;q=0.1', 'text', TEXT_CONTENT_TYPE],
  ])('%s → %s', (accept, format, contentType) => {
    expect(negotiateFormat(accept)).toEqual({ format, contentType });
  });
});

describe('acceptsGzip', () => {
  it.each([
    [undefined, false], ['', false], ['gzip', true], ['deflate, gzip;q=1.0, *;q=0.5', true],
    ['gzip;q=0', false], ['identity', false], ['*', true], ['br;q=1, gzip;q=0.001', true],
  ])('%s → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });

  it('gzip round-trips the body', async () => {
    const body = renderText(new MetricSink().gauge('x', 'h', 1).toFamilies());
    expect(gunzipSync(await gzipBody(body)).toString()).toBe(body);
  });
});

describe('renderText', () => {
  it('escapes help and label values and spells special values as Prometheus expects', () => {
    const families = new MetricSink()
      .gauge('demo_value', 'Help with \\ backslash\nand newline', NaN, { path: 'C:\\dir "quoted"\nnext' })
      .gauge('demo_value', 'ignored', Infinity, { path: 'b' })
      .gauge('demo_value', 'ignored', -Infinity, { path: 'c' })
      .counter('demo_events_total', 'Events.', 1.5e21)
      .toFamilies();
    expect(renderText(mergeFamilies([families], silentLogger))).toBe(
      '# HELP demo_events_total Events.\n' +
      '# TYPE demo_events_total counter\n' +
      'demo_events_total 1.5e+21\n' +
      '# HELP demo_value Help with \\\\ backslash\\nand newline\n' +
      '# TYPE demo_value gauge\n' +
      'demo_value{path="C:\\\\dir \\"quoted\\"\\nnext"} NaN\n' +
      'demo_value{path="b"} +Inf\n' +
      'demo_value{path="c"} -Inf\n',
    );
  });

  it('renders histograms and summaries with le/quantile and _sum/_count', () => {
    const families = new MetricSink()
      .histogram('demo_latency_seconds', 'Latency.', { buckets: [[0.1, 2], [1, 5]], sum: 3.5, count: 6 }, { op: 'get' })
      .summary('demo_size_bytes', 'Size.', { quantiles: [[0.5, 10], [0.99, 40]], sum: 100, count: 7 })
      .toFamilies();
    expect(renderText(families)).toBe(
      '# HELP demo_latency_seconds Latency.\n# TYPE demo_latency_seconds histogram\n' +
      'demo_latency_seconds_bucket{op="get",le="0.1"} 2\n' +
      'demo_latency_seconds_bucket{op="get",le="1"} 5\n' +
      'demo_latency_seconds_bucket{op="get",le="+Inf"} 6\n' +
      'demo_latency_seconds_sum{op="get"} 3.5\n' +
      'demo_latency_seconds_count{op="get"} 6\n' +
      '# HELP demo_size_bytes Size.\n# TYPE demo_size_bytes summary\n' +
      'demo_size_bytes{quantile="0.5"} 10\n' +
      'demo_size_bytes{quantile="0.99"} 40\n' +
      'demo_size_bytes_sum 100\n' +
      'demo_size_bytes_count 7\n',
    );
  });
});

describe('renderOpenMetrics', () => {
  it('names counter families without _total, maps untyped and _total-less counters to unknown, ends with # EOF', () => {
    const families = new MetricSink()
      .counter('demo_requests_total', 'Requests.', 3, { code: '200' })
      .counter('demo_bytes_received', 'A Go-exporter counter without _total.', 7)
      .untyped('demo_raw', 'Untyped.', 1)
      .gauge('demo_temp_celsius', 'Temp.', -1.25)
      .toFamilies();
    expect(renderOpenMetrics(mergeFamilies([families], silentLogger))).toBe(
      '# TYPE demo_bytes_received unknown\n# HELP demo_bytes_received A Go-exporter counter without _total.\n' +
      'demo_bytes_received 7\n' +
      '# TYPE demo_raw unknown\n# HELP demo_raw Untyped.\ndemo_raw 1\n' +
      '# TYPE demo_requests counter\n# HELP demo_requests Requests.\ndemo_requests_total{code="200"} 3\n' +
      '# TYPE demo_temp_celsius gauge\n# HELP demo_temp_celsius Temp.\ndemo_temp_celsius -1.25\n' +
      '# EOF\n',
    );
  });
});

describe('mergeFamilies', () => {
  it('drops duplicate series and type clashes, logs them, keeps the first', () => {
    const logged: string[] = [];
    const logger = { ...silentLogger, warn: (m: string) => { logged.push(m); } };
    const a = new MetricSink().gauge('m', 'first', 1, { a: '1', b: '2' }).toFamilies();
    const b = new MetricSink().gauge('m', 'second', 2, { b: '2', a: '1' }).gauge('m', 'x', 3, { a: '9', b: '2' }).toFamilies();
    const c = new MetricSink().counter('m', 'clash', 4).toFamilies();
    const merged = mergeFamilies([a, b, c], logger);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.help).toBe('first');
    expect(merged[0]!.samples.map((s) => s.value)).toEqual([1, 3]);
    expect(logged).toEqual(['dropped duplicate series', 'dropping metric family redeclared with another type']);
  });

  it('drops series with reserved or invalid label names', () => {
    const fam = { name: 'm', help: 'h', type: 'gauge' as const, samples: [
      { suffix: '' as const, labels: { __name__: 'x' }, value: 1 },
      { suffix: '' as const, labels: { 'bad-name': 'x' }, value: 2 },
      { suffix: '' as const, labels: { ok: 'x' }, value: 3 },
    ] };
    expect(mergeFamilies([[fam]], silentLogger)[0]!.samples.map((s) => s.value)).toEqual([3]);
  });

  it('passes an already merged family through untouched, but still dedups it against another part', () => {
    const once = mergeFamilies([new MetricSink().gauge('m', 'h', 1, { a: '1' }).toFamilies()], silentLogger);
    const again = mergeFamilies([once, new MetricSink().gauge('other', 'h', 2).toFamilies()], silentLogger);
    expect(again.find((f) => f.name === 'm')).toBe(once[0]);
    const clash = mergeFamilies([once, new MetricSink().gauge('m', 'h', 3, { a: '1' }).gauge('m', 'h', 4, { a: '2' }).toFamilies()], silentLogger);
    expect(clash[0]!.samples.map((x) => x.value)).toEqual([1, 4]);
  });

  it('finds duplicates inside one family whatever the label order, and returns a clean family as it is', () => {
    const logged: string[] = [];
    const logger = { ...silentLogger, warn: (m: string) => { logged.push(m); } };
    const dup = new MetricSink().gauge('m', 'h', 1, { a: '1', b: '2' }).gauge('m', 'h', 2, { a: '2', b: '1' })
      .gauge('m', 'h', 3, { b: '2', a: '1' }).gauge('m', 'h', 4, { a: '1' }).gauge('m', 'h', 5, { a: '1', b: '2', c: '' }).toFamilies();
    expect(mergeFamilies([dup], logger)[0]!.samples.map((s) => s.value)).toEqual([1, 2, 4, 5]);
    expect(logged).toEqual(['dropped duplicate series']);
    const clean = new MetricSink().gauge('n', 'h', 1, { a: '1' }).gauge('n', 'h', 2, { a: '2' }).toFamilies();
    expect(mergeFamilies([clean], silentLogger)[0]).toBe(clean[0]);
  });

  it('keeps every distinct series of a family large enough for hash collisions, and still finds its duplicates', () => {
    // 200k series in a 30-bit hash space: about 19 colliding pairs are expected (15 with these labels).
    const sink = new MetricSink();
    for (let i = 0; i < 200_000; i++) sink.gauge('big', 'h', i, { id: String(i), shard: String(i % 7) });
    sink.gauge('big', 'h', -1, { shard: '3', id: '10' });
    sink.gauge('big', 'h', -2, { id: '199999', shard: String(199_999 % 7) });
    const merged = mergeFamilies([sink.toFamilies()], silentLogger)[0]!;
    expect(merged.samples).toHaveLength(200_000);
    expect(merged.samples.at(-1)!.value).toBe(199_999);
  });

  it('keeps a series repeated with ascending timestamps, in one family and across parts, and drops other repeats', () => {
    const logged: string[] = [];
    const logger = { ...silentLogger, warn: (m: string) => { logged.push(m); } };
    const at = (value: number, timestampMs?: number) => ({ suffix: '' as const, labels: { a: '1' }, value, ...(timestampMs === undefined ? {} : { timestampMs }) });
    const family = (...samples: ReturnType<typeof at>[]) => [{ name: 'm', help: 'h', type: 'gauge' as const, samples }];
    // Equal, earlier and untimed repeats go; only later ones stay.
    const one = mergeFamilies([family(at(1, 1000), at(2, 2000), at(3, 2000), at(4, 1500), at(5), at(6, 3000))], logger);
    expect(one[0]!.samples.map((s) => [s.value, s.timestampMs])).toEqual([[1, 1000], [2, 2000], [6, 3000]]);
    expect(renderText(one)).toBe('# HELP m h\n# TYPE m gauge\nm{a="1"} 1 1000\nm{a="1"} 2 2000\nm{a="1"} 6 3000\n');
    // An untimed sample has no successor.
    expect(mergeFamilies([family(at(1), at(2, 1000))], silentLogger)[0]!.samples.map((s) => s.value)).toEqual([1]);
    const parts = mergeFamilies([family(at(1, 1000)), family(at(2, 2000), at(3, 2000)), family(at(4, 500), at(5, 4000))], silentLogger);
    expect(parts[0]!.samples.map((s) => s.value)).toEqual([1, 2, 5]);
    expect(logged).toEqual(['dropped duplicate series']);
  });

  it('keeps ascending repeats of series whose hashes collide, and drops their other repeats', () => {
    // As above: 200k series hold about 15 colliding pairs; every series comes at t=1, t=2 and t=2 again.
    const samples = [];
    for (const t of [1, 2, 2]) for (let i = 0; i < 200_000; i++) samples.push({ suffix: '' as const, labels: { id: String(i), shard: String(i % 7) }, value: t, timestampMs: t });
    let dropped = 0;
    const merged = mergeFamilies([[{ name: 'big', help: 'h', type: 'gauge', samples }]], silentLogger, (n) => { dropped = n; })[0]!;
    expect(merged.samples).toHaveLength(400_000);
    expect(dropped).toBe(200_000);
  });

  it('sorts families by name', () => {
    const f = new MetricSink().gauge('b', 'h', 1).gauge('a', 'h', 1).gauge('c', 'h', 1).toFamilies();
    expect(mergeFamilies([f], silentLogger).map((x) => x.name)).toEqual(['a', 'b', 'c']);
  });
});

describe('MetricSink', () => {
  it('rejects an invalid name and a type change inside one collector', () => {
    expect(() => new MetricSink().gauge('1bad', 'h', 1)).toThrow(/invalid metric name/);
    expect(() => new MetricSink().gauge('m', 'h', 1).counter('m', 'h', 1)).toThrow(/used as counter/);
  });
});
