import { Command, CommanderError, Option } from 'commander';
import type { Collector } from './collector.js';
import { LOG_FORMATS, LOG_LEVELS } from './logger.js';
import { pushFlags } from './push/push-flags.js';
import type { ExporterSpec, FlagSpec, FlagValues } from './spec.js';
import { ConfigError } from './spec.js';

/** The flags every exporter shares, named as the Go exporters name them. */
export function kitFlags(spec: ExporterSpec<unknown>): FlagSpec[] {
  const timeout = spec.defaultScrapeTimeoutSeconds ?? 10;
  return [
    { name: 'web.listen-address', kind: 'list', default: [spec.defaultListenAddress], placeholder: '<address>',
      description: `Address to listen on for the metrics and landing page; repeatable. Examples: ${spec.defaultListenAddress}, 127.0.0.1${spec.defaultListenAddress}, [::1]${spec.defaultListenAddress}` },
    { name: 'web.telemetry-path', default: '/metrics', placeholder: '<path>', description: 'Path under which to expose metrics.' },
    { name: 'web.config.file', default: '', placeholder: '<file>',
      description: 'Path to a web configuration file (exporter-toolkit format) that enables TLS, basic authentication and security headers.' },
    { name: 'web.max-requests', kind: 'number', default: 40, placeholder: '<n>',
      description: 'Maximum number of parallel scrape requests; more get 503. 0 disables the limit.' },
    { name: 'web.disable-exporter-metrics', kind: 'boolean', default: false,
      description: 'Exclude metrics about the exporter itself (process_*, nodejs_*); build info stays.' },
    { name: 'scrape.timeout', default: `${timeout}s`, placeholder: '<duration>',
      description: 'Longest a scrape may collect; Prometheus\'s X-Prometheus-Scrape-Timeout-Seconds header (minus --timeout-offset) can only shorten it.' },
    { name: 'timeout-offset', kind: 'number', default: 0.25, placeholder: '<seconds>',
      description: 'Seconds subtracted from Prometheus\'s scrape timeout so the answer arrives before Prometheus gives up.' },
    { name: 'log.level', default: 'info', choices: LOG_LEVELS, placeholder: '<level>', description: 'Only log messages with the given severity or above.' },
    { name: 'log.format', default: 'logfmt', choices: LOG_FORMATS, placeholder: '<format>', description: 'Output format of log messages.' },
    ...pushFlags(spec.name),
  ];
}

/** Go-style durations: "10s", "1m30s", "500ms", or plain seconds. Returns seconds. */
export function parseDuration(text: string): number {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
  let total = 0;
  let pos = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t)) !== null) {
    const n = Number(m[1]);
    total += n * ({ ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 } as const)[m[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
    pos = re.lastIndex;
  }
  if (pos === 0 || pos !== t.length) throw new Error(`invalid duration ${JSON.stringify(text)}; use e.g. 10s, 1m30s or 500ms`);
  return total;
}

export function envName(prefix: string, flag: string): string {
  return `${prefix}_${flag.replace(/[^a-zA-Z0-9]+/g, '_').toUpperCase()}`;
}

export interface ParsedCommandLine {
  readonly flags: FlagValues;
  readonly enabled: ReadonlySet<string>;
}

export class HelpShown extends Error {
  constructor(readonly output: string) {
    super('help');
  }
}

function collectorFlagName(prefix: string, name: string): string {
  return `${prefix}.${name}`;
}

/**
 * Builds the command line from the kit's flags, the exporter's flags and one --<prefix>.<name> /
 * --no-<prefix>.<name> pair per registered collector, then parses argv. Flags absent from argv are
 * read from their environment variables. Every problem becomes a ConfigError with one line.
 */
export function parseCommandLine<Target>(
  spec: ExporterSpec<Target>,
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): ParsedCommandLine {
  const prefix = spec.collectorFlagPrefix ?? 'collector';
  const flagSpecs = [...kitFlags(spec as ExporterSpec<unknown>), ...(spec.flags ?? [])];
  let helpText = '';
  const program = new Command(spec.name)
    .description(spec.description)
    .version(spec.version, '--version', 'Show the version and exit.')
    .helpOption('-h, --help', 'Show this help and exit.')
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeOut: (s) => (helpText += s), writeErr: (s) => (helpText += s), outputError: () => {} });

  const keyOf = new Map<string, string>();
  for (const f of flagSpecs) {
    const envs = [envName(spec.envPrefix, f.name), ...(f.envAliases ?? [])];
    const def = f.default;
    const shownDefault = f.secret || def === undefined || def === '' || (Array.isArray(def) && def.length === 0)
      ? '' : ` (default: ${Array.isArray(def) ? def.join(', ') : String(def)})`;
    const description = `${f.description}${shownDefault} [env: ${envs.join(', ')}]`;
    const kind = f.kind ?? 'string';
    const opt = kind === 'boolean'
      ? new Option(`--${f.name}`, description)
      : new Option(`--${f.name} ${f.placeholder ?? '<value>'}`, description);
    if (f.choices) opt.choices([...f.choices]);
    if (kind === 'list') opt.argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]);
    program.addOption(opt);
    if (kind === 'boolean') program.addOption(new Option(`--no-${f.name}`).hideHelp());
    keyOf.set(f.name, opt.attributeName());
  }
  const collectorKeys = new Map<string, string>();
  for (const c of spec.collectors as ReadonlyArray<Collector<Target>>) {
    const flag = collectorFlagName(prefix, c.name);
    const opt = new Option(`--${flag}`, `Enable the ${c.name} collector (default: ${c.defaultEnabled ? 'enabled' : 'disabled'}). ${c.help}`);
    program.addOption(opt);
    program.addOption(new Option(`--no-${flag}`).hideHelp());
    collectorKeys.set(c.name, opt.attributeName());
  }
  const disableDefaults = new Option(`--${prefix}.disable-defaults`, 'Turn off every collector that is on by default; enable the wanted ones one by one.');
  program.addOption(disableDefaults);
  program.addHelpText('after', `\nCollectors: --${prefix}.<name> enables one, --no-${prefix}.<name> disables one.`);

  try {
    program.parse([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
        throw new HelpShown(helpText);
      }
      throw new ConfigError(`${err.message.replace(/^error: /, '')} (see --help)`);
    }
    throw err;
  }
  const raw = program.opts<Record<string, unknown>>();
  const flags: Record<string, string | boolean | number | readonly string[] | undefined> = {};
  for (const f of flagSpecs) {
    const key = keyOf.get(f.name) as string;
    let value = raw[key];
    const fromArgv = value !== undefined;
    if (!fromArgv) {
      for (const e of [envName(spec.envPrefix, f.name), ...(f.envAliases ?? [])]) {
        if (env[e] !== undefined && env[e] !== '') {
          value = fromEnv(f, e, env[e] as string);
          break;
        }
      }
    }
    if (value === undefined) value = f.default;
    flags[f.name] = convert(f, value);
  }
  const noDefaults = raw[disableDefaults.attributeName()] === true;
  const enabled = new Set<string>();
  for (const c of spec.collectors as ReadonlyArray<Collector<Target>>) {
    const explicit = raw[collectorKeys.get(c.name) as string];
    const on = typeof explicit === 'boolean' ? explicit : noDefaults ? false : c.defaultEnabled;
    if (on) enabled.add(c.name);
  }
  return { flags, enabled };
}

function fromEnv(f: FlagSpec, envVar: string, text: string): unknown {
  const kind = f.kind ?? 'string';
  if (kind === 'boolean') {
    if (/^(1|true|yes|on)$/i.test(text)) return true;
    if (/^(0|false|no|off)$/i.test(text)) return false;
    throw new ConfigError(`${envVar}: expected true or false, got ${JSON.stringify(text)}`);
  }
  if (kind === 'list') return text.split(',').map((s) => s.trim()).filter(Boolean);
  if (f.choices && !f.choices.includes(text)) {
    throw new ConfigError(`${envVar}: ${JSON.stringify(text)} is not one of ${f.choices.join(', ')}`);
  }
  return text;
}

function convert(f: FlagSpec, value: unknown): string | boolean | number | readonly string[] | undefined {
  const kind = f.kind ?? 'string';
  if (value === undefined) return undefined;
  if (kind === 'number') {
    const n = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(n) || n < 0) {
      throw new ConfigError(`--${f.name}: expected a non-negative number, got ${JSON.stringify(String(value))}`);
    }
    return n;
  }
  if (kind === 'boolean') return Boolean(value);
  if (kind === 'list') return Array.isArray(value) ? value.map(String) : [String(value)];
  return String(value);
}
