import { ParseError } from './errors.js';

/** Kernel TCP state numbers (include/net/tcp_states.h) → node_exporter's state label. */
const TCP_STATES: Readonly<Record<number, string>> = {
  1: 'established', 2: 'syn_sent', 3: 'syn_recv', 4: 'fin_wait1', 5: 'fin_wait2', 6: 'time_wait',
  7: 'close', 8: 'close_wait', 9: 'last_ack', 10: 'listen', 11: 'closing',
};

/**
 * Adds the sockets of one /proc/net/tcp{,6} file to `into`: a count per state plus the summed
 * queue bytes under "tx_queued_bytes" / "rx_queued_bytes", as node_tcp_connection_states has them.
 */
export function addTcpStates(text: string, into: Map<string, number>): void {
  const lines = text.split('\n');
  if (!/^\s*sl\s/.test(lines[0] ?? '')) throw new ParseError('/proc/net/tcp: missing header line');
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    const cols = line.split(/\s+/);
    const st = cols[3];
    const q = cols[4] === undefined ? null : /^([0-9A-Fa-f]{1,16}):([0-9A-Fa-f]{1,16})$/.exec(cols[4]);
    if (st === undefined || !/^[0-9A-Fa-f]{2}$/.test(st) || !q) throw new ParseError(`/proc/net/tcp line ${i + 1}: unexpected columns`);
    const state = TCP_STATES[Number.parseInt(st, 16)];
    if (state === undefined) throw new ParseError(`/proc/net/tcp line ${i + 1}: unknown state ${st}`);
    into.set(state, (into.get(state) ?? 0) + 1);
    into.set('tx_queued_bytes', (into.get('tx_queued_bytes') ?? 0) + Number.parseInt(q[1] as string, 16));
    into.set('rx_queued_bytes', (into.get('rx_queued_bytes') ?? 0) + Number.parseInt(q[2] as string, 16));
  }
}
