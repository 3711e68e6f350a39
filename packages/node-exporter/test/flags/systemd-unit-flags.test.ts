import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/node-exporter.js', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The ExecStart of a systemd unit written for node_exporter 1.5–1.9 with every flag of issue #14 item 7. */
const UNIT_FLAGS = [
  '--collector.ethtool', '--collector.qdisc', '--collector.network_route', '--collector.wifi',
  '--collector.ntp', '--collector.ntp.server=127.0.0.1', '--collector.ntp.server-port=1', '--collector.ntp.protocol-version=4',
  '--collector.ntp.ip-ttl=1', '--collector.ntp.max-distance=3.46608s', '--collector.ntp.local-offset-tolerance=1ms',
  '--collector.logind',
  '--collector.perf', '--collector.perf.cpus=0', '--collector.perf.tracepoint=sched:sched_switch',
  '--collector.runit', '--collector.runit.servicedir=/etc/service',
  '--collector.supervisord', '--collector.supervisord.url=http://localhost:9001/RPC2',
  '--runtime.gomaxprocs=1',
];

describe('a node_exporter 1.5–1.9 systemd unit', () => {
  it('starts with every flag of issue #14 item 7, warns once about the ignored ones, and serves', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, `--web.listen-address=127.0.0.1:${port}`, ...UNIT_FLAGS], {
      env: { PATH: process.env.PATH, DBUS_SYSTEM_BUS_ADDRESS: 'unix:path=/nonexistent/scrapekit/system_bus_socket' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      let body = '';
      const until = Date.now() + 60_000;
      while (body === '' && child.exitCode === null && Date.now() < until) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/metrics`);
          if (res.status === 200) body = await res.text();
        } catch {
          await new Promise((r) => setTimeout(r, 200));
        }
      }
      expect(body, stderr).toMatch(/^node_scrape_collector_success\{collector="ntp"\} 0$/m);
      expect(body).toMatch(/^node_scrape_collector_success\{collector="logind"\} 0$/m);
      // Host-dependent: each reports success 0 or 1, never takes the process down.
      for (const c of ['perf', 'ethtool', 'qdisc', 'network_route', 'wifi']) {
        expect(body).toMatch(new RegExp(`^node_scrape_collector_success\\{collector="${c}"\\} [01]$`, 'm'));
      }
      expect(body).not.toMatch(/collector="(runit|supervisord)"/);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    const ignored = stderr.split('\n').filter((l) => l.includes('ignoring --collector.runit'));
    expect(ignored).toHaveLength(1);
    for (const flag of ['--collector.runit', '--collector.runit.servicedir', '--collector.supervisord', '--collector.supervisord.url', '--runtime.gomaxprocs']) {
      expect(ignored[0]).toContain(`${flag} (`);
    }
    expect(stderr).toMatch(/ignoring --collector.perf.tracepoint/);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 90_000);
});
