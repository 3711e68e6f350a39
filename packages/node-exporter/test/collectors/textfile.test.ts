import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { textfileCollector } from '../../src/collectors/textfile.js';
import { expandDirGlob, segmentPattern } from '../../src/textfile/glob.js';
import { family, labelSets, run, value } from '../collect.js';
import { defaultsContext } from '../fixture-tree.js';

describe('textfile collector', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'textfile-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string, mtime = 1_700_000_000): void => {
    writeFileSync(join(dir, name), text);
    utimesSync(join(dir, name), mtime, mtime);
  };

  it('without a directory emits only scrape_error 0', async () => {
    const fams = await run(textfileCollector, defaultsContext());
    expect(fams.map((f) => f.name)).toEqual(['node_textfile_scrape_error']);
    expect(value(fams, 'node_textfile_scrape_error')).toBe(0);
  });

  it('merges files, reports mtimes, skips malformed and timestamped files with scrape_error 1', async () => {
    write('a.prom', '# HELP backup_ok Last backup succeeded.\n# TYPE backup_ok gauge\nbackup_ok{host="a"} 1\n', 1_700_000_001);
    write('b.prom', 'backup_ok{site="x"} 0\nother_metric 3\n', 1_700_000_002);
    write('c.prom', 'broken{{ 1\n');
    write('d.prom', 'stamped 1 1700000000000\n');
    write('ignored.txt', 'not_read 1\n');
    const fams = await run(textfileCollector, defaultsContext({ 'collector.textfile.directory': [dir] }));
    expect(value(fams, 'node_textfile_scrape_error')).toBe(1);
    expect(labelSets(fams, 'node_textfile_mtime_seconds')).toEqual([`file=${dir}/a.prom`, `file=${dir}/b.prom`]);
    expect(value(fams, 'node_textfile_mtime_seconds', { file: `${dir}/b.prom` })).toBe(1_700_000_002);
    // b.prom's untyped backup_ok conflicts with a.prom's gauge: dropped, a.prom's series stays.
    expect(family(fams, 'backup_ok')).toMatchObject({ type: 'gauge', help: 'Last backup succeeded.' });
    expect(labelSets(fams, 'backup_ok')).toEqual(['host=a']);
    expect(family(fams, 'other_metric').help).toContain('b.prom');
    expect(fams.some((f) => f.name === 'broken' || f.name === 'stamped' || f.name === 'not_read')).toBe(false);
  });

  it('drops a series repeated in a second file and fills missing label names with "" within each file, as node_exporter', async () => {
    write('1.prom', 'queue_depth{queue="a"} 1\nqueue_depth{queue="b"} 2\n');
    write('2.prom', 'queue_depth{queue="a"} 99\nqueue_depth{queue="c"} 3\n');
    write('3.prom', 'queue_depth{queue="d"} 4\nqueue_depth{queue="e",shard="2"} 5\n');
    const fams = await run(textfileCollector, defaultsContext({ 'collector.textfile.directory': [dir] }));
    expect(value(fams, 'node_textfile_scrape_error')).toBe(0);
    expect(labelSets(fams, 'queue_depth')).toEqual(['queue=a', 'queue=b', 'queue=c', 'queue=d,shard=', 'queue=e,shard=2']);
    expect(value(fams, 'queue_depth', { queue: 'a' })).toBe(1);
  });

  it('expands directory globs and reports an unreadable directory as an error', async () => {
    mkdirSync(join(dir, 'one'));
    mkdirSync(join(dir, 'two'));
    writeFileSync(join(dir, 'one', 'x.prom'), 'from_one 1\n');
    writeFileSync(join(dir, 'two', 'y.prom'), 'from_two 2\n');
    expect(await expandDirGlob(join(dir, 't*'))).toEqual([join(dir, 'two')]);
    expect(await expandDirGlob(join(dir, 'nothing*'))).toEqual([join(dir, 'nothing*')]);
    const fams = await run(textfileCollector, defaultsContext({ 'collector.textfile.directory': [join(dir, '*'), join(dir, 'missing')] }));
    expect(value(fams, 'from_one')).toBe(1);
    expect(value(fams, 'from_two')).toBe(2);
    expect(value(fams, 'node_textfile_scrape_error')).toBe(1);
  });

  it('glob segments follow filepath.Match', () => {
    expect(segmentPattern('a?c[!x]*').test('abcd-rest')).toBe(true);
    expect(segmentPattern('a?c[!x]*').test('abcx')).toBe(false);
    expect(segmentPattern('v1.2').test('v1x2')).toBe(false);
  });
});
