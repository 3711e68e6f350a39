import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, createLogger, exporterFlags, parseCommandLine, startExporter, type RunningExporter } from '@scrapekit/exporter-kit';
import { spec } from '../../src/spec.js';
import { FIXTURE_PATH_FLAGS, scrapeText } from '../e2e/exporters.js';
import { startProcess } from '../../../../test/support/processes.js';

// The node-exporter flags that carry Go RE2 patterns work as node_exporter users write them:
// parsed once at start-up by the kit, applied at scrape time, refused at start-up when wrong.

const running: RunningExporter[] = [];
afterEach(async () => {
  while (running.length > 0) await running.pop()?.close();
});

async function start(args: string[]): Promise<{ url: string; logs: string[] }> {
  const logs: string[] = [];
  const exporter = await startExporter(spec, {
    argv: ['--web.listen-address=127.0.0.1:0', ...FIXTURE_PATH_FLAGS, '--collector.disable-defaults', '--collector.netdev', ...args],
    env: {},
    logger: createLogger({ level: 'debug', write: (line) => logs.push(line) }),
  });
  running.push(exporter);
  return { url: `http://${exporter.addresses[0]}/metrics`, logs };
}

const devicesOf = (body: string): string[] =>
  [...body.matchAll(/^node_network_receive_bytes_total\{device="([^"]+)"\}/gm)].map((m) => m[1] as string).sort();

describe('regex flags at scrape time (fixture tree)', () => {
  it('--collector.netdev.device-include=(?i)^LO$ reports lo, and netdev succeeds', async () => {
    const { url } = await start(['--collector.netdev.device-include=(?i)^LO$']);
    const body = await scrapeText(url);
    expect(body).toMatch(/^node_scrape_collector_success\{collector="netdev"\} 1$/m);
    expect(devicesOf(body)).toEqual(['lo']);
  });

  it('RE2-only syntax works too: POSIX classes, \\z, \\Q…\\E', async () => {
    const { url } = await start(['--collector.netdev.device-exclude=^[[:alpha:]]+\\z|\\Qbond\\E']);
    const body = await scrapeText(url);
    expect(body).toMatch(/^node_scrape_collector_success\{collector="netdev"\} 1$/m);
    expect(devicesOf(body)).toEqual(['eth0', 'eth1']);
  });

  it('a deprecated flag maps onto its replacement with exactly one warning', async () => {
    const { url, logs } = await start(['--collector.netdev.device-blacklist=(?i)^ETH']);
    expect(devicesOf(await scrapeText(url))).toEqual(['bond0', 'lo']);
    const warnings = logs.filter((l) => l.includes('deprecated'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('--collector.netdev.device-blacklist is deprecated and will be removed; use --collector.netdev.device-exclude');
  });
});

describe('regex and duration flags at start-up', () => {
  const parse = (argv: string[]) => parseCommandLine(spec, argv, {}).flags;

  it('systemd unit filters are fully anchored, as node_exporter anchors them; device filters are not', () => {
    const unit = parse(['--collector.systemd.unit-include=nginx'])['collector.systemd.unit-include'] as RegExp;
    expect(unit.test('nginx')).toBe(true);
    expect(unit.test('nginx.service')).toBe(false);
    const old = parseCommandLine(spec, ['--collector.systemd.unit-whitelist=ssh|nginx'], {});
    expect((old.flags['collector.systemd.unit-include'] as RegExp).test('nginx')).toBe(true);
    expect((old.flags['collector.systemd.unit-include'] as RegExp).test('nginx.service')).toBe(false);
    expect(old.warnings).toEqual(['--collector.systemd.unit-whitelist is deprecated and will be removed; use --collector.systemd.unit-include']);
    const device = parse(['--collector.netdev.device-exclude=(?i)^ETH'])['collector.netdev.device-exclude'] as RegExp;
    expect(device.test('eth0')).toBe(true);
  });

  it('mount-timeout is a Go duration in milliseconds; a bad one is a ConfigError naming the flag', () => {
    expect(parse([])['collector.filesystem.mount-timeout']).toBe(5000);
    expect(parse(['--collector.filesystem.mount-timeout=1m30s'])['collector.filesystem.mount-timeout']).toBe(90_000);
    expect(() => parse(['--collector.filesystem.mount-timeout=5 seconds'])).toThrow(ConfigError);
    expect(() => parse(['--collector.filesystem.mount-timeout=5'])).toThrow(/^--collector.filesystem.mount-timeout: missing unit/);
  });

  it('include and exclude together, or old and new spelling together, are refused as node_exporter refuses them', () => {
    expect(() => parse(['--collector.netdev.device-include=a', '--collector.netdev.device-exclude=b'])).toThrow(/mutually exclusive/);
    expect(() => parse(['--collector.netdev.device-whitelist=a', '--collector.netdev.device-include=b'])).toThrow(/mutually exclusive/);
    expect(() => parse(['--collector.filesystem.ignored-mount-points=^/x', '--collector.filesystem.mount-points-exclude=^/y'])).toThrow(/mutually exclusive/);
  });

  it('--help still lists every flag with its env var, deprecated spellings included', () => {
    let help = '';
    try { parse(['--help']); } catch (err) { help = (err as Error & { output: string }).output.replace(/\s+/g, ' '); }
    for (const f of exporterFlags(spec)) {
      expect(help).toContain(`--${f.name} `);
      expect(help).toContain(`NODE_EXPORTER_${f.name.replace(/[^a-zA-Z0-9]+/g, '_').toUpperCase()}`);
      for (const a of f.deprecatedAliases ?? []) expect(help).toContain(`--${a}`);
    }
  });
});

// The bin users run, as a process: a bad pattern is one line naming the flag and the problem, exit code 1.
const BIN = fileURLToPath(new URL('../../bin/node-exporter.js', import.meta.url));

async function runBin(args: string[]): Promise<{ code: number | null; output: string }> {
  const p = startProcess(process.execPath, [BIN, '--web.listen-address=127.0.0.1:0', ...args], { PATH: process.env.PATH });
  try {
    const code = await new Promise<number | null>((resolve) => p.child.once('close', resolve));
    return { code, output: p.output() };
  } finally {
    await p.stop();
  }
}

describe('bad patterns stop the process at start-up (run `npm run build` first, as npm test does)', () => {
  it.each([
    ['a(?i:\\pL)', /^node-exporter: error: --collector\.netdev\.device-include: invalid regular expression "a\(\?i:\\\\pL\)": cannot be translated to JavaScript: `\\pL` inside a case-insensitive group/],
    ['(?<=x)eth', /^node-exporter: error: --collector\.netdev\.device-include: invalid regular expression "\(\?<=x\)eth": RE2 does not support lookbehind assertions/],
    ['eth(', /^node-exporter: error: --collector\.netdev\.device-include: invalid regular expression "eth\(": missing closing \)/],
  ])('--collector.netdev.device-include=%s', async (pattern, message) => {
    const r = await runBin([`--collector.netdev.device-include=${pattern}`]);
    expect(r.code).toBe(1);
    const lines = r.output.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  }, 20_000);
});
