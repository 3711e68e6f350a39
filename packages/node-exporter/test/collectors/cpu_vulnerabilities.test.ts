import { describe, expect, it } from 'vitest';
import { cpuVulnerabilitiesCollector } from '../../src/collectors/cpu_vulnerabilities.js';
import { labelSets, run } from '../collect.js';

describe('cpu_vulnerabilities', () => {
  it('labels each vulnerability with its state and mitigation text', async () => {
    const f = await run(cpuVulnerabilitiesCollector);
    expect(labelSets(f, 'node_cpu_vulnerabilities_info')).toEqual([
      'codename=gather_data_sampling,mitigation=,state=vulnerable',
      'codename=mds,mitigation=Clear CPU buffers attempted, no microcode; SMT vulnerable,state=vulnerable',
      'codename=meltdown,mitigation=,state=not affected',
      'codename=spectre_v1,mitigation=usercopy/swapgs barriers and __user pointer sanitization,state=mitigation',
      'codename=spectre_v2,mitigation=Enhanced / Automatic IBRS; IBPB: conditional; RSB filling,state=mitigation',
    ]);
  });
});
