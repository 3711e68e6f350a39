/**
 * The one "did you mean X?" rule of every exporter: case-insensitive, at most three edits away,
 * the first of equally close candidates, nothing when nothing is close.
 */
import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance, MAX_SUGGESTION_DISTANCE } from '../src/index.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['pasword', 'password', 1],
    ['passwordd', 'password', 1],
    ['pessword', 'password', 1],
    ['hots', 'host', 2],
    ['kitten', 'sitting', 3],
    ['Host', 'host', 1],
  ])('%j → %j: %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('closestMatch', () => {
  const keys = ['region', 'role_arn', 'metrics'];

  it('a name differing only in case: that candidate, as the candidate spells it', () => {
    expect(closestMatch('REGION', keys)).toBe('region');
    expect(closestMatch('AWS_NAMESPACE', ['aws_namespace'])).toBe('aws_namespace');
    expect(closestMatch('CLIENT', ['clients', 'Client'])).toBe('Client');
  });

  it('a case-equal candidate wins over an earlier one a single edit away', () => {
    expect(closestMatch('ROLE', ['ROLL', 'role'])).toBe('role');
  });

  it('case is ignored in the distance too: Regoin is one swap, two edits, from region', () => {
    expect(closestMatch('REGOIN', keys)).toBe('region');
  });

  it('suggests up to three edits away, nothing from four', () => {
    expect(MAX_SUGGESTION_DISTANCE).toBe(3);
    expect(closestMatch('regionabc', keys)).toBe('region');
    expect(closestMatch('regionabcd', keys)).toBeUndefined();
    expect(closestMatch('database', ['user', 'password', 'host', 'tls'])).toBeUndefined();
  });

  it('the closer candidate wins whatever its position', () => {
    expect(closestMatch('metricz', ['metric_names', 'metrics'])).toBe('metrics');
    expect(closestMatch('rol_arn', ['region', 'role_arn'])).toBe('role_arn');
  });

  it('equally close candidates: the first one wins', () => {
    expect(closestMatch('lable', ['name', 'value'])).toBe('name');
    expect(closestMatch('lable', ['value', 'name'])).toBe('value');
    expect(closestMatch('hostt', ['hosta', 'hostb'])).toBe('hosta');
  });

  it('no candidates: no suggestion', () => {
    expect(closestMatch('region', [])).toBeUndefined();
    expect(closestMatch('', [])).toBeUndefined();
  });
});
