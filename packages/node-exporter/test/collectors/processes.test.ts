import { describe, expect, it } from 'vitest';
import { processesCollector } from '../../src/collectors/processes.js';
import { run, value } from '../collect.js';

describe('processes', () => {
  it('counts pids, threads and states; a ")" in the command name does not shift fields', async () => {
    const f = await run(processesCollector);
    expect(value(f, 'node_processes_pids')).toBe(5);
    expect(value(f, 'node_processes_threads')).toBe(8);
    expect(value(f, 'node_processes_state', { state: 'R' })).toBe(1);
    expect(value(f, 'node_processes_state', { state: 'Z' })).toBe(1);
    expect(value(f, 'node_processes_state', { state: 'S' })).toBe(1);
    expect(value(f, 'node_processes_max_threads')).toBe(127154);
    expect(value(f, 'node_processes_threads_state', { thread_state: 'R' })).toBe(2);
    expect(value(f, 'node_processes_threads_state', { thread_state: 'S' })).toBe(2);
    expect(value(f, 'node_processes_max_processes')).toBe(4194304);
  });
});
