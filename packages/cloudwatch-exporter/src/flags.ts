import { ConfigError, type FlagSpec, type FlagValues } from '@scrapekit/exporter-kit';
import { DEFAULT_BACKOFF } from './aws/backoff.js';
import type { ConfigFormat } from './config/load.js';

/** The exporter's own flags; the kit adds env vars (CLOUDWATCH_EXPORTER_<FLAG>) and --help. */
export const FLAGS: readonly FlagSpec[] = [
  { name: 'config.file', default: '', placeholder: '<file>',
    description: 'cloudwatch_exporter YAML configuration (region, role_arn, metrics[]) or, detected from apiVersion, a YACE one. Required.' },
  { name: 'config.format', default: 'auto', choices: ['auto', 'cloudwatch_exporter', 'yace'], placeholder: '<format>',
    description: 'Format of --config.file; auto: YACE when the file has apiVersion/discovery/static/customNamespace.' },
  { name: 'scrape.interval', kind: 'duration', default: '0s',
    description: 'Decoupled mode: collect from CloudWatch on this schedule, aligned to it (e.g. 1m), and serve the last result to every scrape. 0 (default): collect on each scrape, as cloudwatch_exporter.' },
  { name: 'aws.concurrency', kind: 'number', default: 5, placeholder: '<n>',
    description: 'Most AWS API calls in flight at once (ListMetrics, GetMetricData, GetResources).' },
  { name: 'aws.max-attempts', kind: 'number', default: DEFAULT_BACKOFF.maxAttempts, placeholder: '<n>',
    description: 'Attempts per AWS call when throttled or failing with a 5xx, with jittered exponential backoff between them.' },
];

export interface ExporterOptions {
  readonly configFile: string;
  readonly configFormat: ConfigFormat;
  /** undefined: collect on each scrape. */
  readonly scrapeIntervalMs: number | undefined;
  readonly concurrency: number;
  readonly maxAttempts: number;
}

function positiveInteger(flags: FlagValues, name: string): number {
  const v = Number(flags[name]);
  if (!Number.isInteger(v) || v < 1) throw new ConfigError(`--${name}: must be a whole number of at least 1, got ${String(flags[name])}`);
  return v;
}

export function parseOptions(flags: FlagValues): ExporterOptions {
  const configFile = String(flags['config.file'] ?? '');
  if (!configFile) throw new ConfigError('--config.file: required; point it at a cloudwatch_exporter YAML file (e.g. --config.file=config.yml)');
  const intervalMs = Number(flags['scrape.interval'] ?? 0);
  if (intervalMs > 0 && intervalMs < 1000) throw new ConfigError(`--scrape.interval: must be 0 (off) or at least 1s, got ${intervalMs} ms`);
  const scrapeIntervalMs = intervalMs > 0 ? Math.round(intervalMs) : undefined;
  return {
    configFile,
    configFormat: String(flags['config.format'] ?? 'auto') as ConfigFormat,
    scrapeIntervalMs,
    concurrency: positiveInteger(flags, 'aws.concurrency'),
    maxAttempts: positiveInteger(flags, 'aws.max-attempts'),
  };
}
