import { describe, expect, it } from 'vitest';
import { buddyinfoCollector } from '../../src/collectors/buddyinfo.js';
import { cgroupsCollector } from '../../src/collectors/cgroups.js';
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
