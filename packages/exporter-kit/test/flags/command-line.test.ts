import { describe, expect, it } from 'vitest';
import type { ExporterSpec, FlagSpec } from '../../src/index.js';
import { ConfigError, HelpShown, defineCollector, envName, parseCommandLine } from '../../src/index.js';

const spec: ExporterSpec<void> = {
  name: 'demo-exporter',
  description: 'A demo exporter.',
  version: '1.2.3',
  defaultListenAddress: ':9999',
  envPrefix: 'DEMO_EXPORTER',
  buildInfoMetric: 'demo_exporter_build_info',
  collectorMetrics: { duration: 'demo_scrape_collector_duration_seconds', success: 'demo_scrape_collector_success' },
  collectors: [
    defineCollector({ name: 'cpu', help: 'CPU.', defaultEnabled: true, async collect() {} }),
    defineCollector({ name: 'systemd', help: 'Units.', defaultEnabled: false, async collect() {} }),
  ],
  flags: [
    { name: 'path.procfs', default: '/proc', description: 'procfs mountpoint.' },
    { name: 'demo.password', default: '', description: 'Password.', secret: true, envAliases: ['DEMO_PASSWORD'] },
  ],
};

const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseCommandLine(spec, argv, env);

describe('parseCommandLine', () => {
  it('applies the Go exporters\' defaults', () => {
    const { flags, enabled } = parse([]);
    expect(flags['web.listen-address']).toEqual([':9999']);
    expect(flags['web.telemetry-path']).toBe('/metrics');
    expect(flags['web.max-requests']).toBe(40);
    expect(flags['web.disable-exporter-metrics']).toBe(false);
    expect(flags['log.level']).toBe('info');
    expect(flags['log.format']).toBe('logfmt');
    expect(flags['path.procfs']).toBe('/proc');
    expect([...enabled]).toEqual(['cpu']);
  });

  it('accepts --flag=value and --flag value, repeatable listen addresses', () => {
    const { flags } = parse(['--web.listen-address=127.0.0.1:1', '--web.listen-address', '[::1]:2', '--path.procfs=/host/proc']);
    expect(flags['web.listen-address']).toEqual(['127.0.0.1:1', '[::1]:2']);
    expect(flags['path.procfs']).toBe('/host/proc');
  });

  it('derives --collector.<name>, --no-collector.<name> and --collector.disable-defaults from the registry', () => {
    expect([...parse(['--collector.systemd']).enabled].sort()).toEqual(['cpu', 'systemd']);
    expect([...parse(['--no-collector.cpu']).enabled]).toEqual([]);
    expect([...parse(['--collector.disable-defaults', '--collector.systemd']).enabled]).toEqual(['systemd']);
  });

  it('reads an env var per flag, and aliases; the command line wins', () => {
    const env = { DEMO_EXPORTER_PATH_PROCFS: '/env/proc', DEMO_PASSWORD: 's3cret', DEMO_EXPORTER_WEB_LISTEN_ADDRESS: ':1,:2' };
    const { flags } = parse([], env);
    expect(flags['path.procfs']).toBe('/env/proc');
    expect(flags['demo.password']).toBe('s3cret');
    expect(flags['web.listen-address']).toEqual([':1', ':2']);
    expect(parse(['--path.procfs=/cli'], env).flags['path.procfs']).toBe('/cli');
  });

  it.each([
    [['--bogus'], /unknown option '--bogus'/],
    [['--log.level=loud'], /log.level.*loud/],
    [['--web.max-requests=-1'], /--web.max-requests: expected a non-negative number/],
    [['--web.max-requests=lots'], /--web.max-requests/],
    [['stray'], /too many arguments|excess|unknown command/i],
  ])('%s → one-line ConfigError', (argv, message) => {
    let caught: unknown;
    try { parse(argv); } catch (err) { caught = err; }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as Error).message).toMatch(message);
    expect((caught as Error).message).not.toContain('\n');
  });

  it('--help lists every flag with its env var, never a secret default; --version', () => {
    let help = '';
    try { parse(['--help'], { DEMO_PASSWORD: 'hunter2' }); } catch (err) { help = (err as HelpShown).output; }
    expect(help).toContain('--web.listen-address');
    expect(help).toContain('DEMO_EXPORTER_WEB_LISTEN_ADDRESS');
    expect(help).toContain('--collector.systemd');
    expect(help).toContain('DEMO_PASSWORD');
    expect(help).not.toContain('hunter2');
    let version = '';
    try { parse(['--version']); } catch (err) { version = (err as HelpShown).output; }
    expect(version.trim()).toBe('1.2.3');
  });
});

describe('envName', () => {
  it('builds env names', () => expect(envName('NODE_EXPORTER', 'collector.textfile.directory')).toBe('NODE_EXPORTER_COLLECTOR_TEXTFILE_DIRECTORY'));
});

describe('scrape.timeout (a duration flag)', () => {
  it('is parsed at start-up into milliseconds', () => {
    expect(parse([]).flags['scrape.timeout']).toBe(10_000);
    expect(parse(['--scrape.timeout=1m30s']).flags['scrape.timeout']).toBe(90_000);
    expect(parse([], { DEMO_EXPORTER_SCRAPE_TIMEOUT: '500ms' }).flags['scrape.timeout']).toBe(500);
  });
  it('rejects what Go rejects, naming the flag or the env var', () => {
    expect(() => parse(['--scrape.timeout=10'])).toThrow(/^--scrape.timeout: missing unit in duration "10"/);
    expect(() => parse([], { DEMO_EXPORTER_SCRAPE_TIMEOUT: '10 parsecs' })).toThrow(/^DEMO_EXPORTER_SCRAPE_TIMEOUT: unknown unit/);
  });
});

describe('flags declared by collectors', () => {
  const collector = (name: string, flags: FlagSpec[]) => ({
    name, help: `${name} collector`, defaultEnabled: true, flags, collect: async () => {},
  });
  const spec = (collectors: ReturnType<typeof collector>[]): ExporterSpec => ({
    name: 'demo-exporter', description: 'demo', version: '1.0.0', defaultListenAddress: ':9999', envPrefix: 'DEMO',
    buildInfoMetric: 'demo_exporter_build_info', collectorMetrics: { duration: 'demo_d', success: 'demo_s' }, collectors,
  });

  it('parses a collector\'s own flags by kind, with env vars, like the exporter\'s', () => {
    const s = spec([collector('disk', [{ name: 'collector.disk.timeout', kind: 'duration', default: '5s', description: 'wait' }])]);
    expect(parseCommandLine(s, ['--collector.disk.timeout=1m30s'], {}).flags['collector.disk.timeout']).toBe(90_000);
    expect(parseCommandLine(s, [], { DEMO_COLLECTOR_DISK_TIMEOUT: '250ms' }).flags['collector.disk.timeout']).toBe(250);
    expect(parseCommandLine(s, [], {}).flags['collector.disk.timeout']).toBe(5000);
    expect(() => parseCommandLine(s, ['--collector.disk.timeout=5'], {})).toThrow(ConfigError);
  });

  it('refuses one flag declared twice (a programming error, caught by any start)', () => {
    const f: FlagSpec = { name: 'collector.shared.option', description: 'x' };
    expect(() => parseCommandLine(spec([collector('a', [f]), collector('b', [f])]), [], {})).toThrow('--collector.shared.option is declared twice');
  });
});
