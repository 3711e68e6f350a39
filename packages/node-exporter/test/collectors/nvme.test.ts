import { describe, expect, it } from 'vitest';
import { nvmeCollector } from '../../src/collectors/nvme.js';
import { labelSets, run } from '../collect.js';
import { expectNoData } from '../failure-modes.js';

describe('nvme', () => {
  it('trims the padded identity strings', async () => {
    const f = await run(nvmeCollector);
    expect(labelSets(f, 'node_nvme_info')).toEqual([
      'cntlid=4,device=nvme0,firmware_revision=2B2QEXM7,model=Example NVMe SSD 970 1TB,serial=S4EWNX0R123456,state=live',
    ]);
  });
});

describe('nvme failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(nvmeCollector);
  });
});
