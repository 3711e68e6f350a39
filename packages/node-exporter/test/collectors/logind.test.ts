import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { missingDependency } from '../../../../test/support/services.js';
import { value } from '../collect.js';
import { logindCollector } from '../../src/collectors/logind.js';
import { systemBusAddress } from '../../src/logind/bus.js';
import { fixtureContext } from '../fixture-tree.js';
import { scrapeLogged, successOf, visibleLines } from '../host-scrape.js';

describe('logind system bus address', () => {
  it('is the system bus socket unless DBUS_SYSTEM_BUS_ADDRESS says otherwise', () => {
    expect(systemBusAddress({})).toEqual({ address: 'unix:path=/var/run/dbus/system_bus_socket', socketPath: '/var/run/dbus/system_bus_socket' });
    expect(systemBusAddress({ DBUS_SYSTEM_BUS_ADDRESS: 'unix:path=/tmp/bus,guid=1' })).toEqual({ address: 'unix:path=/tmp/bus,guid=1', socketPath: '/tmp/bus' });
    expect(systemBusAddress({ DBUS_SYSTEM_BUS_ADDRESS: 'tcp:host=127.0.0.1,port=1' })).toEqual({ address: 'tcp:host=127.0.0.1,port=1' });
  });
});

describe('logind collector without a system bus (this host: no systemd, no D-Bus system bus)', () => {
  const saved = process.env.DBUS_SYSTEM_BUS_ADDRESS;
  beforeEach(() => {
    // A path that certainly does not exist, whatever the host has.
    process.env.DBUS_SYSTEM_BUS_ADDRESS = 'unix:path=/nonexistent/scrapekit/system_bus_socket';
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.DBUS_SYSTEM_BUS_ADDRESS;
    else process.env.DBUS_SYSTEM_BUS_ADDRESS = saved;
  });

  it('reports success 0 and one log line naming the missing bus, no series', async () => {
    const scrape = await scrapeLogged(logindCollector, fixtureContext());
    expect(successOf(scrape, 'logind')).toBe(0);
    expect(scrape.families.filter((f) => f.name === 'node_logind_sessions')).toEqual([]);
    const visible = visibleLines(scrape);
    expect(visible).toHaveLength(1);
    expect(String(visible[0]?.err)).toMatch(/no D-Bus system bus at \/nonexistent\/scrapekit\/system_bus_socket/);
  });
});

const DBUS_DAEMON = '/usr/bin/dbus-daemon';

/*
 * systemd-logind cannot run here (it needs systemd as PID 1), so a stand-in service owns
 * org.freedesktop.login1 on a private, real dbus-daemon and answers ListSeats, ListSessions and
 * the Session properties over the real wire protocol: what is tested is our client's calls and
 * decoding, end to end through a bus.
 */
describe('logind collector over a real dbus-daemon, with a stand-in login1 service', () => {
  const missing = missingDependency(existsSync(DBUS_DAEMON), `dbus-daemon (Debian's dbus-daemon, ${DBUS_DAEMON})`);
  const saved = process.env.DBUS_SYSTEM_BUS_ADDRESS;
  let dir = '';
  let daemon: ChildProcess | undefined;
  let service: { connection: { end(): void } } | undefined;

  beforeEach((ctx) => {
    if (missing !== undefined) ctx.skip(missing);
  });

  beforeAll(async () => {
    if (missing !== undefined) return; // every test skips with this reason
    dir = mkdtempSync(join(tmpdir(), 'logind-bus-'));
    const socket = join(dir, 'system_bus_socket');
    writeFileSync(join(dir, 'bus.conf'), `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>system</type><listen>unix:path=${socket}</listen><auth>EXTERNAL</auth>
<policy context="default"><allow user="*"/><allow own="*"/><allow send_destination="*"/><allow receive_sender="*"/></policy></busconfig>`);
    daemon = spawn(DBUS_DAEMON, ['--nofork', '--nopidfile', `--config-file=${join(dir, 'bus.conf')}`], { stdio: 'ignore' });
    const until = Date.now() + 60_000;
    while (!existsSync(socket)) {
      if (Date.now() > until || daemon.exitCode !== null) throw new Error('dbus-daemon did not create its socket');
      await new Promise((r) => setTimeout(r, 100));
    }
    const address = `unix:path=${socket}`;
    const dbus = createRequire(import.meta.url)('@homebridge/dbus-native') as {
      createClient(o: { busAddress: string }): {
        connection: { end(): void };
        requestName(name: string, flags: number, cb: (err: unknown, code: number) => void): void;
        exportInterface(obj: object, path: string, iface: object): void;
      };
    };
    const bus = dbus.createClient({ busAddress: address });
    service = bus;
    bus.exportInterface({
      ListSeats: () => [['seat0', '/org/freedesktop/login1/seat/seat0']],
      ListSessions: () => [
        ['1', 1000, 'ada', 'seat0', '/org/freedesktop/login1/session/_31'],
        ['2', 1000, 'ada', '', '/org/freedesktop/login1/session/_32'],
        ['3', 0, 'root', '', '/org/freedesktop/login1/session/_33'],
      ],
    }, '/org/freedesktop/login1', { name: 'org.freedesktop.login1.Manager', methods: { ListSeats: ['', 'a(so)'], ListSessions: ['', 'a(susso)'] } });
    const sessionIface = { name: 'org.freedesktop.login1.Session', properties: { Remote: 'b', Type: 's', Class: 's' } };
    bus.exportInterface({ Remote: false, Type: 'wayland', Class: 'user' }, '/org/freedesktop/login1/session/_31', sessionIface);
    bus.exportInterface({ Remote: true, Type: 'tty', Class: 'user' }, '/org/freedesktop/login1/session/_32', sessionIface);
    bus.exportInterface({ Remote: true, Type: 'tty', Class: 'user' }, '/org/freedesktop/login1/session/_33', sessionIface);
    await new Promise<void>((resolve, reject) => bus.requestName('org.freedesktop.login1', 0, (err) => (err ? reject(new Error(String(err))) : resolve())));
    process.env.DBUS_SYSTEM_BUS_ADDRESS = address;
  }, 90_000);

  afterAll(async () => {
    if (saved === undefined) delete process.env.DBUS_SYSTEM_BUS_ADDRESS;
    else process.env.DBUS_SYSTEM_BUS_ADDRESS = saved;
    service?.connection.end();
    if (daemon && daemon.exitCode === null) {
      const exited = new Promise((r) => daemon?.once('exit', r));
      daemon.kill('SIGTERM');
      await exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('counts the sessions by seat, remote, type and class, as node_exporter does', async () => {
    const scrape = await scrapeLogged(logindCollector, fixtureContext());
    expect(successOf(scrape, 'logind'), JSON.stringify(scrape.lines)).toBe(1);
    const fams = scrape.families;
    expect(value(fams, 'node_logind_sessions', { seat: 'seat0', remote: 'false', type: 'wayland', class: 'user' })).toBe(1);
    expect(value(fams, 'node_logind_sessions', { seat: '', remote: 'true', type: 'tty', class: 'user' })).toBe(2);
    expect(value(fams, 'node_logind_sessions', { seat: 'seat0', remote: 'true', type: 'tty', class: 'user' })).toBe(0);
    expect(fams.find((f) => f.name === 'node_logind_sessions')?.samples).toHaveLength(2 * 7 * 5 * 2);
    expect(visibleLines(scrape)).toEqual([]);
  }, 60_000);
});
