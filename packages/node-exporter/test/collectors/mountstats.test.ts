import { describe, expect, it } from 'vitest';
import { mountstatsCollector } from '../../src/collectors/mountstats.js';
import { labelSets, run, value } from '../collect.js';

describe('mountstats', () => {
  it('reports NFS mounts labelled by export, transport protocol and server address from mountinfo', async () => {
    const f = await run(mountstatsCollector);
    const v4 = { export: '10.20.5.1:/srv/backups', protocol: 'tcp', mountaddr: '10.20.5.1' };
    const v3 = { export: '10.20.5.2:/home', protocol: 'udp', mountaddr: '10.20.5.2' };
    expect(labelSets(f, 'node_mountstats_nfs_age_seconds_total')).toEqual([
      'export=10.20.5.1:/srv/backups,mountaddr=10.20.5.1,protocol=tcp',
      'export=10.20.5.2:/home,mountaddr=10.20.5.2,protocol=udp',
    ]);
    expect(value(f, 'node_mountstats_nfs_age_seconds_total', v4)).toBe(86400);
    expect(value(f, 'node_mountstats_nfs_total_read_bytes_total', v4)).toBe(1073745920);
    expect(value(f, 'node_mountstats_nfs_write_pages_total', v4)).toBe(131073);
    // Two xprt lines (nconnect): the last one is reported, as node_exporter 1.5.0 does.
    expect(value(f, 'node_mountstats_nfs_transport_sends_total', v4)).toBe(1000);
    // udp has no connect count or idle time: the columns after bind shift.
    expect(value(f, 'node_mountstats_nfs_transport_connect_total', v3)).toBe(0);
    expect(value(f, 'node_mountstats_nfs_transport_sends_total', v3)).toBe(501);
    expect(value(f, 'node_mountstats_nfs_operations_requests_total', { ...v4, operation: 'WRITE' })).toBe(8102);
    expect(value(f, 'node_mountstats_nfs_operations_request_time_seconds_total', { ...v4, operation: 'READ' })).toBe(101.203);
    expect(value(f, 'node_mountstats_nfs_event_vfs_getdents_total', v3)).toBe(13);
    expect(value(f, 'node_mountstats_nfs_event_pnfs_write_total', v3)).toBe(27);
    expect(f.some((x) => x.name.includes('congestion'))).toBe(false);
  });
});
