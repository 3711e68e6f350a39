import { describe, expect, it } from 'vitest';
import type { ExporterSpec, FlagSpec } from '../../src/index.js';
import { ConfigError, HelpShown, defineCollector, envName, parseCommandLine } from '../../src/index.js';
import { demoSpec } from './demo-spec.js';

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
    [['--bogus'], 'unknown option \'--bogus\' (see --help)'],
    // Commander's suggestion comes on a second line; the message stays one line.
    [['--path.procf=/x'], 'unknown option \'--path.procf=/x\' (Did you mean --path.procfs?) (see --help)'],
    // Only boolean flags have a --no- form.
    [['--no-path.procfs'], 'unknown option \'--no-path.procfs\' (Did you mean --path.procfs?) (see --help)'],
    [['--log.level=loud'], '--log.level: "loud" is not one of debug, info, warn, error'],
    [['--web.max-requests=-1'], '--web.max-requests: expected a non-negative number, got "-1"'],
    [['--web.max-requests=lots'], '--web.max-requests: expected a non-negative number, got "lots"'],
    [['stray'], 'too many arguments. Expected 0 arguments but got 1. (see --help)'],
  ])('%s → one-line ConfigError', (argv, message) => {
    let caught: unknown;
    try { parse(argv); } catch (err) { caught = err; }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as Error).message).toBe(message);
  });

  it('--help lists every flag with its env var, never a secret default; --version', () => {
    let help = '';
    try { parse(['--help'], { DEMO_PASSWORD: 'hunter2' }); } catch (err) { help = (err as HelpShown).output; }
    expect(help).toContain('--web.listen-address');
    expect(help).toContain('DEMO_EXPORTER_WEB_LISTEN_ADDRESS');
    expect(help).toContain('--collector.systemd');
    expect(help).toContain('DEMO_PASSWORD');
    expect(help).not.toContain('hunter2');
    let version: unknown;
    try { parse(['--version']); } catch (err) { version = err; }
    expect(version).toBeInstanceOf(HelpShown);
    expect((version as HelpShown).message).toBe('help');
    expect((version as HelpShown).output.trim()).toBe('1.2.3');
  });
});

describe('envName', () => {
  it('builds env names', () => expect(envName('NODE_EXPORTER', 'collector.textfile.directory')).toBe('NODE_EXPORTER_COLLECTOR_TEXTFILE_DIRECTORY'));
  it('turns a run of other characters into one underscore', () => expect(envName('DEMO', 'web.-listen..address')).toBe('DEMO_WEB_LISTEN_ADDRESS'));
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

describe('a demo exporter\'s --help, deprecated aliases and env vars', () => {
  const demo: ExporterSpec<void> = {
    ...demoSpec([
      { name: 'demo.dirs', kind: 'list', default: ['/a', '/b'], placeholder: '<dir>', description: 'Directories.' },
      { name: 'demo.workers', kind: 'number', default: 2, deprecatedAliases: ['demo.threads', 'demo.procs'], description: 'Workers.' },
      { name: 'demo.token', default: 'changeme', secret: true, envAliases: ['DEMO_TOKEN'], description: 'Token.' },
      { name: 'demo.label', description: 'Label.' },
      // A boolean takes no value: its placeholder is ignored.
      { name: 'demo.on', kind: 'boolean', default: true, placeholder: '<ignored>', description: 'On.' },
    ]),
    collectors: spec.collectors,
  };
  const parseDemo = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseCommandLine(demo, argv, env);
  /** Commander wraps descriptions to the terminal's width; the words are the contract. */
  const words = (text: string) => text.replace(/\s+/g, ' ').trim();

  it('--help shows every flag with its placeholder, description, shown default, choices, aliases and env vars', () => {
    let help = '';
    try { parseDemo(['--help']); } catch (err) { help = (err as HelpShown).output; }
    expect(words(help)).toBe(words(`
      Usage: demo [options]
      Demo.
      Options:
      --version Show the version and exit.
      --web.listen-address <address> Address to listen on for the metrics and landing page; repeatable. Examples: :1, 127.0.0.1:1, [::1]:1 (default: :1) [env: DEMO_WEB_LISTEN_ADDRESS]
      --web.telemetry-path <path> Path under which to expose metrics. (default: /metrics) [env: DEMO_WEB_TELEMETRY_PATH]
      --web.config.file <file> Path to a web configuration file (exporter-toolkit format) that enables TLS, basic authentication and security headers. [env: DEMO_WEB_CONFIG_FILE]
      --web.max-requests <n> Maximum number of parallel scrape requests; more get 503. 0 disables the limit. (default: 40) [env: DEMO_WEB_MAX_REQUESTS]
      --web.disable-exporter-metrics Exclude metrics about the exporter itself (process_*, nodejs_*); build info stays. (default: false) [env: DEMO_WEB_DISABLE_EXPORTER_METRICS]
      --scrape.timeout <duration> Longest a scrape may collect; Prometheus's X-Prometheus-Scrape-Timeout-Seconds header (minus --timeout-offset) can only shorten it. (default: 10s) [env: DEMO_SCRAPE_TIMEOUT]
      --timeout-offset <seconds> Seconds subtracted from Prometheus's scrape timeout so the answer arrives before Prometheus gives up. (default: 0.25) [env: DEMO_TIMEOUT_OFFSET]
      --log.level <level> Only log messages with the given severity or above. (default: info) One of: debug, info, warn, error. [env: DEMO_LOG_LEVEL]
      --log.format <format> Output format of log messages. (default: logfmt) One of: logfmt, json. [env: DEMO_LOG_FORMAT]
      --push.gateway-url <url> Push every collection to this Prometheus Pushgateway (PUT: replaces the group), e.g. http://pushgateway:9091. [env: DEMO_PUSH_GATEWAY_URL]
      --push.remote-write-url <url> Send every collection with Prometheus remote_write 1.0 to this URL (Prometheus /api/v1/write, Mimir, Thanos Receive, Cortex, VictoriaMetrics). [env: DEMO_PUSH_REMOTE_WRITE_URL]
      --push.job <name> The job label of pushed metrics. (default: demo) [env: DEMO_PUSH_JOB]
      --push.grouping <label=value> Another grouping label of pushed metrics (the Pushgateway group, extra labels in remote_write); repeatable. instance defaults to the host name; instance= leaves it empty. [env: DEMO_PUSH_GROUPING]
      --push.interval <duration> How often a long-running exporter collects and pushes. (default: 15s) [env: DEMO_PUSH_INTERVAL]
      --push.once Collect once, push, and exit: 0 when every push succeeded, 1 with a one-line reason otherwise (serverless, cron, CI). Nothing listens. (default: false) [env: DEMO_PUSH_ONCE]
      --push.delete-on-exit On a clean shutdown, delete the group from the Pushgateway so no stale metrics stay behind. (default: false) [env: DEMO_PUSH_DELETE_ON_EXIT]
      --push.timeout <duration> Timeout of one push request. (default: 10s) [env: DEMO_PUSH_TIMEOUT]
      --push.give-up-after <duration> How long a push is retried (5xx, 429, connection errors) before its samples count as failed; with --push.once, how long the exporter tries. (default: 1m) [env: DEMO_PUSH_GIVE_UP_AFTER]
      --push.queue.capacity <samples> remote_write: most samples waiting to be sent; beyond it the oldest are dropped and counted. (default: 50000) [env: DEMO_PUSH_QUEUE_CAPACITY]
      --push.max-samples-per-send <samples> remote_write: most samples in one request. (default: 2000) [env: DEMO_PUSH_MAX_SAMPLES_PER_SEND]
      --push.basic-auth.username <user> Basic auth user for the push targets. [env: DEMO_PUSH_BASIC_AUTH_USERNAME]
      --push.basic-auth.password-file <file> File holding the basic auth password; read again when it changes. [env: DEMO_PUSH_BASIC_AUTH_PASSWORD_FILE]
      --push.bearer-token-file <file> File holding a bearer token sent as "Authorization: Bearer"; read again when it changes. [env: DEMO_PUSH_BEARER_TOKEN_FILE]
      --push.tls.ca-file <file> CA certificate(s) to verify the push target with. [env: DEMO_PUSH_TLS_CA_FILE]
      --push.tls.cert-file <file> Client certificate for the push target (with --push.tls.key-file). [env: DEMO_PUSH_TLS_CERT_FILE]
      --push.tls.key-file <file> Client key for the push target (with --push.tls.cert-file). [env: DEMO_PUSH_TLS_KEY_FILE]
      --push.tls.server-name <name> Server name to verify the push target's certificate against (SNI). [env: DEMO_PUSH_TLS_SERVER_NAME]
      --push.tls.insecure-skip-verify Do not verify the push target's certificate. (default: false) [env: DEMO_PUSH_TLS_INSECURE_SKIP_VERIFY]
      --push.header <"Name: value"> Extra HTTP header on every push request, e.g. "X-Scope-OrgID: team-a"; repeatable. [env: DEMO_PUSH_HEADER]
      --web.disable-listen Serve nothing: only push (needs --push.gateway-url or --push.remote-write-url). (default: false) [env: DEMO_WEB_DISABLE_LISTEN]
      --demo.dirs <dir> Directories. (default: /a, /b) [env: DEMO_DEMO_DIRS]
      --demo.workers <n> Workers. (default: 2) Deprecated alias: --demo.threads, --demo.procs. [env: DEMO_DEMO_WORKERS, DEMO_DEMO_THREADS, DEMO_DEMO_PROCS]
      --demo.token <value> Token. [env: DEMO_DEMO_TOKEN, DEMO_TOKEN]
      --demo.label <value> Label. [env: DEMO_DEMO_LABEL]
      --demo.on On. (default: true) [env: DEMO_DEMO_ON]
      --collector.cpu Enable the cpu collector (default: enabled). CPU.
      --collector.systemd Enable the systemd collector (default: disabled). Units.
      --collector.disable-defaults Turn off every collector that is on by default; enable the wanted ones one by one.
      -h, --help Show this help and exit.
      Collectors: --collector.<name> enables one, --no-collector.<name> disables one.
    `));
  });

  it('a boolean declared with a placeholder still takes no value', () => {
    expect(parseDemo(['--demo.on', '--demo.label=x']).flags).toMatchObject({ 'demo.on': true, 'demo.label': 'x' });
    expect(parseDemo(['--no-demo.on']).flags['demo.on']).toBe(false);
  });

  it('a bad value given under a deprecated alias is reported under that alias', () => {
    expect(() => parseDemo(['--demo.procs=lots'])).toThrow(new ConfigError('--demo.procs: expected a non-negative number, got "lots"'));
  });

  it('no deprecated alias set anywhere: the default, no warning', () => {
    expect(parseDemo([])).toMatchObject({ flags: { 'demo.workers': 2 }, warnings: [] });
  });

  it('an empty env var counts as unset: the next env var, else the default, applies', () => {
    const env = { DEMO_DEMO_TOKEN: '', DEMO_TOKEN: 's3cret', DEMO_DEMO_DIRS: '', DEMO_DEMO_WORKERS: '', DEMO_DEMO_THREADS: '', DEMO_DEMO_PROCS: '3' };
    const { flags, warnings } = parseDemo([], env);
    expect(flags).toMatchObject({ 'demo.token': 's3cret', 'demo.dirs': ['/a', '/b'], 'demo.workers': 3 });
    expect(warnings).toEqual(['--demo.procs is deprecated and will be removed; use --demo.workers']);
    expect(parseDemo([], { DEMO_DEMO_WORKERS: '', DEMO_DEMO_THREADS: '', DEMO_DEMO_PROCS: '' })).toMatchObject({ flags: { 'demo.workers': 2 }, warnings: [] });
  });

  it('only a list flag splits its env var at commas', () => {
    expect(parseDemo([], { DEMO_DEMO_LABEL: 'a, b' }).flags['demo.label']).toBe('a, b');
    expect(parseDemo([], { DEMO_DEMO_DIRS: 'a, b' }).flags['demo.dirs']).toEqual(['a', 'b']);
  });
});
