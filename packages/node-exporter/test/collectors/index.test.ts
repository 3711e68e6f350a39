import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buddyinfoCollector } from '../../src/collectors/buddyinfo.js';
import { cgroupsCollector } from '../../src/collectors/cgroups.js';
import { nodeCollectors } from '../../src/collectors/index.js';
import { interruptsCollector } from '../../src/collectors/interrupts.js';
import { meminfoNumaCollector } from '../../src/collectors/meminfo_numa.js';
import { processesCollector } from '../../src/collectors/processes.js';
import { softirqsCollector } from '../../src/collectors/softirqs.js';
import { tcpstatCollector } from '../../src/collectors/tcpstat.js';

describe('default-off collectors', () => {
  it('are all disabled by default', () => {
    for (const c of [processesCollector, interruptsCollector, softirqsCollector, tcpstatCollector, buddyinfoCollector, cgroupsCollector, meminfoNumaCollector]) {
      expect(c.defaultEnabled, c.name).toBe(false);
    }
  });
});

describe('the collector index', () => {
  const srcDir = fileURLToPath(new URL('../../src/collectors/', import.meta.url));
  const testDir = fileURLToPath(new URL('./', import.meta.url));

  it('lists each collector once, sorted by name, each from collectors/<name>.ts with test/collectors/<name>.test.ts', async () => {
    const names = nodeCollectors.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([...names].sort());
    for (const c of nodeCollectors) {
      const mod = (await import(/* @vite-ignore */ `${srcDir}${c.name}.ts`)) as Record<string, unknown>;
      expect(Object.values(mod), c.name).toContain(c);
      expect(existsSync(`${testDir}${c.name}.test.ts`), `${c.name}.test.ts`).toBe(true);
    }
  });

  it('collectors/ holds collectors and the index only', () => {
    const files = readdirSync(srcDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(nodeCollectors.map((c) => c.name).sort());
  });
});
