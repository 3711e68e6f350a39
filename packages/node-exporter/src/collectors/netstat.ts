import type { Collector, FlagSpec } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseNetstatPairs, parseSnmp6, type NetStatistic } from '../procfs/netstat.js';
import { readProcFile, readTextIfExists } from '../read/index.js';

export const NETSTAT_FIELDS =
  '^(.*_(InErrors|InErrs)|Ip_Forwarding|Ip(6|Ext)_(InOctets|OutOctets)|Icmp6?_(InMsgs|OutMsgs)|TcpExt_(Listen.*|Syncookies.*|TCPSynRetrans|TCPTimeouts)|Tcp_(ActiveOpens|InSegs|OutSegs|OutRsts|PassiveOpens|RetransSegs|CurrEstab)|Udp6?_(InDatagrams|OutDatagrams|NoPorts|RcvbufErrors|SndbufErrors))$';
/** The collector's flags, under node_exporter's names and defaults (Go RE2 regexes, applied unanchored unless `anchor` says otherwise). */
export const netstatFlags: readonly FlagSpec[] = [
  { kind: 'regex', name: 'collector.netstat.fields', description: 'Regexp of /proc/net/{netstat,snmp,snmp6} fields to export.', default: NETSTAT_FIELDS },
];

export const netstatCollector: Collector<NodeContext> = {
  name: 'netstat',
  flags: netstatFlags,
  help: 'Protocol statistics from /proc/net/netstat, /proc/net/snmp and /proc/net/snmp6.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const t = ctx.target;
    const [netstat, snmp, snmp6] = await Promise.all([
      readProcFile(t.proc('net', 'netstat'), ctx.signal),
      readProcFile(t.proc('net', 'snmp'), ctx.signal),
      // Absent when IPv6 is disabled.
      readTextIfExists(t.proc('net', 'snmp6'), ctx.signal),
    ]);
    const stats: NetStatistic[] = [
      ...parseNetstatPairs(netstat, 'net/netstat'),
      ...parseNetstatPairs(snmp, 'net/snmp'),
      ...(snmp6 === undefined ? [] : parseSnmp6(snmp6)),
    ];
    const fields = t.regex('collector.netstat.fields');
    for (const s of stats) {
      const key = `${s.protocol}_${s.field}`;
      if (fields && !fields.test(key)) continue;
      out.untyped(`node_netstat_${key}`, `${s.protocol} counter ${s.field} from /proc/net.`, s.value);
    }
  },
};
