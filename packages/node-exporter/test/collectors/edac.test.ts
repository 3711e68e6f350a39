import { describe, expect, it } from 'vitest';
import { edacCollector } from '../../src/collectors/edac.js';
import { run, value } from '../collect.js';
import { expectFailure, expectNoData } from '../failure-modes.js';

describe('edac', () => {
  it('reports controller and csrow counters, unattributed errors as csrow="unknown"', async () => {
    const f = await run(edacCollector);
    expect(value(f, 'node_edac_correctable_errors_total', { controller: '0' })).toBe(7);
    expect(value(f, 'node_edac_uncorrectable_errors_total', { controller: '0' })).toBe(1);
    expect(value(f, 'node_edac_csrow_correctable_errors_total', { controller: '0', csrow: 'unknown' })).toBe(1);
    expect(value(f, 'node_edac_csrow_correctable_errors_total', { controller: '0', csrow: '0' })).toBe(4);
    expect(value(f, 'node_edac_csrow_uncorrectable_errors_total', { controller: '0', csrow: '1' })).toBe(0);
  });
});

describe('edac failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(edacCollector);
  });

  it('unreadable file → the collector fails (success 0), with a real error', async () => {
    await expectFailure(edacCollector, { 'sys/devices/system/edac/mc/mc0/ce_count': null, 'sys/devices/system/edac/mc/mc0/ue_count': '0\n' });
  });
});
