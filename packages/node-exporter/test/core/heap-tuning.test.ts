import { describe, expect, it } from 'vitest';
import { userChoseHeapFlags } from '../../src/heap-tuning.js';

describe('heap tuning of the launcher', () => {
  it('steps aside when the user sized the heap on the command line or in NODE_OPTIONS', () => {
    expect(userChoseHeapFlags([], undefined)).toBe(false);
    expect(userChoseHeapFlags(['--enable-source-maps'], '--max-old-space-size=200')).toBe(false);
    expect(userChoseHeapFlags(['--max-semi-space-size=2'], undefined)).toBe(true);
    expect(userChoseHeapFlags(['--max_semi_space_size=2'], undefined)).toBe(true);
    expect(userChoseHeapFlags([], '--optimize-for-size')).toBe(true);
    expect(userChoseHeapFlags([], '--inspect --semi-space-growth-factor=1')).toBe(true);
    expect(userChoseHeapFlags(['--heap-growing-percent=20'], '')).toBe(true);
  });
});
