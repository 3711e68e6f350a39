import { describe, expect, it } from 'vitest';
import { MonotonicTotal } from '../src/monotonic.js';

function listing(t: MonotonicTotal, objects: Record<string, number>): number {
  const l = t.start();
  for (const [k, v] of Object.entries(objects)) l.observe(k, v);
  return l.commit();
}

describe('MonotonicTotal (running total of per-object counters)', () => {
  it('starts at the sum of the first listing and adds only increases', () => {
    const t = new MonotonicTotal();
    expect(listing(t, { a: 5, b: 3 })).toBe(8);
    expect(listing(t, { a: 7, b: 3 })).toBe(10);
  });

  it('never goes down when an object is deleted', () => {
    const t = new MonotonicTotal();
    listing(t, { a: 5, b: 3 });
    expect(listing(t, { a: 6 })).toBe(9);
    expect(listing(t, { a: 6 })).toBe(9);
  });

  it('counts a new object, and an object whose value went down (recreated), from 0', () => {
    const t = new MonotonicTotal();
    listing(t, { a: 5 });
    expect(listing(t, { a: 5, c: 2 })).toBe(7);
    expect(listing(t, { a: 1, c: 2 })).toBe(8);
  });

  it('does not count an object twice when one listing missed it (a page shift)', () => {
    const t = new MonotonicTotal(2);
    listing(t, { a: 5, b: 3 });
    listing(t, { a: 5 });
    expect(listing(t, { a: 5, b: 4 })).toBe(9);
  });

  it('takes an object seen twice in one listing once', () => {
    const t = new MonotonicTotal();
    const l = t.start();
    l.observe('a', 4);
    l.observe('a', 4);
    expect(l.commit()).toBe(4);
  });

  it('ignores a listing that was never committed (an aborted scrape)', () => {
    const t = new MonotonicTotal();
    listing(t, { a: 5 });
    t.start().observe('a', 100);
    expect(t.value).toBe(5);
    expect(listing(t, { a: 6 })).toBe(6);
  });
});
