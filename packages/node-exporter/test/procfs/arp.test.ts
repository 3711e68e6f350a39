import { describe, expect, it } from 'vitest';
import { countArpEntries } from '../../src/procfs/arp.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

const HEADER = 'IP address       HW type     Flags       HW address            Mask     Device';

describe('arp parser', () => {
  it('counts the fixture\'s entries per device, incomplete ones included, in first-seen order', () => {
    expect([...countArpEntries(readFixture('proc/net/arp'))]).toEqual([['bond0', 3], ['eth1', 1]]);
  });

  it('returns no devices for a header without entries', () => {
    expect([...countArpEntries(`${HEADER}\n`)]).toEqual([]);
  });

  it('trims entries, splits them on runs of blanks and tabs and skips blank lines', () => {
    const text = `${HEADER}\n  10.0.0.1\t0x1 0x2  aa:bb:cc:dd:ee:01 *\teth0  \n \t\n\n10.0.0.2 0x1 0x2 aa:bb:cc:dd:ee:02 * eth1\n10.0.0.3 0x1 0x2 aa:bb:cc:dd:ee:03 * eth0`;
    expect([...countArpEntries(text)]).toEqual([['eth0', 2], ['eth1', 1]]);
  });

  it.each([
    ['an empty file', '', '/proc/net/arp: missing header line'],
    ['a header that does not start the first line', 'Kernel IP address table\n', '/proc/net/arp: missing header line'],
    ['a header that ends after "IP address"', 'IP address\n', '/proc/net/arp: missing header line'],
    ['an entry line first', '10.0.0.1 0x1 0x2 aa:bb:cc:dd:ee:01 * eth0\n', '/proc/net/arp: missing header line'],
    ['an entry without its device column', `${HEADER}\n10.0.0.1 0x1 0x2 aa:bb:cc:dd:ee:01 *\n`, '/proc/net/arp line 2: 5 columns, expected 6'],
  ])('refuses %s with a ParseError', (_what, text, message) => {
    expectParseError(() => countArpEntries(text), message);
  });
});

describe('arp parser under garbage input', () => {
  itSurvivesGarbage('arp', 'IP address HW type Flags HW address Mask Device\n10.0.0.1 0x1 0x2 aa:bb:cc:dd:ee:ff * eth0\n', countArpEntries);
});
