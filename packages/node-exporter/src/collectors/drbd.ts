import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseProcDrbd } from '../procfs/drbd.js';
import { readFeatureFile } from '../read/index.js';

/** /proc/drbd key → [metric suffix, help, multiplier, counter?]. KiB counters become bytes ("nr" stays as node_exporter exports it). */
const NUMERIC: Readonly<Record<string, readonly [string, string, number, boolean]>> = {
  ns: ['network_sent_bytes_total', 'Bytes sent to the peer.', 1024, true],
  nr: ['network_received_bytes_total', 'Data received from the peer (exported unscaled, as node_exporter does).', 1, true],
  dw: ['disk_written_bytes_total', 'Bytes written to the local disk.', 1024, true],
  dr: ['disk_read_bytes_total', 'Bytes read from the local disk.', 1024, true],
  al: ['activitylog_writes_total', 'Activity log updates of the metadata.', 1, true],
  bm: ['bitmap_writes_total', 'Bitmap updates of the metadata.', 1, true],
  lo: ['local_pending', 'Open requests to the local disk.', 1, false],
  pe: ['remote_pending', 'Requests sent to the peer and not yet answered.', 1, false],
  ua: ['remote_unacknowledged', 'Requests from the peer not yet answered.', 1, false],
  ap: ['application_pending', 'Block I/O requests forwarded to DRBD and not yet answered.', 1, false],
  ep: ['epochs', 'Epochs currently in flight.', 1, false],
  oos: ['out_of_sync_bytes', 'Data known to be out of sync, in bytes.', 1024, false],
};

const PAIRS: Readonly<Record<string, readonly [string, string, string]>> = {
  ro: ['node_drbd_node_role_is_primary', 'Whether the node (local or remote) is primary.', 'Primary'],
  ds: ['node_drbd_disk_state_is_up_to_date', 'Whether the disk (local or remote) is up to date.', 'UpToDate'],
};

/** DRBD replicated block devices from /proc/drbd. */
export const drbdCollector: Collector<NodeContext> = {
  name: 'drbd',
  help: 'DRBD device statistics from /proc/drbd.',
  defaultEnabled: false,
  async collect(ctx, out) {
    for (const s of parseProcDrbd(await readFeatureFile(ctx.target.proc('drbd'), ctx.signal, 'drbd'))) {
      if (s.kind === 'number') {
        const [suffix, help, mult, isCounter] = NUMERIC[s.key] as readonly [string, string, number, boolean];
        if (isCounter) out.counter(`node_drbd_${suffix}`, help, s.value * mult, { device: s.device });
        else out.gauge(`node_drbd_${suffix}`, help, s.value * mult, { device: s.device });
      } else if (s.kind === 'pair') {
        const [name, help, ok] = PAIRS[s.key] as readonly [string, string, string];
        out.gauge(name, help, s.local === ok ? 1 : 0, { device: s.device, node: 'local' });
        out.gauge(name, help, s.remote === ok ? 1 : 0, { device: s.device, node: 'remote' });
      } else {
        out.gauge('node_drbd_connected', 'Whether the device is connected to its peer.', s.state === 'Connected' ? 1 : 0, { device: s.device });
      }
    }
  },
};
