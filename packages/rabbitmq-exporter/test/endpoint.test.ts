import { describe, expect, it } from 'vitest';
import { AGGREGATED, endpointFromParams, PER_OBJECT } from '../src/endpoint.js';

const parse = (q: string) => endpointFromParams(new URLSearchParams(q), AGGREGATED);

describe('endpoint of a /probe request', () => {
  it('keeps the default without endpoint= or family=', () => {
    expect(parse('target=x&node=rabbit@a')).toBe(AGGREGATED);
  });

  it('reads endpoint=per-object and the plugin\'s family= / vhost= parameters', () => {
    expect(parse('endpoint=per-object')).toBe(PER_OBJECT);
    expect(parse('family=queue_coarse_metrics&family=node_metrics&vhost=a&vhost=b')).toEqual({
      kind: 'detailed', families: new Set(['queue_coarse_metrics', 'node_metrics']), vhosts: new Set(['a', 'b']),
    });
  });

  it('names what is wrong with a bad request', () => {
    expect(parse('endpoint=everything')).toMatch(/aggregated, per-object or detailed/);
    expect(parse('endpoint=detailed')).toMatch(/needs at least one family/);
    expect(parse('family=auth_attempt_metrics')).toMatch(/auth_attempt_metrics: not served/);
  });
});
