import { describe, expect, it } from 'vitest';
import { ConfigError } from '@scrapekit/exporter-kit';
import { PERF_ATTR_SIZE, PERF_EVENTS, encodePerfEventAttr, parsePerfCpus } from '../../src/perf/events.js';
import { perfOptions } from '../../src/perf/options.js';

const event = (profiler: string) => PERF_EVENTS.find((e) => e.profiler === profiler);

describe('perf events', () => {
  it('maps node_exporter profiler names to perf_event_open types and configs', () => {
    expect(event('CpuCycles')).toMatchObject({ type: 0, config: 0n, metric: 'cpucycles_total' });
    expect(event('RefCpuCycles')).toMatchObject({ type: 0, config: 9n, metric: 'ref_cpucycles_total' });
    expect(event('ContextSwitch')).toMatchObject({ type: 1, config: 3n, metric: 'context_switches_total' });
    expect(event('MajorFault')).toMatchObject({ type: 1, config: 6n, metric: 'major_faults_total' });
    // PERF_TYPE_HW_CACHE: cache id | op << 8 | result << 16.
    expect(event('LLReadMiss')).toMatchObject({ type: 3, config: 0x10002n, metric: 'cache_ll_read_misses_total' });
    expect(event('DataTLBWriteHit')).toMatchObject({ type: 3, config: 0x00103n, metric: 'cache_tlb_data_write_hits_total' });
    expect(PERF_EVENTS.filter((e) => e.family === 'hardware')).toHaveLength(9);
    expect(PERF_EVENTS.filter((e) => e.family === 'software')).toHaveLength(5);
    expect(PERF_EVENTS.filter((e) => e.family === 'cache')).toHaveLength(16);
    expect(new Set(PERF_EVENTS.map((e) => e.metric)).size).toBe(PERF_EVENTS.length);
  });

  it('encodes a counting perf_event_attr: type, size, config, no flag bits', () => {
    const attr = encodePerfEventAttr(3, 0x10002n);
    expect(attr).toHaveLength(PERF_ATTR_SIZE);
    expect(attr.readUInt32LE(0)).toBe(3);
    expect(attr.readUInt32LE(4)).toBe(PERF_ATTR_SIZE);
    expect(attr.readBigUInt64LE(8)).toBe(0x10002n);
    expect(attr.subarray(16).every((b) => b === 0)).toBe(true);
  });

  it('reads --collector.perf.cpus as node_exporter does: lists, ranges, strides', () => {
    expect(parsePerfCpus('3')).toEqual([3]);
    expect(parsePerfCpus('0,2-4')).toEqual([0, 2, 3, 4]);
    expect(parsePerfCpus('8-15:2')).toEqual([8, 10, 12, 14]);
    expect(() => parsePerfCpus('a-b')).toThrow(/CPU/);
    expect(() => parsePerfCpus('1-2-3')).toThrow(/range/);
  });
});

describe('perf options', () => {
  it('counts every event of every family on every CPU by default', () => {
    const o = perfOptions({}, 2);
    expect(o.cpus).toEqual([0, 1]);
    expect(o.events).toHaveLength(PERF_EVENTS.length);
    expect(o.tracepoints).toEqual([]);
  });

  it('narrows a family to the named profilers and drops a disabled family', () => {
    const o = perfOptions({
      'collector.perf.software-profilers': ['ContextSwitch', 'PageFault'],
      'collector.perf.disable-hardware-profilers': true,
      'collector.perf.disable-cache-profilers': true,
      'collector.perf.cpus': '1',
    }, 4);
    expect(o.cpus).toEqual([1]);
    expect(o.events.map((e) => e.profiler)).toEqual(['PageFault', 'ContextSwitch']);
  });

  it('refuses an unknown profiler or a malformed CPU list, naming the flag', () => {
    expect(() => perfOptions({ 'collector.perf.cache-profilers': ['L9Hit'] }, 1)).toThrow(ConfigError);
    expect(() => perfOptions({ 'collector.perf.cache-profilers': ['L9Hit'] }, 1)).toThrow(/--collector.perf.cache-profilers: unknown profiler "L9Hit"/);
    expect(() => perfOptions({ 'collector.perf.cpus': 'all' }, 1)).toThrow(/--collector.perf.cpus/);
  });
});
