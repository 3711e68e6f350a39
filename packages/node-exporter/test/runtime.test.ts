import { describe, expect, it } from 'vitest';
import { tierUpFlags } from '../src/runtime.js';

describe('the node exporter\'s V8 tier-up setting', () => {
  it('raises the interrupt budget where V8 has one (V8 11, Node 20) and sets nothing on V8 12 and later, which refuses the flag', () => {
    expect(tierUpFlags('11.3.244.8-node.33')).toEqual(['--interrupt-budget=300000']);
    expect(tierUpFlags('12.4.254.21-node.33')).toEqual([]);
    expect(tierUpFlags('13.6.233.17-node.40')).toEqual([]);
  });
});
