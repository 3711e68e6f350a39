import { join } from 'node:path';
import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { attrText, parseHexAttr } from '../sysfs/attributes.js';
import { listFeatureDir, mapLimit, readAttrs } from '../read/index.js';

const INFO = ['speed', 'port_state', 'port_type', 'symbolic_name', 'node_name', 'port_id', 'port_name', 'fabric_name', 'dev_loss_tmo', 'supported_classes', 'supported_speeds'] as const;

const HEX_LABELS: ReadonlySet<string> = new Set(['fabric_name', 'port_id', 'port_name']);

/** [statistics file, metric suffix] — the kernel prints these counters in hex. */
const COUNTERS: ReadonlyArray<readonly [string, string]> = [
  ['dumped_frames', 'dumped_frames_total'],
  ['error_frames', 'error_frames_total'],
  ['invalid_crc_count', 'invalid_crc_total'],
  ['rx_frames', 'rx_frames_total'],
  ['rx_words', 'rx_words_total'],
  ['tx_frames', 'tx_frames_total'],
  ['tx_words', 'tx_words_total'],
  ['seconds_since_last_reset', 'seconds_since_last_reset_total'],
  ['invalid_tx_word_count', 'invalid_tx_words_total'],
  ['link_failure_count', 'link_failure_total'],
  ['loss_of_sync_count', 'loss_of_sync_total'],
  ['loss_of_signal_count', 'loss_of_signal_total'],
  ['nos_count', 'nos_total'],
  ['fcp_packet_aborts', 'fcp_packet_aborts_total'],
];

/** Fibre Channel host adapters from /sys/class/fc_host. */
export const fibrechannelCollector: Collector<NodeContext> = {
  name: 'fibrechannel',
  help: 'Fibre Channel host statistics from /sys/class/fc_host.',
  defaultEnabled: true,
  async collect(ctx, out) {
    const base = ctx.target.sys('class', 'fc_host');
    const hosts = await listFeatureDir(base, 'fibrechannel');
    const data = await mapLimit(hosts, 4, async (host) => ({
      host,
      info: await readAttrs(join(base, host), INFO, ctx.signal, true),
      stats: await readAttrs(join(base, host, 'statistics'), COUNTERS.map(([f]) => f), ctx.signal, true),
    }));
    for (const { host, info, stats } of data) {
      const labels: Record<string, string> = { fc_host: host };
      for (const k of INFO) {
        if (k === 'node_name') continue;
        const text = info[k] === undefined ? '' : attrText(info[k] as string);
        // WWNs and the port id are printed as 0x… by the kernel; node_exporter reports the bare hex.
        labels[k] = HEX_LABELS.has(k) ? text.replace(/^0x/, '') : text;
      }
      out.gauge('node_fibrechannel_info', 'Identity and link state of the Fibre Channel host; always 1.', 1, labels);
      for (const [file, suffix] of COUNTERS) {
        const raw = stats[file];
        if (raw !== undefined) out.counter(`node_fibrechannel_${suffix}`, `Fibre Channel statistic ${file}.`, parseHexAttr(raw, `${host}/statistics/${file}`), { fc_host: host });
      }
    }
  },
};
