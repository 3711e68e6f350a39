import { describe, expect, it } from 'vitest';
import { parseInterrupts } from '../../src/procfs/interrupts.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

describe('interrupts parser', () => {
  it('reads each interrupt of the fixture with one count per CPU column, skipping ERR and MIS', () => {
    expect(parseInterrupts(readFixture('proc/interrupts'))).toEqual([
      { type: '0', values: [38, 0, 0, 0], info: 'IO-APIC', devices: '2-edge timer' },
      { type: '8', values: [0, 0, 1, 0], info: 'IO-APIC', devices: '8-edge rtc0' },
      { type: '25', values: [118230, 4211, 99123, 1207], info: 'PCI-MSI', devices: '512000-edge ahci[0000:00:1f.2]' },
      { type: '26', values: [0, 55018, 0, 120044], info: 'PCI-MSI', devices: '1572864-edge eth0-rx-0' },
      { type: 'NMI', values: [17, 12, 9, 11], info: 'Non-maskable interrupts', devices: '' },
      { type: 'LOC', values: [9811234, 8722121, 9001223, 7765123], info: 'Local timer interrupts', devices: '' },
    ]);
  });

  it('reads a numbered IRQ with a chip and no devices, and an ARM "IPI0" line as a named one', () => {
    const text = '   CPU0   CPU1\n  9:  1  2  IO-APIC\nIPI0:  3  4  Rescheduling interrupts\n';
    expect(parseInterrupts(text)).toEqual([
      { type: '9', values: [1, 2], info: 'IO-APIC', devices: '' },
      { type: 'IPI0', values: [3, 4], info: 'Rescheduling interrupts', devices: '' },
    ]);
  });

  it('treats a type that only starts with digits as named', () => {
    expect(parseInterrupts('CPU0\n12x: 5 chip dev\n')).toEqual([{ type: '12x', values: [5], info: 'chip dev', devices: '' }]);
  });

  it('skips lines without a colon, blank lines and lines with no text after the counts', () => {
    const text = 'CPU0 CPU1\nnocolon 1 2 3 4 5\n\n  ERR: 1 2\n: 6 7 x\n';
    expect(parseInterrupts(text)).toEqual([{ type: '', values: [6, 7], info: 'x', devices: '' }]);
  });

  it.each([
    ['an empty file', '', '/proc/interrupts: missing CPU header'],
    ['a header that does not start with CPU', 'IRQ CPU0\n 0: 1 x\n', '/proc/interrupts: missing CPU header'],
    ['a header naming CPUs without numbers', '  CPUx CPUy\n', '/proc/interrupts: missing CPU header'],
    ['a count with a trailing letter', '  CPU0 CPU1\n 0: 1 2\n 1: 3 4x chip\n', '/proc/interrupts line 3: count "4x" is not a number'],
    ['a count with a leading letter', '  CPU0 CPU1\n 1: x3 4 chip\n', '/proc/interrupts line 2: count "x3" is not a number'],
  ])('refuses %s with a ParseError', (_what, text, message) => {
    expectParseError(() => parseInterrupts(text), message);
  });
});

describe('interrupts parser under garbage input', () => {
  itSurvivesGarbage('interrupts', '  CPU0 CPU1\n 0: 1 2 IO-APIC 2-edge timer\nNMI: 1 2 Non-maskable\n', parseInterrupts);
});
