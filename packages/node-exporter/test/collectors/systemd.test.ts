import { describe, expect, it } from 'vitest';
import { NoDataError } from '@scrapekit/exporter-kit';
import { createSystemdCollector, type SystemctlRunner } from '../../src/collectors/systemd.js';
import { family, labelSets, run, value } from '../collect.js';
import { fixtureContext } from '../fixture-tree.js';

const LIST = `  dbus.service                     loaded active   running D-Bus System Message Bus
● nginx.service                    loaded failed   failed  A high performance web server
  backup.timer                     loaded active   waiting Nightly backup
  sshd.socket                      loaded active   listening OpenSSH socket
  home.mount                       loaded active   mounted /home
  cron.service                     loaded inactive dead    Regular background program processing daemon
  apt-daily.service                loaded activating start Daily apt download activities
`;

function fakeSystemctl(calls: string[][]): SystemctlRunner {
  return async (args) => {
    calls.push([...args]);
    if (args[0] === 'list-units') return LIST;
    if (args[0] === 'is-system-running') return 'degraded\n';
    if (args[0] === '--version') return 'systemd 252 (252.36-1~deb12u1)\n+PAM +AUDIT\n';
    if (args[0] === 'show') {
      const units = args.slice(args.indexOf('--') + 1);
      const blocks: Record<string, string> = {
        'dbus.service': 'Id=dbus.service\nType=notify\nNRestarts=0\n',
        'nginx.service': 'Id=nginx.service\nType=forking\nNRestarts=5\n',
        'cron.service': 'Id=cron.service\nType=simple\nNRestarts=0\n',
        'apt-daily.service': 'Id=apt-daily.service\nType=oneshot\nNRestarts=0\n',
        'backup.timer': 'Id=backup.timer\nLastTriggerUSec=@1764028800\n',
        'sshd.socket': 'Id=sshd.socket\nNAccepted=42\nNConnections=2\nNRefused=1\n',
      };
      return units.map((u) => blocks[u] ?? `Id=${u}\n`).join('\n');
    }
    throw new Error(`unexpected systemctl ${args.join(' ')}`);
  };
}

describe('systemd', () => {
  it('is disabled by default, as in node_exporter', () => {
    expect(createSystemdCollector().defaultEnabled).toBe(false);
  });
  it('reports no data on a host not booted with systemd', async () => {
    const c = createSystemdCollector({ systemctl: fakeSystemctl([]), booted: async () => false });
    await expect(run(c)).rejects.toBeInstanceOf(NoDataError);
  });
  it('emits one series per state with the service Type, minus excluded unit types', async () => {
    const calls: string[][] = [];
    const c = createSystemdCollector({ systemctl: fakeSystemctl(calls), booted: async () => true });
    const f = await run(c, fixtureContext({ 'collector.systemd.unit-include': '.+', 'collector.systemd.unit-exclude': '.+\\.(automount|device|mount|scope|slice)', 'collector.systemd.enable-restarts-metrics': true }));
    expect(value(f, 'node_systemd_unit_state', { name: 'nginx.service', state: 'failed', type: 'forking' })).toBe(1);
    expect(value(f, 'node_systemd_unit_state', { name: 'nginx.service', state: 'active', type: 'forking' })).toBe(0);
    expect(value(f, 'node_systemd_unit_state', { name: 'backup.timer', state: 'active', type: '' })).toBe(1);
    expect(family(f, 'node_systemd_unit_state').samples.filter((s) => s.labels.name === 'cron.service').map((s) => s.labels.state)).toEqual([
      'active', 'activating', 'deactivating', 'inactive', 'failed',
    ]);
    expect(f.find((x) => x.name === 'node_systemd_unit_state')?.samples.some((s) => s.labels.name === 'home.mount')).toBe(false);
    // node_systemd_units counts every unit, filtered or not.
    expect(value(f, 'node_systemd_units', { state: 'active' })).toBe(4);
    expect(value(f, 'node_systemd_units', { state: 'failed' })).toBe(1);
    expect(value(f, 'node_systemd_system_running')).toBe(0);
    expect(value(f, 'node_systemd_version', { version: '252.36-1~deb12u1' })).toBe(252.36);
    expect(value(f, 'node_systemd_service_restart_total', { name: 'nginx.service' })).toBe(5);
    expect(value(f, 'node_systemd_timer_last_trigger_seconds', { name: 'backup.timer' })).toBe(1764028800);
    expect(value(f, 'node_systemd_socket_accepted_connections_total', { name: 'sshd.socket' })).toBe(42);
    expect(value(f, 'node_systemd_socket_current_connections', { name: 'sshd.socket' })).toBe(2);
    expect(labelSets(f, 'node_systemd_units')).toHaveLength(5);
  });
  it('anchors the unit filters like node_exporter', async () => {
    const c = createSystemdCollector({ systemctl: fakeSystemctl([]), booted: async () => true });
    const f = await run(c, fixtureContext({ 'collector.systemd.unit-include': 'nginx' }));
    expect(f.find((x) => x.name === 'node_systemd_unit_state')).toBeUndefined();
    const g = await run(c, fixtureContext({ 'collector.systemd.unit-include': 'nginx\\.service' }));
    expect(new Set(family(g, 'node_systemd_unit_state').samples.map((s) => s.labels.name))).toEqual(new Set(['nginx.service']));
  });
});

import { parseTimestampSeconds } from '../../src/systemd/parse.js';

describe('systemd on systemctl without --timestamp=unix', () => {
  it('retries without the option once and reads human timestamps', async () => {
    const calls: string[][] = [];
    const base = fakeSystemctl(calls);
    const old: SystemctlRunner = async (args, signal) => {
      if (args.includes('--timestamp=unix')) throw new Error("systemctl: unrecognized option '--timestamp=unix'");
      if (args[0] === 'show' && args.includes('LastTriggerUSec')) return 'Id=backup.timer\nLastTriggerUSec=Wed 2025-11-26 00:00:00 UTC\n';
      return base(args, signal);
    };
    const c = createSystemdCollector({ systemctl: old, booted: async () => true });
    const ctx = fixtureContext({ 'collector.systemd.unit-exclude': '.+\\.(automount|device|mount|scope|slice)' });
    const f = await run(c, ctx);
    expect(value(f, 'node_systemd_timer_last_trigger_seconds', { name: 'backup.timer' })).toBe(1764115200);
    await run(c, ctx);
    expect(calls.filter((a) => a[0] === 'show' && a.includes('--timestamp=unix'))).toHaveLength(0);
  });
  it('parses the three timestamp spellings', () => {
    expect(parseTimestampSeconds('@1764028800')).toBe(1764028800);
    expect(parseTimestampSeconds('1764028800000000')).toBe(1764028800);
    expect(parseTimestampSeconds('Wed 2025-11-26 00:00:00 UTC')).toBe(1764115200);
    expect(parseTimestampSeconds('n/a')).toBeUndefined();
  });
});
