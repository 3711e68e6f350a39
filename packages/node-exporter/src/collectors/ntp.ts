import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { queryNtp } from '../ntp/client.js';
import { ntpFlags, ntpOptions } from '../ntp/options.js';
import { ntpResponse, ntpSanity } from '../ntp/response.js';

/** As node_exporter's query: one second, ntpdate's default. */
const QUERY_TIMEOUT_MS = 1000;

/** The local NTP daemon's view of time, from one SNTP query to --collector.ntp.server. */
export const ntpCollector: Collector<NodeContext> = {
  name: 'ntp',
  help: 'State of the local NTP daemon, from one SNTP query (deprecated in node_exporter).',
  defaultEnabled: false,
  flags: ntpFlags,
  async collect(ctx, out) {
    const opts = ntpOptions(ctx.target.flags);
    const exchange = await queryNtp({ ...opts, timeoutMs: QUERY_TIMEOUT_MS, signal: ctx.signal });
    const r = ntpResponse(exchange.packet, exchange.sentAt, exchange.receivedAt);
    out.gauge('node_ntp_stratum', 'Stratum of the NTP daemon.', r.stratum);
    out.gauge('node_ntp_leap', 'Leap indicator of the NTP daemon (2 bits).', r.leap);
    out.gauge('node_ntp_rtt_seconds', 'Round trip time of the query to the NTP daemon.', r.rtt);
    out.gauge('node_ntp_offset_seconds', 'Offset of the local clock from the NTP daemon\'s.', r.clockOffset);
    out.gauge('node_ntp_reference_timestamp_seconds', 'When the NTP daemon last set its clock, as a Unix time (0 when never).', r.referenceTime > 0 ? r.referenceTime : 0);
    out.gauge('node_ntp_root_delay_seconds', 'Round trip delay of the NTP daemon to its reference clock.', r.rootDelay);
    out.gauge('node_ntp_root_dispersion_seconds', 'Dispersion of the NTP daemon relative to its reference clock.', r.rootDispersion);
    const state = ctx.target.state('ntp', () => ({ leapMidnight: 0 }));
    const { sane, leapMidnight } = ntpSanity(r, opts, state.leapMidnight);
    state.leapMidnight = leapMidnight;
    out.gauge('node_ntp_sanity', 'Whether the NTP daemon is fit to trust: RFC 5905 checks, root distance and local offset within the configured limits.', sane ? 1 : 0);
  },
};
