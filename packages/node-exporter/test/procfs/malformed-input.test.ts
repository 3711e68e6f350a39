import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/procfs/errors.js';
import { parseLoadavg } from '../../src/procfs/loadavg.js';
import { parseMeminfo } from '../../src/procfs/meminfo.js';
import { parseNetDev } from '../../src/procfs/netdev.js';
import { parseProcStat } from '../../src/procfs/stat.js';

// A truncated or foreign /proc file must fail the collector with a ParseError naming the file,
// never turn into plausible-looking numbers on a dashboard.
const NETDEV_HEADER = 'Inter-|   Receive                                                |  Transmit\n'
  + ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n';

describe('parsers refuse malformed input', () => {
  it.each([
    ['loadavg with two fields', () => parseLoadavg('0.50 0.40\n'), /^loadavg: expected at least 3 fields, got 2/],
    ['meminfo key without a colon', () => parseMeminfo('MemTotal 100 kB\n'), /^meminfo: malformed line "MemTotal 100 kB"/],
    ['meminfo line with four fields', () => parseMeminfo('MemTotal: 1 2 kB\n'), /^meminfo: malformed line/],
    ['net/dev with a header only', () => parseNetDev('Inter-|   Receive\n'), /^net\/dev: missing header/],
    ['net/dev line with too few values', () => parseNetDev(`${NETDEV_HEADER}  eth0: 1 2 3\n`), /^net\/dev: expected 16 values for "eth0"/],
    ['net/dev line without a device name', () => parseNetDev(`${NETDEV_HEADER}  : ${'1 '.repeat(16)}\n`), /^net\/dev: expected 16 values for ""/],
    ['stat CPU line with a non-numeric id', () => parseProcStat('cpux 1 2 3 4 5\n'), /^proc\/stat: bad CPU line "cpux"/],
    ['stat CPU line with a numeric prefix', () => parseProcStat('cpu1a 1 2 3 4 5\n'), /^proc\/stat: bad CPU line "cpu1a"/],
    ['stat CPU line with three values', () => parseProcStat('cpu0 1 2 3\n'), /^proc\/stat: CPU line with 3 fields/],
    ['stat CPU line with digits after a non-numeric id', () => parseProcStat('cpux1 1 2 3 4 5\n'), /^proc\/stat: bad CPU line "cpux1"/],
    ['loadavg with a word for the 1-minute load', () => parseLoadavg('high 0.40 0.30 1/100 42\n'), /^loadavg: expected a number, got "high"/],
    ['loadavg with a word for the 5-minute load', () => parseLoadavg('0.50 - 0.30 1/100 42\n'), /^loadavg: expected a number, got "-"/],
    ['loadavg with a word for the 15-minute load', () => parseLoadavg('0.50 0.40 n/a 1/100 42\n'), /^loadavg: expected a number, got "n\/a"/],
    ['meminfo value that is not a number', () => parseMeminfo('MemTotal: lots kB\n'), /^meminfo: expected a number, got "lots" \(line 1\)/],
    ['meminfo field name that is no metric name', () => parseMeminfo('Cma-Total: 1 kB\n'), /^meminfo: unusable field name "Cma-Total:"/],
    ['meminfo field name starting with a digit', () => parseMeminfo('4kPages: 1\n'), /^meminfo: unusable field name "4kPages:"/],
    ['net/dev header without the receive|transmit bars', () => parseNetDev('Inter-  Receive  Transmit\n face bytes packets\n'), /^net\/dev: unexpected header \(line 2\)/],
    ['net/dev interface line without a colon', () => parseNetDev(`${NETDEV_HEADER}  eth0 ${'1 '.repeat(16)}\n`), /^net\/dev: interface line without colon \(line 3\)/],
    ['net/dev interface line that starts with its colon', () => parseNetDev(`${NETDEV_HEADER}: ${'1 '.repeat(16)}\n`), /^net\/dev: expected 16 values for ""/],
    ['net/dev counter that is not a number', () => parseNetDev(`${NETDEV_HEADER}  eth0: ${'1 '.repeat(15)}x\n`), /^net\/dev: expected a number, got "x" \(line 3\)/],
  ])('%s', (_what, parse, message) => {
    expect(parse).toThrow(ParseError);
    expect(parse).toThrow(message);
  });

  it('quotes at most 60 characters of a malformed meminfo line', () => {
    const line = `MemTotal ${'1'.repeat(80)} kB`;
    expect(() => parseMeminfo(`${line}\n`)).toThrow(`meminfo: malformed line ${JSON.stringify(line.slice(0, 60))} (line 1)`);
  });

  it('accepts a stat CPU line of an old kernel with four values and a multi-digit id', () => {
    const stat = parseProcStat('cpu12 100 0 200 300\n');
    expect(stat.cpus.get(12)).toMatchObject({ iowait: 0, irq: 0, steal: 0 });
  });

  it('reads all ten CPU columns of a current kernel, in seconds (USER_HZ 100)', () => {
    const stat = parseProcStat('cpu0 100 200 300 400 500 600 700 800 900 1000\n');
    expect(stat.cpus.get(0)).toEqual({
      user: 1, nice: 2, system: 3, idle: 4, iowait: 5, irq: 6, softirq: 7, steal: 8, guest: 9, guestNice: 10,
    });
  });
});
