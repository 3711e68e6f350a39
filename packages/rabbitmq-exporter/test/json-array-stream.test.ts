import { describe, expect, it } from 'vitest';
import { JsonArraySplitter } from '../src/json-array-stream.js';
import { fixture } from './support/fixtures.js';

function splitInto(text: string, size: number): unknown[] {
  const s = new JsonArraySplitter<unknown>();
  const out: unknown[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...s.push(text.slice(i, i + size)));
  s.end();
  return out;
}

describe('JsonArraySplitter', () => {
  const items = fixture<{ items: unknown[] }>('queues-page.json').items;
  const tricky = [
    { name: 'brace } in a name', vhost: '/' },
    { name: 'quote \\" and [bracket]', vhost: 'a"b', arguments: { 'x-args': [1, { deep: '}' }] } },
    { name: 'üñíçødé ✓', vhost: '/' },
  ];

  it.each([1, 2, 7, 64, 100_000])('yields the recorded queues whatever the chunk size (%i)', (size) => {
    const text = JSON.stringify([...items, ...tricky], null, 1);
    expect(splitInto(text, size)).toEqual([...items, ...tricky]);
  });

  it('handles an empty array and surrounding whitespace', () => {
    expect(splitInto(' \n[ ]\n', 1)).toEqual([]);
  });

  it('rejects an answer that is not an array of objects', () => {
    expect(() => splitInto('{"error":"not_authorised"}', 4)).toThrow(/expected a JSON array/);
    expect(() => splitInto('[1,2]', 4)).toThrow(/array of objects/);
    expect(() => splitInto('<html>', 4)).toThrow(/expected a JSON array/);
  });

  it('refuses to buffer an endless item', () => {
    const s = new JsonArraySplitter<unknown>();
    s.push('[{"a":"');
    expect(() => {
      for (let i = 0; i < 20; i++) s.push('x'.repeat(100_000));
    }).toThrow(/larger than 1 MiB/);
  });

  it('rejects a truncated answer instead of returning part of it silently', () => {
    expect(() => splitInto('[{"a":1},{"b":', 3)).toThrow(/truncated/);
  });
});
