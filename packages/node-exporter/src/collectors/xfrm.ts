import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseXfrmStat, xfrmFieldName } from '../procfs/xfrm.js';
import { readFeatureFile } from '../read/index.js';

/** The counters node_exporter knows (procfs's XfrmStat); newer kernel fields are left out as there. */
const KNOWN = new Set([
  'in_error', 'in_buffer_error', 'in_hdr_error', 'in_no_states', 'in_state_proto_error', 'in_state_mode_error', 'in_state_seq_error',
  'in_state_expired', 'in_state_mismatch', 'in_state_invalid', 'in_tmpl_mismatch', 'in_no_pols', 'in_pol_block', 'in_pol_error',
  'out_error', 'out_bundle_gen_error', 'out_bundle_check_error', 'out_no_states', 'out_state_proto_error', 'out_state_mode_error',
  'out_state_seq_error', 'out_state_expired', 'out_pol_block', 'out_pol_dead', 'out_pol_error', 'fwd_hdr_error', 'out_state_invalid',
  'acquire_error',
]);

/** IPsec (XFRM) transformation error counters from /proc/net/xfrm_stat. */
export const xfrmCollector: Collector<NodeContext> = {
  name: 'xfrm',
  help: 'IPsec XFRM statistics from /proc/net/xfrm_stat.',
  defaultEnabled: false,
  async collect(ctx, out) {
    for (const [field, v] of parseXfrmStat(await readFeatureFile(ctx.target.proc('net', 'xfrm_stat'), ctx.signal, 'xfrm'))) {
      const name = xfrmFieldName(field);
      if (!KNOWN.has(name)) continue;
      out.counter(`node_xfrm_${name}_packets_total`, `Packets counted by the kernel's ${field} statistic.`, v);
    }
  },
};
