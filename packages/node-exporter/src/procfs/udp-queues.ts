import { ParseError } from './errors.js';

export interface UdpQueueTotals {
  readonly txQueue: number;
  readonly rxQueue: number;
}

/**
 * Sums the tx_queue:rx_queue column (hex bytes) over the sockets of /proc/net/udp or udp6:
 * the memory the kernel holds for queued datagrams.
 */
export function sumUdpQueues(text: string): UdpQueueTotals {
  let tx = 0;
  let rx = 0;
  const lines = text.split('\n');
  if (!/^\s*sl\s/.test(lines[0] ?? '')) throw new ParseError('/proc/net/udp: missing header line');
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    const cols = line.split(/\s+/);
    const queues = cols[4];
    const m = queues === undefined ? null : /^([0-9A-Fa-f]{1,16}):([0-9A-Fa-f]{1,16})$/.exec(queues);
    if (!m) throw new ParseError(`/proc/net/udp line ${i + 1}: bad tx_queue:rx_queue field ${JSON.stringify(queues)}`);
    tx += Number.parseInt(m[1] as string, 16);
    rx += Number.parseInt(m[2] as string, 16);
  }
  return { txQueue: tx, rxQueue: rx };
}
