import { describe, expect, it } from 'vitest';
import { userChoseHeapFlags, youngGenerationGovernor } from '../src/heap-tuning.js';

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

describe('young generation governor', () => {
  it('freezes growth at the cap and lets it grow again after V8 shrank it, setting the flag only on changes', () => {
    const flags: string[] = [];
    let size = 1 << 20;
    const check = youngGenerationGovernor(() => size, (f) => flags.push(f), 8 << 20);
    check();
    expect(flags).toEqual([]);
    size = 8 << 20;
    check();
    check();
    expect(flags).toEqual(['--semi-space-growth-factor=1']);
    size = 2 << 20; // the memory reducer shrank it while idle
    check();
    expect(flags).toEqual(['--semi-space-growth-factor=1', '--semi-space-growth-factor=2']);
    size = 16 << 20;
    check();
    expect(flags.at(-1)).toBe('--semi-space-growth-factor=1');
    expect(flags).toHaveLength(3);
  });
});
