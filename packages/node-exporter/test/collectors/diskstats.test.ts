import { describe, expect, it } from 'vitest';
import { diskstatsCollector } from '../../src/collectors/diskstats.js';
import { family, labelSets, run, value } from '../collect.js';
import { defaultsContext } from '../fixture-tree.js';

describe('diskstats', () => {
  it('skips partitions and loop devices by default and scales sectors and milliseconds', async () => {
    const fams = await run(diskstatsCollector, defaultsContext());
    expect(labelSets(fams, 'node_disk_reads_completed_total')).toEqual(['device=dm-0', 'device=md0', 'device=nvme0n1', 'device=sda', 'device=sdb']);
    expect(value(fams, 'node_disk_read_bytes_total', { device: 'sda' })).toBe(18000000 * 512);
    expect(value(fams, 'node_disk_write_time_seconds_total', { device: 'sda' })).toBe(400);
    expect(value(fams, 'node_disk_io_now', { device: 'dm-0' })).toBe(1);
    expect(value(fams, 'node_disk_io_time_weighted_seconds_total', { device: 'nvme0n1' })).toBe(460);
    expect(value(fams, 'node_disk_discarded_sectors_total', { device: 'nvme0n1' })).toBe(4000000);
    expect(value(fams, 'node_disk_flush_requests_total', { device: 'sda' })).toBe(9000);
    expect(value(fams, 'node_disk_flush_requests_time_seconds_total', { device: 'sda' })).toBe(1.2);
    // sdb has the 11 columns of old kernels: no discard or flush series for it.
    expect(labelSets(fams, 'node_disk_discards_completed_total')).not.toContain('device=sdb');
    expect(family(fams, 'node_disk_io_now').type).toBe('gauge');
  });

  it('adds udev identity, filesystem, device-mapper and ATA facts', async () => {
    const fams = await run(diskstatsCollector, defaultsContext());
    const sda = family(fams, 'node_disk_info').samples.find((s) => s.labels.device === 'sda');
    expect(sda?.labels).toEqual({
      device: 'sda', major: '8', minor: '0', path: 'pci-0000:00:17.0-ata-1', wwn: '0x5002538e40a1b2c3',
      model: 'EXAMPLE_SSD_1TB', serial: 'S3Z9NB0K123456', revision: '2B6Q',
    });
    expect(labelSets(fams, 'node_disk_filesystem_info')).toEqual(['device=dm-0,type=ext4,usage=filesystem,uuid=6f1c2d3e-4b5a-4978-8877-665544332211,version=1.0']);
    expect(labelSets(fams, 'node_disk_device_mapper_info')).toEqual([
      'device=dm-0,lv_layer=,lv_name=root,name=vg0-root,uuid=LVM-abcdefABCDEF0123456789abcdefABCDEF0123456789abcdef012345,vg_name=vg0',
    ]);
    expect(value(fams, 'node_disk_ata_write_cache_enabled', { device: 'sda' })).toBe(1);
    expect(value(fams, 'node_disk_ata_rotation_rate_rpm', { device: 'sda' })).toBe(0);
  });

  it('an include pattern replaces the default exclude', async () => {
    const fams = await run(diskstatsCollector, defaultsContext({ 'collector.diskstats.device-include': '^(sda|loop)' }));
    expect(labelSets(fams, 'node_disk_reads_completed_total')).toEqual(['device=loop0', 'device=sda', 'device=sda1']);
  });
});
