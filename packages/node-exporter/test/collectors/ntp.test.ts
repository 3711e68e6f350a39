import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '@scrapekit/exporter-kit';
import { missingDependency } from '../../../../test/support/services.js';
import { ntpCollector } from '../../src/collectors/ntp.js';
import { queryNtp } from '../../src/ntp/client.js';
import { ntpOptions } from '../../src/ntp/options.js';
import { family, value } from '../collect.js';
import { fixtureContext } from '../fixture-tree.js';
import { scrapeLogged, successOf, visibleLines } from '../host-scrape.js';

const CHRONYD = '/usr/sbin/chronyd';

/** A UDP port nothing listens on right now. */
function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createSocket('udp4');
    s.once('error', reject);
    s.bind(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

describe('ntp options (node_exporter start-up checks)', () => {
  it('takes node_exporter defaults: 127.0.0.1:123, version 4, TTL 1, 3.46608 s distance, 1 ms tolerance', () => {
    expect(ntpOptions({})).toEqual({ host: '127.0.0.1', port: 123, version: 4, ttl: 1, maxDistance: 3.46608, offsetTolerance: 0.001 });
  });

  it('refuses a server that is not a loopback address unless vouched for', () => {
    expect(() => ntpOptions({ 'collector.ntp.server': '192.0.2.1' })).toThrow(ConfigError);
    expect(() => ntpOptions({ 'collector.ntp.server': 'pool.ntp.org' })).toThrow(/--collector.ntp.server: .*server-is-local/);
    expect(ntpOptions({ 'collector.ntp.server': '192.0.2.1', 'collector.ntp.server-is-local': true }).host).toBe('192.0.2.1');
    expect(ntpOptions({ 'collector.ntp.server': '::1' }).host).toBe('::1');
  });

  it('refuses a protocol version outside 2-4 and a port outside 1-65535, naming the flag', () => {
    expect(() => ntpOptions({ 'collector.ntp.protocol-version': 5 })).toThrow(/--collector.ntp.protocol-version/);
    expect(() => ntpOptions({ 'collector.ntp.server-port': 70000 })).toThrow(/--collector.ntp.server-port/);
    expect(() => ntpOptions({ 'collector.ntp.local-offset-tolerance': 'soon' })).toThrow(/--collector.ntp.local-offset-tolerance/);
  });
});

describe('ntp collector against a real NTP server (chronyd on loopback, never touching the clock)', () => {
  const missing = missingDependency(existsSync(CHRONYD), `chronyd (Debian's chrony, ${CHRONYD})`);
  let dir = '';
  let port = 0;
  let chronyd: ChildProcess | undefined;
  let chronydLog = '';

  beforeEach((ctx) => {
    if (missing !== undefined) ctx.skip(missing);
  });

  beforeAll(async () => {
    if (missing !== undefined) return; // every test skips with this reason
    dir = mkdtempSync(join(tmpdir(), 'ntp-chrony-'));
    port = await freeUdpPort();
    writeFileSync(join(dir, 'chrony.conf'), [
      `port ${port}`, 'bindaddress 127.0.0.1', 'local stratum 8', 'allow 127.0.0.1', 'cmdport 0', `pidfile ${join(dir, 'chronyd.pid')}`, '',
    ].join('\n'));
    // -x: never adjust the system clock; -d: foreground, log to stderr; -u: stay the user we are.
    chronyd = spawn(CHRONYD, ['-x', '-d', '-u', process.getuid?.() === 0 ? 'root' : String(process.env.USER), '-f', join(dir, 'chrony.conf')]);
    chronyd.stderr?.on('data', (d: Buffer) => (chronydLog += d));
    chronyd.stdout?.on('data', (d: Buffer) => (chronydLog += d));
    // Ready when it answers a query (bounded generously: a loaded machine starts it slowly).
    const until = Date.now() + 60_000;
    for (;;) {
      try {
        await queryNtp({ host: '127.0.0.1', port, version: 4, ttl: 1, timeoutMs: 1000 });
        break;
      } catch (err) {
        if (Date.now() > until || chronyd.exitCode !== null) throw new Error(`chronyd did not answer on 127.0.0.1:${port}: ${(err as Error).message}\n${chronydLog}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }, 90_000);

  afterAll(async () => {
    if (chronyd && chronyd.exitCode === null) {
      const exited = new Promise((r) => chronyd?.once('exit', r));
      chronyd.kill('SIGTERM');
      await exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reports stratum, leap, sanity and a small offset, as node_exporter names and types them', async () => {
    const ctx = fixtureContext({ 'collector.ntp.server-port': String(port) });
    const scrape = await scrapeLogged(ntpCollector, ctx);
    const fams = scrape.families;
    expect(successOf(scrape, 'ntp'), JSON.stringify(scrape.lines)).toBe(1);
    for (const name of ['node_ntp_stratum', 'node_ntp_leap', 'node_ntp_rtt_seconds', 'node_ntp_offset_seconds', 'node_ntp_reference_timestamp_seconds',
      'node_ntp_root_delay_seconds', 'node_ntp_root_dispersion_seconds', 'node_ntp_sanity']) {
      expect(family(fams, name).type).toBe('gauge');
    }
    expect(value(fams, 'node_ntp_stratum')).toBe(8); // `local stratum 8`
    expect(value(fams, 'node_ntp_leap')).toBe(0);
    expect(value(fams, 'node_ntp_sanity')).toBe(1);
    // Same machine, same clock: the offset is far below a second, the round trip too.
    expect(Math.abs(value(fams, 'node_ntp_offset_seconds'))).toBeLessThan(0.5);
    expect(value(fams, 'node_ntp_rtt_seconds')).toBeGreaterThanOrEqual(0);
    expect(value(fams, 'node_ntp_rtt_seconds')).toBeLessThan(5);
    // chronyd's local reference was set when it started: within the last hour, not in the future.
    const ref = value(fams, 'node_ntp_reference_timestamp_seconds');
    expect(ref).toBeGreaterThan(Date.now() / 1000 - 3600);
    expect(ref).toBeLessThan(Date.now() / 1000 + 5);
    expect(value(fams, 'node_ntp_root_delay_seconds')).toBeGreaterThanOrEqual(0);
    expect(value(fams, 'node_ntp_root_dispersion_seconds')).toBeLessThan(1);
    expect(visibleLines(scrape)).toEqual([]);
  }, 60_000);

  it('a max distance below the measured root distance makes sanity 0 while the other values stay', async () => {
    // The root distance includes half the round trip, which over a real socket exceeds 1 ns.
    const ctx = fixtureContext({ 'collector.ntp.server-port': String(port), 'collector.ntp.max-distance': '1ns' });
    const scrape = await scrapeLogged(ntpCollector, ctx);
    expect(successOf(scrape, 'ntp')).toBe(1);
    expect(value(scrape.families, 'node_ntp_stratum')).toBe(8);
    expect(value(scrape.families, 'node_ntp_sanity')).toBe(0);
  }, 60_000);
});

describe('ntp collector with nothing answering', () => {
  it('reports success 0 with one log line naming the server, and no ntp series', async () => {
    const port = await freeUdpPort();
    const scrape = await scrapeLogged(ntpCollector, fixtureContext({ 'collector.ntp.server-port': String(port) }));
    expect(successOf(scrape, 'ntp')).toBe(0);
    expect(scrape.families.filter((f) => f.name.startsWith('node_ntp_'))).toEqual([]);
    const visible = visibleLines(scrape);
    expect(visible).toHaveLength(1);
    expect(String(visible[0]?.err)).toContain(`127.0.0.1:${port}`);
  }, 60_000);
});
