import { afterEach, describe, expect, it, vi } from 'vitest';
import { runScrape } from '@scrapekit/exporter-kit';
import { naturalCompare } from '../src/natural-compare.js';
import { timeZoneAbbreviation } from '../src/collectors/time.js';
import { nodeCollectors } from '../src/collectors/index.js';
import { defaultsContext } from './fixture-tree.js';

// ICU's collation and time-zone data cost 3 MB and 8 MB of resident memory once touched; the
// exporter's budget is 70 MB. The Linux scrape path must not touch them.
describe('memory footprint guards', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a full scrape of every collector on the fixture tree never calls Intl or localeCompare', async () => {
    const dtf = vi.spyOn(Intl, 'DateTimeFormat');
    const collator = vi.spyOn(Intl, 'Collator');
    const locale = vi.spyOn(String.prototype, 'localeCompare');
    const families = await runScrape({ collectors: nodeCollectors, target: defaultsContext(), timeoutMs: 20_000 });
    expect(families.length).toBeGreaterThan(50);
    expect(dtf).not.toHaveBeenCalled();
    expect(collator).not.toHaveBeenCalled();
    expect(locale).not.toHaveBeenCalled();
  });

  it('naturalCompare orders embedded numbers numerically', () => {
    expect(['cpu10', 'cpu2', 'cpu1', 'cpu1a', 'mc0', 'cpu02'].sort(naturalCompare))
      .toEqual(['cpu1', 'cpu1a', 'cpu2', 'cpu02', 'cpu10', 'mc0']);
    expect(['port10', 'port9'].sort(naturalCompare)).toEqual(['port9', 'port10']);
  });

  it('timeZoneAbbreviation names offsets without ICU', () => {
    const at = (offsetMinutes: number) => ({ getTimezoneOffset: () => offsetMinutes }) as Date;
    expect(timeZoneAbbreviation(at(0))).toBe('UTC');
    expect(timeZoneAbbreviation(at(-90))).toBe('+0130');
    expect(timeZoneAbbreviation(at(300))).toBe('-0500');
  });
});
