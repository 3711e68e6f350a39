import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { readLogind } from '../logind/bus.js';
import { logindSessionCounts } from '../logind/sessions.js';

/** Sessions registered in systemd-logind, from the D-Bus system bus. */
export const logindCollector: Collector<NodeContext> = {
  name: 'logind',
  help: 'Sessions registered in systemd-logind (D-Bus system bus).',
  defaultEnabled: false,
  async collect(ctx, out) {
    const { seats, sessions } = await readLogind(ctx.signal);
    for (const c of logindSessionCounts(seats, sessions)) {
      out.gauge('node_logind_sessions', 'Sessions logind has registered, by seat, remoteness, type and class.', c.count, { seat: c.seat, remote: c.remote, type: c.type, class: c.class });
    }
  },
};
