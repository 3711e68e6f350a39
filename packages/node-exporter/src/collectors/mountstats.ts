import type { Collector, MetricSink } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { NFS_EVENT_NAMES, mountinfoAddresses, parseMountStats, type NfsMountStats } from '../procfs/mountstats.js';
import { readFeatureFile } from '../read/index.js';

const P = 'node_mountstats_nfs_';
const BYTES: ReadonlyArray<readonly [string, string]> = [
  ['read_bytes_total', 'Bytes read by applications with read(2).'],
  ['write_bytes_total', 'Bytes written by applications with write(2).'],
  ['direct_read_bytes_total', 'Bytes read with O_DIRECT.'],
  ['direct_write_bytes_total', 'Bytes written with O_DIRECT.'],
  ['total_read_bytes_total', 'Bytes read from the server.'],
  ['total_write_bytes_total', 'Bytes written to the server.'],
  ['read_pages_total', 'Pages read through mmap.'],
  ['write_pages_total', 'Pages written through mmap.'],
];

/** Large millisecond sums wrap at 2^53 as node_exporter's do, so both agree on huge counters. */
const MANTISSA = 2 ** 53;

function emitMount(out: MetricSink, m: NfsMountStats, l: Record<string, string>): void {
  out.counter(`${P}age_seconds_total`, 'Age of the NFS mount in seconds.', m.ageSeconds, l);
  BYTES.forEach(([suffix, help], i) => out.counter(P + suffix, help, m.bytes[i] ?? 0, l));
  const t = m.transport;
  if (t) {
    out.counter(`${P}transport_bind_total`, 'Times the client had to bind a new connection to the server.', t.bind, l);
    out.counter(`${P}transport_connect_total`, 'TCP connections the client made to the server.', t.connect, l);
    out.gauge(`${P}transport_idle_time_seconds`, 'Seconds since the mount last saw RPC traffic.', t.idleTimeSeconds % MANTISSA, l);
    out.counter(`${P}transport_sends_total`, 'RPC requests sent to the server.', t.sends, l);
    out.counter(`${P}transport_receives_total`, 'RPC replies received from the server.', t.receives, l);
    out.counter(`${P}transport_bad_transaction_ids_total`, 'Replies with a transaction id unknown to the client.', t.badTransactionIds, l);
    out.counter(`${P}transport_backlog_queue_total`, 'Cumulative RPC backlog queue length.', t.backlog, l);
    out.gauge(`${P}transport_maximum_rpc_slots`, 'Most RPC slots ever in use at once.', t.maxSlots, l);
    out.counter(`${P}transport_sending_queue_total`, 'Cumulative RPC sending queue length.', t.sendingQueue, l);
    out.counter(`${P}transport_pending_queue_total`, 'Cumulative RPC pending queue length.', t.pendingQueue, l);
  }
  for (const op of m.operations) {
    const ol = { ...l, operation: op.operation };
    out.counter(`${P}operations_requests_total`, 'Requests of the NFS operation.', op.requests, ol);
    out.counter(`${P}operations_transmissions_total`, 'RPC transmissions of the NFS operation.', op.transmissions, ol);
    out.counter(`${P}operations_major_timeouts_total`, 'Major timeouts of the NFS operation.', op.majorTimeouts, ol);
    out.counter(`${P}operations_sent_bytes_total`, 'Bytes sent for the NFS operation.', op.bytesSent, ol);
    out.counter(`${P}operations_received_bytes_total`, 'Bytes received for the NFS operation.', op.bytesReceived, ol);
    out.counter(`${P}operations_queue_time_seconds_total`, 'Seconds requests of the operation waited to be sent.', (op.queueMs % MANTISSA) / 1000, ol);
    out.counter(`${P}operations_response_time_seconds_total`, 'Seconds from transmission to reply for the operation.', (op.responseMs % MANTISSA) / 1000, ol);
    out.counter(`${P}operations_request_time_seconds_total`, 'Seconds from queueing to completion for the operation.', (op.requestMs % MANTISSA) / 1000, ol);
  }
  NFS_EVENT_NAMES.forEach((name, i) => {
    if (name === 'congestion_wait') return; // unused by the kernel; node_exporter does not export it
    out.counter(`${P}event_${name}_total`, `NFS client event ${name}.`, m.events[i] ?? 0, l);
  });
}

/** Per-mount NFS client statistics from /proc/self/mountstats (default off, as in node_exporter). */
export const mountstatsCollector: Collector<NodeContext> = {
  name: 'mountstats',
  help: 'NFS client per-mount statistics from /proc/self/mountstats.',
  defaultEnabled: false,
  async collect(ctx, out) {
    const t = ctx.target;
    const [statsText, infoText] = await Promise.all([
      readFeatureFile(t.proc('self', 'mountstats'), ctx.signal, 'mountstats'),
      readFeatureFile(t.proc('self', 'mountinfo'), ctx.signal, 'mountstats'),
    ]);
    const addresses = mountinfoAddresses(infoText);
    const seenDevices = new Set<string>();
    for (const m of parseMountStats(statsText)) {
      if (!m.transport) continue;
      const labels = { export: m.device, protocol: m.transport.protocol, mountaddr: addresses[m.index] ?? '' };
      // The same export mounted twice is reported once, as node_exporter does.
      const key = JSON.stringify(labels);
      if (seenDevices.has(key)) continue;
      seenDevices.add(key);
      emitMount(out, m, labels);
    }
  },
};
