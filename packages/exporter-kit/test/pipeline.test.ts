import { describe, expect, it } from 'vitest';
import type { Collector } from '../src/index.js';
import { BadRequestError, defineCollector, filterCollectors, scrapeTimeoutMs } from '../src/index.js';

const c = (name: string): Collector<void> => defineCollector({ name, help: name, defaultEnabled: true, async collect() {} });

describe('scrapeTimeoutMs', () => {
  it.each([
    [undefined, 10, 0.25, 10_000],
    ['10', 30, 0.25, 9_750],
    ['60', 30, 0.25, 30_000],
    ['0.2', 10, 0.25, 200], // offset larger than the timeout: keep the raw timeout
    ['garbage', 10, 0.25, 10_000],
    ['-5', 10, 0.25, 10_000],
    [['4', '8'], 10, 0.5, 3_500],
  ])('header %s, cap %s s, offset %s s → %s ms', (header, cap, offset, expected) => {
    expect(scrapeTimeoutMs(header as string | string[] | undefined, cap, offset)).toBe(expected);
  });
});

describe('filterCollectors (collect[] / exclude[])', () => {
  const enabled = [c('cpu'), c('meminfo'), c('netdev')];
  const registered = new Set(['cpu', 'meminfo', 'netdev', 'systemd']);
  const names = (q: string) => filterCollectors(enabled, registered, new URLSearchParams(q)).map((x) => x.name);

  it('no filter → all enabled', () => expect(names('')).toEqual(['cpu', 'meminfo', 'netdev']));
  it('collect[] keeps only those', () => expect(names('collect[]=cpu&collect[]=netdev')).toEqual(['cpu', 'netdev']));
  it('exclude[] drops those', () => expect(names('exclude[]=cpu')).toEqual(['meminfo', 'netdev']));
  it('both → 400', () => expect(() => names('collect[]=cpu&exclude[]=netdev')).toThrow(BadRequestError));
  it('unknown collector → 400', () => expect(() => names('collect[]=nope')).toThrow(/missing collector: nope/));
  it('disabled collector → 400', () => expect(() => names('collect[]=systemd')).toThrow(/disabled collector: systemd/));
});

describe('filterCollectors, lenient (mysqld_exporter) mode', () => {
  const enabled = [c('global_status'), c('global_variables')];
  const registered = new Set(['global_status', 'global_variables', 'binlog_size']);
  const names = (q: string) => filterCollectors(enabled, registered, new URLSearchParams(q), 'lenient').map((x) => x.name);

  it('keeps the named enabled collectors', () => expect(names('collect[]=global_status')).toEqual(['global_status']));
  it('ignores unknown and disabled names', () => expect(names('collect[]=global_status&collect[]=nope&collect[]=binlog_size')).toEqual(['global_status']));
  it('no match at all → every enabled collector', () => expect(names('collect[]=nope')).toEqual(['global_status', 'global_variables']));
  it('still rejects collect[] with exclude[]', () => expect(() => names('collect[]=global_status&exclude[]=x')).toThrow(BadRequestError));
});
