import { Command, CommanderError, Option } from 'commander';
import type { Collector } from '../collector.js';
import { LOG_FORMATS, LOG_LEVELS } from '../logger.js';
import type { ExporterSpec, FlagSpec, FlagValues } from '../spec.js';
import { ConfigError } from '../spec.js';
import { pushFlags } from '../push/push-flags.js';
import { DEFAULT_PLACEHOLDER, flagKind } from './kinds.js';
import { aliasConflict, finishFlags, sameAsDefault, type GivenValue } from './resolve.js';

/** Every flag an exporter takes: the kit's, the exporter's own, then each registered collector's. */
export function exporterFlags<Target>(spec: ExporterSpec<Target>): FlagSpec[] {
  const all = [...kitFlags(spec as ExporterSpec<unknown>), ...(spec.flags ?? []), ...spec.collectors.flatMap((c) => c.flags ?? [])];
  const seen = new Set<string>();
  for (const f of all) {
    // A programming error, not a user's: two declarations of one flag would silently shadow each other.
    if (seen.has(f.name)) throw new Error(`${spec.name}: flag --${f.name} is declared twice`);
    seen.add(f.name);
  }
  return all;
}

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
    { name: 'scrape.timeout', kind: 'duration', default: `${timeout}s`,
      description: 'Longest a scrape may collect; Prometheus\'s X-Prometheus-Scrape-Timeout-Seconds header (minus --timeout-offset) can only shorten it.' },
    { name: 'timeout-offset', kind: 'number', default: 0.25, placeholder: '<seconds>',
      description: 'Seconds subtracted from Prometheus\'s scrape timeout so the answer arrives before Prometheus gives up.' },
    { name: 'log.level', kind: 'enum', default: 'info', choices: LOG_LEVELS, placeholder: '<level>', description: 'Only log messages with the given severity or above.' },
    { name: 'log.format', kind: 'enum', default: 'logfmt', choices: LOG_FORMATS, placeholder: '<format>', description: 'Output format of log messages.' },
    ...pushFlags(spec.name),
  ];
}

export function envName(prefix: string, flag: string): string {
  return `${prefix}_${flag.replace(/[^a-zA-Z0-9]+/g, '_').toUpperCase()}`;
}

export interface ParsedCommandLine {
  readonly flags: FlagValues;
  readonly enabled: ReadonlySet<string>;
  /** One line per deprecated flag name used; the launcher logs them once at start-up. */
  readonly warnings: readonly string[];
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
  const flagSpecs = exporterFlags(spec);
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
    const kind = flagKind(f);
    const envs = [...envVarsOf(spec.envPrefix, f), ...(f.deprecatedAliases ?? []).map((a) => envName(spec.envPrefix, a))];
    const def = f.default;
    const shownDefault = f.secret || def === undefined || def === '' || (Array.isArray(def) && def.length === 0)
      ? '' : ` (default: ${Array.isArray(def) ? def.join(', ') : String(def)})`;
    const aliases = f.deprecatedAliases?.length ? ` Deprecated alias: ${f.deprecatedAliases.map((a) => `--${a}`).join(', ')}.` : '';
    const choices = f.choices ? ` One of: ${f.choices.join(', ')}.` : '';
    const description = `${f.description}${shownDefault}${choices}${aliases} [env: ${envs.join(', ')}]`;
    for (const [i, name] of [f.name, ...(f.deprecatedAliases ?? [])].entries()) {
      const opt = kind === 'boolean'
        ? new Option(`--${name}`, description)
        : new Option(`--${name} ${f.placeholder ?? DEFAULT_PLACEHOLDER[kind]}`, description);
      if (kind === 'list') opt.argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]);
      if (i > 0) opt.hideHelp();
      program.addOption(opt);
      if (kind === 'boolean') program.addOption(new Option(`--no-${name}`).hideHelp());
      keyOf.set(name, opt.attributeName());
    }
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
      // Commander puts its suggestion ("(Did you mean --x?)") on a line of its own.
      throw new ConfigError(`${err.message.replace(/^error: /, '').replace(/\n/g, ' ')} (see --help)`);
    }
    throw err;
  }
  const raw = program.opts<Record<string, unknown>>();
  const given = new Map<string, GivenValue>();
  for (const f of flagSpecs) {
    const g = givenValue(spec.envPrefix, f, raw, keyOf, env);
    if (g !== undefined) given.set(f.name, g);
  }
  const { flags, warnings } = finishFlags(flagSpecs, given);
  const noDefaults = raw[disableDefaults.attributeName()] === true;
  const enabled = new Set<string>();
  for (const c of spec.collectors as ReadonlyArray<Collector<Target>>) {
    const explicit = raw[collectorKeys.get(c.name) as string];
    const on = typeof explicit === 'boolean' ? explicit : noDefaults ? false : c.defaultEnabled;
    if (on) enabled.add(c.name);
  }
  return { flags, enabled, warnings };
}

function envVarsOf(prefix: string, f: FlagSpec): string[] {
  return [envName(prefix, f.name), ...(f.envAliases ?? [])];
}

/** Command line first (the flag, else one deprecated alias), then env vars; undefined: not given. */
function givenValue(
  prefix: string,
  f: FlagSpec,
  raw: Record<string, unknown>,
  keyOf: ReadonlyMap<string, string>,
  env: NodeJS.ProcessEnv,
): GivenValue | undefined {
  const aliases = f.deprecatedAliases ?? [];
  const main = raw[keyOf.get(f.name) as string];
  const aliasGiven = aliases.filter((a) => raw[keyOf.get(a) as string] !== undefined);
  const alias = aliasGiven[0];
  if (alias !== undefined && main !== undefined && !sameAsDefault(f, main)) throw aliasConflict(alias, f.name);
  if (alias !== undefined) return { value: raw[keyOf.get(alias) as string], where: `--${alias}`, alias };
  if (main !== undefined) return { value: main, where: `--${f.name}` };
  for (const e of envVarsOf(prefix, f)) {
    const text = env[e];
    if (text !== undefined && text !== '') return { value: fromEnv(f, text), where: e };
  }
  for (const a of aliases) {
    const e = envName(prefix, a);
    const text = env[e];
    if (text !== undefined && text !== '') return { value: fromEnv(f, text), where: e, alias: a };
  }
  return undefined;
}

/** An env var holds one string; a list's items are comma-separated there. */
function fromEnv(f: FlagSpec, text: string): unknown {
  return flagKind(f) === 'list' ? text.split(',').map((s) => s.trim()).filter(Boolean) : text;
}
