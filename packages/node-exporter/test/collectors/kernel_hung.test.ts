import { describe, expect, it } from 'vitest';
import { kernelHungCollector } from '../../src/collectors/kernel_hung.js';
import { family, run, value } from '../collect.js';
import { expectFailure, expectNoData } from '../failure-modes.js';

describe('kernel_hung', () => {
  it('reads the detection counter', async () => {
    const f = await run(kernelHungCollector);
    expect(value(f, 'node_kernel_hung_tasks_total')).toBe(2);
    expect(family(f, 'node_kernel_hung_tasks_total').type).toBe('counter');
  });
});

describe('kernel_hung failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(kernelHungCollector);
  });

  it('unreadable file → the collector fails (success 0), with a real error', async () => {
    await expectFailure(kernelHungCollector, { 'proc/sys/kernel/hung_task_detect_count': null });
  });
});
