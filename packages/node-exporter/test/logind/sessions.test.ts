import { describe, expect, it } from 'vitest';
import { SESSION_CLASSES, SESSION_REMOTE, SESSION_TYPES, logindSessionCounts } from '../../src/logind/sessions.js';

describe('logindSessionCounts', () => {
  const seats = ['seat0'];
  const counts = logindSessionCounts(seats, [
    { seat: 'seat0', remote: false, type: 'wayland', class: 'user' },
    { seat: 'seat0', remote: false, type: 'wayland', class: 'user' },
    { seat: '', remote: true, type: 'tty', class: 'user' },
    { seat: '', remote: false, type: 'unspecified', class: 'background' },
    // Newer logind values node_exporter does not know: counted as "other".
    { seat: '', remote: true, type: 'x12', class: 'manager' },
    // A seat logind did not list: not counted.
    { seat: 'seat9', remote: false, type: 'tty', class: 'user' },
  ]);
  const count = (seat: string, remote: string, type: string, cls: string): number | undefined =>
    counts.find((c) => c.seat === seat && c.remote === remote && c.type === type && c.class === cls)?.count;

  it('reports every combination of remote, type, class and seat (listed seats plus ""), zeros included', () => {
    expect(counts).toHaveLength(SESSION_REMOTE.length * SESSION_TYPES.length * SESSION_CLASSES.length * (seats.length + 1));
    expect(counts.slice(0, 3).map((c) => [c.remote, c.type, c.class, c.seat])).toEqual([
      ['true', 'other', 'other', 'seat0'], ['true', 'other', 'other', ''], ['true', 'other', 'user', 'seat0'],
    ]);
  });

  it('counts sessions by seat, remote, type and class, unknown values as "other"', () => {
    expect(count('seat0', 'false', 'wayland', 'user')).toBe(2);
    expect(count('', 'true', 'tty', 'user')).toBe(1);
    expect(count('', 'false', 'unspecified', 'background')).toBe(1);
    expect(count('', 'true', 'other', 'other')).toBe(1);
    expect(count('seat0', 'true', 'x11', 'greeter')).toBe(0);
    expect(counts.reduce((sum, c) => sum + c.count, 0)).toBe(5);
    expect(counts.some((c) => c.seat === 'seat9')).toBe(false);
  });
});
