import { describe, expect, it } from 'vitest';
import { IB_COUNTERS, parseIbCounter, parseIbRate, parseIbStateId } from '../../src/sysfs/infiniband.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

const port = (n: number, file: string): string => readFixture(`sys/class/infiniband/mlx5_0/ports/${n}/${file}`);

describe('infiniband counter table', () => {
  it('has 30 counters, each a counters or counters_ext file with a *_total suffix', () => {
    expect(IB_COUNTERS).toHaveLength(30);
    const malformed = IB_COUNTERS.filter(([file, suffix, mult]) => !/^counters(_ext)?\/\w+$/.test(file) || !/^[a-z0-9_]+_total$/.test(suffix) || ![1, 4].includes(mult));
    expect(malformed).toEqual([]);
  });

  it('counts the four data counters in 4-octet words, the others by one', () => {
    expect(IB_COUNTERS.filter(([, , mult]) => mult === 4).map(([file, suffix]) => `${file} ${suffix}`)).toEqual([
      'counters/port_rcv_data port_data_received_bytes_total',
      'counters/port_xmit_data port_data_transmitted_bytes_total',
      'counters_ext/port_rcv_data_64 legacy_data_received_bytes_total',
      'counters_ext/port_xmit_data_64 legacy_data_transmitted_bytes_total',
    ]);
  });

  it('gives each file and each metric suffix once', () => {
    expect(new Set(IB_COUNTERS.map(([file]) => file)).size).toBe(30);
    expect(new Set(IB_COUNTERS.map(([, suffix]) => suffix)).size).toBe(30);
  });
});

describe('infiniband port state', () => {
  it.each([
    ['fixture port 1 state', port(1, 'state'), 4],
    ['fixture port 1 phys_state', port(1, 'phys_state'), 5],
    ['fixture port 2 state', port(2, 'state'), 1],
    ['fixture port 2 phys_state', port(2, 'phys_state'), 3],
    ['a padded multi-digit id without a name', ' \t12:\n', 12],
  ])('reads the id of %s', (_what, text, id) => {
    expect(parseIbStateId(text)).toBe(id);
  });

  it.each([
    ['a name without an id, quoted trimmed', ' ACTIVE\n', 'infiniband state "ACTIVE": expected "<id>: <name>"'],
    ['a letter before the id', 'x4: ACTIVE', 'infiniband state "x4: ACTIVE": expected "<id>: <name>"'],
    ['an id without a colon', '4 ACTIVE', 'infiniband state "4 ACTIVE": expected "<id>: <name>"'],
  ])('refuses %s', (_what, text, message) => {
    expectParseError(() => parseIbStateId(text), message);
  });
});

describe('infiniband port rate', () => {
  it.each([
    ['fixture port 1', port(1, 'rate'), 12500000000],
    ['fixture port 2', port(2, 'rate'), 1250000000],
    ['a fractional rate', '2.5 Gb/sec (1X SDR)\n', 312500000],
    ['a rate with several fraction digits, spread by blanks', '14.0625  Gb/sec (1X FDR)', 1757812500],
  ])('reads %s in bytes per second', (_what, text, bytes) => {
    expect(parseIbRate(text)).toBe(bytes);
  });

  it.each([
    ['another unit, quoted trimmed', ' 100 Mb/sec\n', 'infiniband rate "100 Mb/sec": expected "<n> Gb/sec"'],
    ['a letter before the number', 'x100 Gb/sec', 'infiniband rate "x100 Gb/sec": expected "<n> Gb/sec"'],
    ['no blank before the unit', '100Gb/sec', 'infiniband rate "100Gb/sec": expected "<n> Gb/sec"'],
    ['a point without a fraction', '1. Gb/sec', 'infiniband rate "1. Gb/sec": expected "<n> Gb/sec"'],
  ])('refuses %s', (_what, text, message) => {
    expectParseError(() => parseIbRate(text), message);
  });
});

describe('infiniband counters', () => {
  it.each([
    ['port_rcv_data', 2221223609],
    ['port_xmit_wait', 3012],
    ['symbol_error', 2],
    ['VL15_dropped', 0],
  ])('reads fixture port 1 counters/%s', (file, value) => {
    expect(parseIbCounter(port(1, `counters/${file}`))).toBe(value);
  });

  it.each([
    ['fixture port 2 "N/A (no PMA)"', port(2, 'counters/link_downed'), undefined],
    ['a padded "N/A (no PMA)"', ' N/A (no PMA)\n', undefined],
    ['a padded value', ' 42 \n', 42],
  ])('reads %s', (_what, text, value) => {
    expect(parseIbCounter(text)).toBe(value);
  });

  const LONG = '1'.repeat(20) + 'x'.repeat(20);
  it.each([
    ['a negative value', '-1', 'infiniband counter "-1" is not a number'],
    ['a letter before the number, quoted trimmed', ' x12\n', 'infiniband counter "x12" is not a number'],
    ['a letter after the number', '12x', 'infiniband counter "12x" is not a number'],
    ['"N/A" not at the start', 'value N/A', 'infiniband counter "value N/A" is not a number'],
    ['a long value, quoted up to 30 characters', LONG, `infiniband counter ${JSON.stringify(LONG.slice(0, 30))} is not a number`],
  ])('refuses %s', (_what, text, message) => {
    expectParseError(() => parseIbCounter(text), message);
  });
});

describe('infiniband parser under garbage input', () => {
  itSurvivesGarbage('infiniband state', '4: ACTIVE\n', parseIbStateId);
  itSurvivesGarbage('infiniband rate', '100 Gb/sec (4X EDR)\n', parseIbRate);
  itSurvivesGarbage('infiniband counter', '2221223609\n', parseIbCounter);
});
