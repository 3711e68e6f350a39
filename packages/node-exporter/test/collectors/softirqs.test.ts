import { describe, expect, it } from 'vitest';
import { softirqsCollector } from '../../src/collectors/softirqs.js';
import { family, run, value } from '../collect.js';

describe('softirqs', () => {
  it('reports each vector per CPU', async () => {
    const f = await run(softirqsCollector);
    expect(value(f, 'node_softirqs_functions_total', { cpu: '0', type: 'NET_RX' })).toBe(912001);
    expect(value(f, 'node_softirqs_functions_total', { cpu: '3', type: 'HI' })).toBe(2);
    expect(family(f, 'node_softirqs_functions_total').samples).toHaveLength(40);
  });
});
