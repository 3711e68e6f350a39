import { describe, expect, it } from 'vitest';
import { diskstatsCollector } from '../../src/collectors/diskstats.js';
import { defaultsContext } from '../fixture-tree.js';
import { run, value } from '../collect.js';

// The fixture's sda line (test/fixtures/proc/diskstats) in the kernel's milliseconds:
// read 90000, write 400000, I/O 310000, weighted I/O 495000, discard 250, flush 1200.
// node_exporter reports every one of them in seconds; a dashboard's utilisation panel
// (rate(node_disk_io_time_seconds_total)) reads 1000× too high when one is left in ms.
describe('diskstats time columns', () => {
  it('reports every kernel millisecond column of sda in seconds', async () => {
    const fams = await run(diskstatsCollector, defaultsContext());
    const sda = { device: 'sda' };
    expect({
      read: value(fams, 'node_disk_read_time_seconds_total', sda),
      write: value(fams, 'node_disk_write_time_seconds_total', sda),
      io: value(fams, 'node_disk_io_time_seconds_total', sda),
      ioWeighted: value(fams, 'node_disk_io_time_weighted_seconds_total', sda),
      discard: value(fams, 'node_disk_discard_time_seconds_total', sda),
      flush: value(fams, 'node_disk_flush_requests_time_seconds_total', sda),
    }).toEqual({ read: 90, write: 400, io: 310, ioWeighted: 495, discard: 0.25, flush: 1.2 });
  });
});
