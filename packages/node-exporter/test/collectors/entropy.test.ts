import { describe, expect, it } from 'vitest';
import { entropyCollector } from '../../src/collectors/entropy.js';
import { run, value } from '../collect.js';
import { defaultsContext } from '../fixture-tree.js';

describe('entropy', () => {
  it('entropy', async () => {
    const fams = await run(entropyCollector, defaultsContext());
    expect([value(fams, 'node_entropy_available_bits'), value(fams, 'node_entropy_pool_size_bits')]).toEqual([256, 256]);
  });
});
