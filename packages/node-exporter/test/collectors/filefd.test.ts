import { describe, expect, it } from 'vitest';
import { filefdCollector } from '../../src/collectors/filefd.js';
import { run, value } from '../collect.js';
import { defaultsContext } from '../fixture-tree.js';

describe('filefd', () => {
  it('filefd', async () => {
    const fams = await run(filefdCollector, defaultsContext());
    expect([value(fams, 'node_filefd_allocated'), value(fams, 'node_filefd_maximum')]).toEqual([4128, 1623168]);
  });
});
