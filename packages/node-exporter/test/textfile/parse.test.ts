import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/procfs/errors.js';
import { parseTextFormat } from '../../src/textfile/parse.js';
import { value } from '../collect.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('parseTextFormat', () => {
  it('reads HELP, TYPE, labels with escapes, special values, histograms and summaries', () => {
    const r = parseTextFormat([
      '# HELP job_runs_total Runs of the\\nbackup job.',
      '# TYPE job_runs_total counter',
      'job_runs_total{job="backup",path="C:\\\\data",note="say \\"hi\\""} 17',
      '# a free comment',
      '',
      'plain_metric NaN',
      'inf_metric{a="b",} +Inf',
      '# TYPE lat histogram',
      'lat_bucket{le="0.5"} 3',
      'lat_bucket{le="+Inf"} 5',
      'lat_sum 2.5',
      'lat_count 5',
      '# TYPE rpc summary',
      'rpc{quantile="0.9"} 0.2',
      'rpc_sum 10',
      'rpc_count 40',
    ].join('\n'));
    expect(r.hasTimestamps).toBe(false);
    const runs = r.families.find((f) => f.name === 'job_runs_total');
    expect(runs).toMatchObject({ type: 'counter', help: 'Runs of the\nbackup job.' });
    expect(runs?.samples[0]?.labels).toEqual({ job: 'backup', path: 'C:\\data', note: 'say "hi"' });
    expect(Number.isNaN(r.families.find((f) => f.name === 'plain_metric')?.samples[0]?.value)).toBe(true);
    // As node_exporter's parser: a carriage return is not a separator, so a CRLF file is malformed.
    expect(() => parseTextFormat('ok 1\nplain_metric NaN\r\n')).toThrow(/line 2/);
    expect(r.families.find((f) => f.name === 'inf_metric')?.samples[0]).toEqual({ suffix: '', labels: { a: 'b' }, value: Infinity });
    const lat = r.families.find((f) => f.name === 'lat');
    expect(lat?.type).toBe('histogram');
    expect(lat?.samples.map((s) => s.suffix)).toEqual(['_bucket', '_bucket', '_sum', '_count']);
    expect(r.families.find((f) => f.name === 'rpc')?.samples).toHaveLength(3);
    expect(r.families.map((f) => f.name)).toEqual(['job_runs_total', 'plain_metric', 'inf_metric', 'lat', 'rpc']);
  });

  it('flags timestamps', () => {
    expect(parseTextFormat('x 1 1700000000000\n').hasTimestamps).toBe(true);
  });

  it.each([
    ['bad name', '9x 1'],
    ['bad label name', 'x{9="a"} 1'],
    ['unterminated value', 'x{a="b} 1'],
    ['duplicate label', 'x{a="1",a="2"} 1'],
    ['bad value', 'x one'],
    ['missing value', 'x{a="1"}'],
    ['second TYPE', '# TYPE x gauge\n# TYPE x gauge\nx 1'],
    ['TYPE after samples', 'x 1\n# TYPE x gauge'],
    ['unknown type', '# TYPE x gaugeish\nx 1'],
    ['bucket without le', '# TYPE h histogram\nh_bucket 1'],
    ['bad escape', 'x{a="\\q"} 1'],
    ['reserved label', 'x{__name__="y"} 1'],
  ])('rejects %s with a ParseError naming the line', (_, text) => {
    expect(() => parseTextFormat(text, 'f.prom')).toThrow(ParseError);
  });
});

describe('parse parser under garbage input', () => {
  itSurvivesGarbage('text format', '# HELP a b\n# TYPE a gauge\na{x="1"} 2\n# TYPE h histogram\nh_bucket{le="1"} 1\nh_sum 1\nh_count 1\n', (t) => parseTextFormat(t), { seed: 87109, reachesErrors: true });
});
