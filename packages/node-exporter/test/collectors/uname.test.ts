import { describe, expect, it } from 'vitest';
import { unameCollector } from '../../src/collectors/uname.js';
import { family, run } from '../collect.js';
import { defaultsContext } from '../fixture-tree.js';

describe('uname', () => {
  it('uname', async () => {
    const fams = await run(unameCollector, defaultsContext());
    expect(family(fams, 'node_uname_info').samples[0]?.labels).toEqual({
      sysname: 'Linux', release: '6.8.0-45-generic', version: '#46-Ubuntu SMP PREEMPT_DYNAMIC Fri Sep 13 2024',
      machine: 'x86_64', nodename: 'fixture-host', domainname: '(none)',
    });
  });
});
