/**
 * The textfile parser against what Go's expfmt text parser (node_exporter 1.5.0's textfile
 * collector) accepts and rejects; every accept/reject case below was checked with the Debian
 * binary. Parsed records are pinned whole (toStrictEqual, so a missing HELP is `undefined`, not
 * ''), error messages exactly, line numbers included.
 */
import { describe, expect, it } from 'vitest';
import type { Sample } from '@scrapekit/exporter-kit';
import { ParseError } from '../../src/procfs/errors.js';
import { parseTextFormat, parseValue, type TextFamily } from '../../src/textfile/parse.js';
import { itSurvivesGarbage } from '../garbage.js';

const families = (text: string): TextFamily[] => parseTextFormat(text, 'f.prom').families;

const fam = (name: string, type: TextFamily['type'], samples: Sample[], help?: string): TextFamily => ({ name, help, type, samples });
const smp = (value: number, labels: Record<string, string> = {}, suffix: Sample['suffix'] = ''): Sample => ({ suffix, labels, value });

/** The message of the ParseError `text` raises (failing the test if it raises nothing or something else). */
function rejection(text: string, source?: string): string {
  const err = ((): unknown => {
    try {
      parseTextFormat(text, source);
    } catch (e) {
      return e;
    }
    return undefined;
  })();
  expect(err).toBeInstanceOf(ParseError);
  return (err as ParseError).message;
}

/** One test per [what, text, exact message] row: parsing `text` as f.prom fails with that message. */
function itRejects(cases: ReadonlyArray<[string, string, string]>): void {
  it.each(cases)('rejects %s', (_, text, message) => {
    expect(rejection(text, 'f.prom')).toBe(message);
  });
}

describe('parseTextFormat: records', () => {
  it('reads HELP, TYPE, labels with escapes, special values, histograms and summaries, families in first-mention order', () => {
    const r = parseTextFormat([
      '# HELP job_runs_total Runs of the\\nbackup job in C:\\\\data.',
      '# TYPE job_runs_total counter',
      'job_runs_total{job="backup",path="C:\\\\data",note="say \\"hi\\"\\n"} 17',
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
      '',
    ].join('\n'));
    expect(r).toStrictEqual({
      hasTimestamps: false,
      families: [
        fam('job_runs_total', 'counter', [smp(17, { job: 'backup', path: 'C:\\data', note: 'say "hi"\n' })], 'Runs of the\nbackup job in C:\\data.'),
        fam('plain_metric', 'untyped', [smp(Number.NaN)]),
        fam('inf_metric', 'untyped', [smp(Number.POSITIVE_INFINITY, { a: 'b' })]),
        fam('lat', 'histogram', [smp(3, { le: '0.5' }, '_bucket'), smp(5, { le: '+Inf' }, '_bucket'), smp(2.5, {}, '_sum'), smp(5, {}, '_count')]),
        fam('rpc', 'summary', [smp(0.2, { quantile: '0.9' }), smp(10, {}, '_sum'), smp(40, {}, '_count')]),
      ],
    });
  });

  it('skips leading blanks and tabs and blank lines; a HELP or TYPE line creates its family where it stands', () => {
    expect(families(' \t# HELP b Second.\n\t \n  a 1\n\tb{x="y"} 2\n   \n')).toStrictEqual([
      fam('b', 'untyped', [smp(2, { x: 'y' })], 'Second.'),
      fam('a', 'untyped', [smp(1)]),
    ]);
  });

  it('drops families that end up without samples', () => {
    expect(families('# HELP lonely Never sampled.\n# TYPE alone gauge\nx 1\n')).toStrictEqual([fam('x', 'untyped', [smp(1)])]);
  });

  it('names the source in messages, "textfile" unless told', () => {
    expect(rejection('9x 1\n')).toBe('textfile: invalid metric name at "9x 1" (line 1)');
    expect(rejection('9x 1\n', 'a.prom')).toBe('a.prom: invalid metric name at "9x 1" (line 1)');
  });
});

describe('parseTextFormat: line ends', () => {
  it('wants every non-blank line to end with a newline (Go: "unexpected end of input stream")', () => {
    expect(rejection('x 1', 'f.prom')).toBe('f.prom: the last line does not end with a newline (line 1)');
    expect(rejection('x 1\n# done', 'f.prom')).toBe('f.prom: the last line does not end with a newline (line 2)');
    expect(families('x 1\n \t')).toStrictEqual([fam('x', 'untyped', [smp(1)])]);
    expect(families('')).toStrictEqual([]);
  });

  it('does not take a carriage return for a separator', () => {
    expect(rejection('ok 1\nplain_metric NaN\r\n', 'f.prom')).toBe('f.prom: invalid value "NaN\\r" for plain_metric (line 2)');
    expect(rejection('# TYPE x counter\r\nx 1\n', 'f.prom')).toBe('f.prom: unknown type "counter\\r" for x (line 1)');
  });
});

describe('parseTextFormat: HELP and TYPE lines', () => {
  it('takes HELP and TYPE after any blanks and tabs after the #, none included', () => {
    expect(families('#TYPE a counter\n#HELP a A.\na 1\n#  \tTYPE b gauge\n# \t HELP b B.\nb 2\n')).toStrictEqual([
      fam('a', 'counter', [smp(1)], 'A.'),
      fam('b', 'gauge', [smp(2)], 'B.'),
    ]);
  });

  it('treats other comments as free text, even with HELP or TYPE further on', () => {
    expect(families('# note # TYPE x counter\n## HELP x y\n# HELPER x y\n# TYPE\n# HELP\n#\nx 1\n')).toStrictEqual([fam('x', 'untyped', [smp(1)])]);
    // Only blanks and tabs separate the words: other white space makes a word of its own.
    expect(families('#\vTYPE x counter\n# TYPE\fx gauge\n#\rHELP x h\nx 1\n')).toStrictEqual([fam('x', 'untyped', [smp(1)])]);
  });

  it('allows blanks and tabs between the words, and keeps the rest of a HELP line verbatim', () => {
    expect(families('# HELP \t x \t Some help \t\n# TYPE\tx\t \tgauge\nx 1\n')).toStrictEqual([fam('x', 'gauge', [smp(1)], 'Some help \t')]);
    expect(families('# HELP x a\rb\nx 1\n')).toStrictEqual([fam('x', 'untyped', [smp(1)], 'a\rb')]);
  });

  it('ignores a HELP or TYPE with nothing after the name, so a later one still counts', () => {
    expect(families('# HELP x\n# TYPE x\n# HELP x \t\n# TYPE x \nx 1\n')).toStrictEqual([fam('x', 'untyped', [smp(1)])]);
    expect(families('# HELP x \n# HELP x Real.\n# TYPE x\n# TYPE x counter\nx 1\n')).toStrictEqual([fam('x', 'counter', [smp(1)], 'Real.')]);
  });

  it('unescapes \\\\ and \\n in HELP and refuses every other escape', () => {
    expect(families('# HELP x a\\\\nb\\\\\\\\c\\nd\nx 1\n')[0]?.help).toBe('a\\nb\\\\c\nd');
    expect(rejection('# HELP x a\\qb\nx 1\n', 'f.prom')).toBe('f.prom: invalid escape \\q in HELP (line 1)');
    expect(rejection('x 1\n# HELP x say \\"hi\\"\n', 'f.prom')).toBe('f.prom: invalid escape \\" in HELP (line 2)');
    expect(rejection('# HELP x ends in \\\nx 1\n', 'f.prom')).toBe('f.prom: invalid escape \\ in HELP (line 1)');
    expect(rejection('# HELP x a\\\rb\nx 1\n', 'f.prom')).toBe('f.prom: invalid escape \\\r in HELP (line 1)');
  });

  it('reads TYPE in any case', () => {
    expect(families('# TYPE a COUNTER\na 1\n# TYPE b Gauge\nb 1\n# TYPE c uNtYpEd\nc 1\n').map((f) => f.type)).toEqual(['counter', 'gauge', 'untyped']);
    expect(families('# TYPE h HISTOGRAM\nh_sum 1\n# TYPE s Summary\ns_sum 1\n').map((f) => [f.type, f.samples[0]?.suffix])).toEqual([['histogram', '_sum'], ['summary', '_sum']]);
  });

  it('applies HELP and TYPE of a summary or histogram suffix name to the typed family', () => {
    expect(families('# TYPE x summary\n# HELP x_sum Sum help.\nx_sum 1\nx_count 2\n')).toStrictEqual([
      fam('x', 'summary', [smp(1, {}, '_sum'), smp(2, {}, '_count')], 'Sum help.'),
    ]);
    expect(rejection('# TYPE x summary\n# TYPE x_count gauge\nx_count 2\n', 'f.prom')).toBe('f.prom: second TYPE line for x (line 2)');
  });

  itRejects([
    ['a name starting with a digit', '# HELP 9x y\nx 1\n', 'f.prom: invalid metric name "9x" (line 1)'],
    ['a name with a dash', '# TYPE x-y gauge\n', 'f.prom: invalid metric name "x-y" (line 1)'],
    ['a brace after the name', '# HELP x{ y\n', 'f.prom: invalid metric name "x{" (line 1)'],
    ['a long name starting with a dash', '# HELP -abcdefghijklmnop y\n', 'f.prom: invalid metric name "-abcdefghijklmnop" (line 1)'],
    ['a second HELP', 'x 1\n# HELP x a\n# HELP x b\n', 'f.prom: second HELP line for x (line 3)'],
    ['a second TYPE', '# TYPE x gauge\n# TYPE x gauge\nx 1\n', 'f.prom: second TYPE line for x (line 2)'],
    ['a second TYPE after samples', '# TYPE x gauge\nx 1\n# TYPE x counter\n', 'f.prom: second TYPE line for x (line 3)'],
    ['a TYPE after samples', 'x 1\n\n# TYPE x untyped\n', 'f.prom: TYPE line for x after its samples (line 3)'],
    ['an unknown type', '# TYPE x gaugeish\nx 1\n', 'f.prom: unknown type "gaugeish" for x (line 1)'],
    ['gauge_histogram (node_exporter 1.5.0 panics on it)', '# TYPE x gauge_histogram\nx 1\n', 'f.prom: unknown type "gauge_histogram" for x (line 1)'],
    ['a type with a trailing blank', '# TYPE x counter \nx 1\n', 'f.prom: unknown type "counter " for x (line 1)'],
    ['two words of type', '# TYPE x gauge counter\n', 'f.prom: unknown type "gauge counter" for x (line 1)'],
  ]);
});

describe('parseTextFormat: sample lines', () => {
  it('separates name, labels, value and timestamp by blanks and tabs, or by nothing where Go needs nothing', () => {
    expect(families('a \t{x="1"} \t2\nb{x="1"}3\nc-4\nd+Inf\ne.5\nf\t6\ng{}7\n')).toStrictEqual([
      fam('a', 'untyped', [smp(2, { x: '1' })]),
      fam('b', 'untyped', [smp(3, { x: '1' })]),
      fam('c', 'untyped', [smp(-4)]),
      fam('d', 'untyped', [smp(Number.POSITIVE_INFINITY)]),
      fam('e', 'untyped', [smp(0.5)]),
      fam('f', 'untyped', [smp(6)]),
      fam('g', 'untyped', [smp(7)]),
    ]);
  });

  it('allows blanks and tabs around every label token', () => {
    expect(families('x{ \ta \t= \t"1" \t, \tb="2" \t, \t} 1\ny{a\t=\t"1"\t,b= "2" } 2\n')).toStrictEqual([
      fam('x', 'untyped', [smp(1, { a: '1', b: '2' })]),
      fam('y', 'untyped', [smp(2, { a: '1', b: '2' })]),
    ]);
  });

  it('accepts colons in metric names, underscores and digits in label names, and empty or odd label values', () => {
    expect(families(':a:b_9 1\nm{_a9="",a__="x y=,}{"} 2\n')).toStrictEqual([
      fam(':a:b_9', 'untyped', [smp(1)]),
      fam('m', 'untyped', [smp(2, { _a9: '', a__: 'x y=,}{' })]),
    ]);
  });

  it('flags timestamps (integers, signed or not) and otherwise leaves hasTimestamps false', () => {
    expect(parseTextFormat('x 1\n').hasTimestamps).toBe(false);
    expect(parseTextFormat('x 1 1700000000000\n')).toStrictEqual({ hasTimestamps: true, families: [fam('x', 'untyped', [smp(1)])] });
    expect(parseTextFormat('x 1\ny 2 \t -15\n').hasTimestamps).toBe(true);
    expect(parseTextFormat('x{a="1"} 1\t+25\n').hasTimestamps).toBe(true);
  });

  itRejects([
    ['no metric name', '{a="1"} 1\n', 'f.prom: invalid metric name at "{a=\\"1\\"} 1" (line 1)'],
    ['a long bad line, quoted to 30 characters', 'x 1\n-abcdefghijklmnopqrstuvwxyz0123456789 1\n', 'f.prom: invalid metric name at "-abcdefghijklmnopqrstuvwxyz012" (line 2)'],
    ['a bad label name', 'x{9="a"} 1\n', 'f.prom: invalid label name at "9=\\"a\\"} 1" (line 1)'],
    ['a long bad label name, quoted to 10 characters', 'x{a="1",-bcdefghijklmn="2"} 1\n', 'f.prom: invalid label name at "-bcdefghij" (line 1)'],
    ['an empty label between commas', 'x{a="1",,b="2"} 1\n', 'f.prom: invalid label name at ",b=\\"2\\"} 1" (line 1)'],
    ['a label without =', 'x{a:"1"} 1\n', 'f.prom: expected = after label a (line 1)'],
    ['an unquoted label value', 'x{a=1} 1\n', 'f.prom: expected quoted value for label a (line 1)'],
    ['an unterminated value', 'x{a="b} 1\n', 'f.prom: unterminated value of label a (line 1)'],
    ['labels without a separator', 'x{a="1" b="2"} 1\n', 'f.prom: expected , or } after label a (line 1)'],
    ['unclosed labels', 'x{a="1"\n', 'f.prom: expected , or } after label a (line 1)'],
    ['a bad escape', 'x{a="\\q"} 1\n', 'f.prom: invalid escape \\q in label a (line 1)'],
    ['a backslash ending the line', 'x{a="\\\n', 'f.prom: invalid escape \\ in label a (line 1)'],
    ['a reserved label name', 'x{__name__="y"} 1\n', 'f.prom: reserved label name __name__ (line 1)'],
    ['any label name starting with __', 'x{__a="y"} 1\n', 'f.prom: reserved label name __a (line 1)'],
    ['a duplicate label', 'x{a="1",b="2",a="1"} 1\n', 'f.prom: duplicate label a (line 1)'],
    ['a duplicate le outside histograms', '# TYPE g gauge\ng{le="1",le="2"} 1\n', 'f.prom: duplicate label le (line 2)'],
    ['a duplicate quantile outside summaries', '# TYPE c counter\nc{quantile="1",quantile="2"} 1\n', 'f.prom: duplicate label quantile (line 2)'],
    ['a duplicate le in a summary', '# TYPE s summary\ns{le="1",le="2",quantile="0.5"} 1\n', 'f.prom: duplicate label le (line 2)'],
    ['a missing value', 'x{a="1"}\n', 'f.prom: expected "value [timestamp]" for x (line 1)'],
    ['a missing value after blanks', 'x \t\n', 'f.prom: expected "value [timestamp]" for x (line 1)'],
    ['a third field', 'x 1 2 3\n', 'f.prom: expected "value [timestamp]" for x (line 1)'],
    ['a blank after the timestamp', 'x 1 2 \n', 'f.prom: expected "value [timestamp]" for x (line 1)'],
    ['a word for a value', 'x one\n', 'f.prom: invalid value "one" for x (line 1)'],
    ['a blank after the value (an empty timestamp)', 'x 1 \n', 'f.prom: invalid timestamp "" (line 1)'],
    ['a fractional timestamp', 'x 1 1.5\n', 'f.prom: invalid timestamp "1.5" (line 1)'],
    ['a timestamp with a prefix', 'x 1 t15\n', 'f.prom: invalid timestamp "t15" (line 1)'],
    ['a timestamp with a suffix', 'x 1 15ms\n', 'f.prom: invalid timestamp "15ms" (line 1)'],
    ['a doubly signed timestamp', 'x 1 +-15\n', 'f.prom: invalid timestamp "+-15" (line 1)'],
  ]);
});

describe('parseTextFormat: histograms and summaries', () => {
  it('gives a typed histogram its _bucket, _sum and _count names, and takes a bare name with le for a bucket', () => {
    expect(families('# TYPE h histogram\nh{le="1"} 1\nh_bucket{le="2",a="x"} 2\nh_sum{le="3"} 3\nh_count 4\nh 5\nh_bucket{a="y"} 6\n')).toStrictEqual([
      fam('h', 'histogram', [
        smp(1, { le: '1' }, '_bucket'),
        smp(2, { le: '2', a: 'x' }, '_bucket'),
        smp(3, { le: '3' }, '_sum'),
        smp(4, {}, '_count'),
        smp(5),
        smp(6, { a: 'y' }, '_bucket'),
      ]),
    ]);
  });

  it('lets le repeat in a histogram and quantile in a summary, the last one counting, as Go', () => {
    expect(families('# TYPE h histogram\nh_bucket{le="1",le="2"} 1\n')).toStrictEqual([fam('h', 'histogram', [smp(1, { le: '2' }, '_bucket')])]);
    expect(families('# TYPE s summary\ns{quantile="1",a="b",quantile="0.5"} 1\n')).toStrictEqual([fam('s', 'summary', [smp(1, { quantile: '0.5', a: 'b' })])]);
  });

  it('gives a typed summary _sum and _count but no _bucket, and keeps samples without quantile', () => {
    expect(families('# TYPE s summary\ns 1\ns_sum{quantile="0.5"} 2\ns_count 3\ns_bucket 4\n')).toStrictEqual([
      fam('s', 'summary', [smp(1), smp(2, { quantile: '0.5' }, '_sum'), smp(3, {}, '_count')]),
      fam('s_bucket', 'untyped', [smp(4)]),
    ]);
  });

  it('leaves suffixed names alone for other types, for untyped bases, for look-alike names and for families that exist already', () => {
    expect(families('# TYPE g gauge\ng_sum 1\ng_count 2\nm 3\nm_bucket{le="1"} 4\nm{le="x",quantile="y"} 5\n')).toStrictEqual([
      fam('g_sum', 'untyped', [smp(1)]),
      fam('g_count', 'untyped', [smp(2)]),
      fam('m', 'untyped', [smp(3), smp(5, { le: 'x', quantile: 'y' })]),
      fam('m_bucket', 'untyped', [smp(4, { le: '1' })]),
    ]);
    expect(families('# TYPE h histogram\nhabcdefg 1\nh_sumx 2\nh_count 3\n')).toStrictEqual([
      fam('h', 'histogram', [smp(3, {}, '_count')]),
      fam('habcdefg', 'untyped', [smp(1)]),
      fam('h_sumx', 'untyped', [smp(2)]),
    ]);
    expect(families('x_count 1\n# TYPE x summary\nx_count 2\nx_sum 3\n')).toStrictEqual([
      fam('x_count', 'untyped', [smp(1), smp(2)]),
      fam('x', 'summary', [smp(3, {}, '_sum')]),
    ]);
  });

  itRejects([
    ['a non-numeric le', '# TYPE h histogram\nh_bucket{le="abc"} 5\n', 'f.prom: histogram h: le="abc" is not a number (line 2)'],
    ['a non-numeric le on _sum', '# TYPE h histogram\nh_sum{le="x"} 1\n', 'f.prom: histogram h: le="x" is not a number (line 2)'],
    ['a bad le before a good one', '# TYPE h histogram\nh_bucket{le="x",le="1"} 1\n', 'f.prom: histogram h: le="x" is not a number (line 2)'],
    ['a non-numeric quantile', '# TYPE s summary\ns{quantile="x"} 1\n', 'f.prom: summary s: quantile="x" is not a number (line 2)'],
    ['a non-numeric quantile on _count', '# TYPE s summary\ns_count{quantile=""} 1\n', 'f.prom: summary s: quantile="" is not a number (line 2)'],
  ]);
});

describe('parseValue: Go ParseFloat as the text parser calls it', () => {
  it.each([
    ['0', 0], ['-0.5', -0.5], ['+1.5e3', 1500], ['1.', 1], ['.5', 0.5], ['5E-1', 0.5], ['1e-400', 0],
    ['Inf', Infinity], ['+Inf', Infinity], ['-Inf', -Infinity], ['inf', Infinity], ['iNF', Infinity],
    ['Infinity', Infinity], ['-infinity', -Infinity], ['+INFINITY', Infinity],
  ])('reads %s as %s', (text, expected) => {
    expect(parseValue(text)).toBe(expected);
  });

  it.each([['NaN'], ['nan'], ['nAn']])('reads %s as NaN', (text) => {
    expect(parseValue(text)).toBeNaN();
  });

  it.each([
    [''], ['+NaN'], ['-nan'], ['xnan'], ['nanx'], ['xinf'], ['infx'], ['-infx'], ['infinityx'], ['infinit'], ['++1'],
    ['1e999'], ['-1e999'], ['1_000'], ['0x10'], ['0x1p3'], ['1e'], ['.'], ['1,5'], [' 1'],
  ])('refuses %j', (text) => {
    expect(parseValue(text)).toBeUndefined();
  });
});

describe('parse parser under garbage input', () => {
  itSurvivesGarbage('text format', '# HELP a b\n# TYPE a gauge\na{x="1"} 2\n# TYPE h histogram\nh_bucket{le="1"} 1\nh_sum 1\nh_count 1\n', (t) => parseTextFormat(t), { seed: 87109, reachesErrors: true });
});
