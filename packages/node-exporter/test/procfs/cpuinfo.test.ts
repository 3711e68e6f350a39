import { describe, expect, it } from 'vitest';
import { parseCpuinfo, type CpuInfo } from '../../src/procfs/cpuinfo.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

/** One logical CPU of the fixture (four threads of one package, two cores). */
const fixtureCpu = (processor: string, coreId: string): CpuInfo => ({
  processor, vendor: 'GenuineIntel', family: '6', model: '158', modelName: 'Example(R) Core(TM) i5 CPU @ 3.00GHz', stepping: '10',
  microcode: '0xf4', cacheSize: '9216 KB', physicalId: '0', coreId,
  flags: ['fpu', 'vme', 'de', 'pse', 'tsc', 'msr', 'aes', 'avx', 'avx2', 'constant_tsc', 'nonstop_tsc'],
  bugs: ['cpu_meltdown', 'spectre_v1', 'spectre_v2', 'mds', 'swapgs'],
});

/** A CPU block that names none of the x86 fields. */
const bareCpu = (processor: string): CpuInfo => ({
  processor, vendor: '', family: '', model: '', modelName: '', stepping: '', microcode: '', cacheSize: '', physicalId: '', coreId: '',
  flags: [], bugs: [],
});

describe('cpuinfo parser', () => {
  it('reads every x86 field of each processor block of the fixture, in order', () => {
    expect(parseCpuinfo(readFixture('proc/cpuinfo'))).toEqual([
      fixtureCpu('0', '0'), fixtureCpu('1', '1'), fixtureCpu('2', '0'), fixtureCpu('3', '1'),
    ]);
  });

  it('leaves the x86 fields an ARM kernel does not print empty and skips its trailing Hardware block', () => {
    const arm = 'processor\t: 0\nBogoMIPS\t: 48.00\nFeatures\t: fp asimd\nCPU implementer\t: 0x41\n\n'
      + 'processor\t: 1\nBogoMIPS\t: 48.00\n\nHardware\t: BCM2835\nRevision\t: a02082\n';
    expect(parseCpuinfo(arm)).toEqual([bareCpu('0'), bareCpu('1')]);
  });

  it('splits blocks at lines holding only blanks and tabs, and ignores such lines at the start and end', () => {
    expect(parseCpuinfo(' \t\nprocessor : 7\n \t \n  processor:12  \n\n\nprocessor:3\n\t ')).toEqual([bareCpu('7'), bareCpu('12'), bareCpu('3')]);
  });

  it('splits flags and bugs on any run of blanks and tabs, keeps a value\'s inner colons and ignores a line with an empty key', () => {
    expect(parseCpuinfo('processor: 0\nflags:  fpu\t\tvme  \nbugs: a  b\nmodel name: X: Y\n: orphan\n')).toEqual([
      { ...bareCpu('0'), modelName: 'X: Y', flags: ['fpu', 'vme'], bugs: ['a', 'b'] },
    ]);
  });

  it.each([
    ['a line without a colon', 'processor\t: 0\nvendor_id GenuineIntel\n', 'cpuinfo: line without \':\' "vendor_id GenuineIntel" (line 2)'],
    ['a line without a colon in a later block (numbered in the file)', 'processor\t: 0\n\n \t\nprocessor\t: 1\nflags fpu\n', 'cpuinfo: line without \':\' "flags fpu" (line 5)'],
    ['a processor number with a leading letter', 'processor\t: x1\n', 'cpuinfo: bad processor number "x1"'],
    ['a processor number with a trailing letter', 'processor\t: 1x\n', 'cpuinfo: bad processor number "1x"'],
    ['an empty processor number', 'processor\t:\n', 'cpuinfo: bad processor number ""'],
  ])('refuses %s with a ParseError', (_what, text, message) => {
    expectParseError(() => parseCpuinfo(text), message);
  });

  it('quotes at most 40 characters of a line without a colon', () => {
    const line = `model name ${'x'.repeat(60)}`;
    expectParseError(() => parseCpuinfo(`${line}\n`), `cpuinfo: line without ':' ${JSON.stringify(line.slice(0, 40))} (line 1)`);
  });

  it('returns no CPUs for an empty file', () => {
    expect(parseCpuinfo('')).toEqual([]);
  });
});

describe('cpuinfo parser under garbage input', () => {
  itSurvivesGarbage('cpuinfo', readFixture('proc/cpuinfo'), parseCpuinfo, { seed: 55433, reachesErrors: true });
});
