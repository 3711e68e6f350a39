import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Collector } from './collector.js';
import type { Logger } from './logger.js';
import type { MetricSink } from './metrics.js';

/**
 * The kinds of flag value. Each kind has one parser in src/flags/ and setup() receives the parsed
 * value, never the text:
 * - 'string' (default), 'enum' (one of `choices`): string
 * - 'boolean': --x / --no-x, boolean
 * - 'number': a non-negative number
 * - 'duration': Go time.ParseDuration syntax ("10s", "1m30s", "0"), in milliseconds
 * - 'size': kingpin Bytes ("512MB", "1GiB"; base 2), in bytes
 * - 'regex': Go RE2 syntax, translated once to a RegExp (`anchor` says how); '' gives undefined
 * - 'list': repeatable (env var: comma-separated), readonly string[]
 */
export type FlagKind = 'string' | 'enum' | 'boolean' | 'number' | 'duration' | 'size' | 'regex' | 'list';

/** How a regex flag's pattern applies: like Go's MatchString ('none') or as ^(?:…)$ ('full'). */
export type RegexAnchor = 'none' | 'full';

/** An exporter-specific command-line flag; the kit adds its env var and lists both in --help. */
export interface FlagSpec {
  /** Long name without dashes, e.g. 'path.procfs' or 'mysqld.address'. */
  readonly name: string;
  readonly description: string;
  readonly kind?: FlagKind;
  /** As the user would write it ('10s', '^lo$', '512MB'); parsed like user input. */
  readonly default?: string | boolean | number | readonly string[];
  /** The allowed values of an 'enum' (a 'string' with choices is an enum too). */
  readonly choices?: readonly string[];
  /** Value placeholder in --help, e.g. '<dir>'; each kind has a default. */
  readonly placeholder?: string;
  /** Extra environment variables read when the flag is absent (first set wins), after the generated one. */
  readonly envAliases?: readonly string[];
  /** Secret values are never shown in --help defaults, logs or the landing page. */
  readonly secret?: boolean;
  /** 'regex' only: anchoring as the upstream flag applies it. Default 'none'. */
  readonly anchor?: RegexAnchor;
  /**
   * Old names of this flag that upstream still accepts. One given alone sets this flag, with one
   * warning at start-up; given together with this flag it is a start-up error.
   */
  readonly deprecatedAliases?: readonly string[];
  /**
   * On an include filter flag: its exclude counterpart (node_exporter's device_filter pairs).
   * Both given is a start-up error; this one given alone drops the exclude flag's default.
   */
  readonly excludeFlag?: string;
}

/** A parsed flag value: see FlagKind for which kind gives which type. */
export type FlagValue = string | boolean | number | readonly string[] | RegExp | undefined;

/** Parsed flags: keyed by FlagSpec.name (and the kit's own names, e.g. 'web.listen-address'). */
export type FlagValues = Readonly<Record<string, FlagValue>>;

export interface SetupContext {
  readonly flags: FlagValues;
  readonly logger: Logger;
  /**
   * Names of the collectors this run enables: flags of a collector are checked only when it
   * runs, as node_exporter checks them in the collector's constructor. Absent: all enabled.
   */
  readonly enabledCollectors?: ReadonlySet<string>;
}

/** Raised by an exporter's setup for a bad flag or config file: printed as one line, exit code 1. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export interface AcquireRequest {
  /** The scrape's one signal: fires at its deadline or when its client has gone. */
  readonly signal: AbortSignal;
  readonly logger: Logger;
  /** Query parameters of a /probe request (multi-target mode); undefined on the metrics path. */
  readonly probe?: URLSearchParams;
  /**
   * A metrics-path variant (ExporterRuntime.metricsVariants) this scrape was asked for, e.g.
   * `per-object` for `/metrics/per-object`, with the request's query parameters.
   */
  readonly variant?: MetricsVariantRequest;
  /** Where the acquire step writes its own samples, typically `<ns>_up`. */
  readonly out: MetricSink;
}

/**
 * What acquire() found. A request that is itself wrong (an unknown auth module, say) is not a
 * value: acquire() throws BadRequestError and the server answers 400 with its message.
 */
export type Acquired<Target> =
  /** The target answered: run the collectors with it, then call release(). */
  | { readonly ok: true; readonly target: Target; release?(): void | Promise<void> }
  /** The target is down or refused us: answer 200 with what acquire wrote to `out` (e.g. `<ns>_up 0`). */
  | { readonly ok: false };

export interface MetricsVariantRequest {
  readonly name: string;
  readonly params: URLSearchParams;
}

/** What an exporter's setup() returns: how to reach its target on each scrape. */
export interface ExporterRuntime<Target> {
  acquire(req: AcquireRequest): Promise<Acquired<Target>>;
  /** Serve /probe?target=… (multi-target mode, as mysqld_exporter and blackbox_exporter do). */
  readonly probe?: boolean;
  /**
   * Reads the exporter's configuration again (a config file, credentials) and switches to it;
   * throws with the reason when the new one cannot be used, and then keeps the old one. The kit
   * calls it for `POST /-/reload` and SIGHUP, one at a time, logs the outcome and exports
   * `<exporter>_config_last_reload_successful` (ConfigReloader).
   */
  reload?(): Promise<void>;
  /**
   * Paths under the metrics path this exporter also serves, e.g. `['per-object', 'detailed']` for
   * the RabbitMQ plugin's `/metrics/per-object` and `/metrics/detailed`: served by the same
   * pipeline as the metrics path (timeout, collect[], negotiation, gzip, handler metrics), with
   * AcquireRequest.variant telling acquire() which one was asked for.
   */
  readonly metricsVariants?: readonly string[];
  /** Extra landing-page lines (never secrets). */
  readonly landingInfo?: ReadonlyArray<readonly [label: string, value: string]>;
  close?(): Promise<void>;
}

export interface ExporterSpec<Target = void> {
  /** Program name, as the bin is called: 'node-exporter'. */
  readonly name: string;
  /** One line for --help and the landing page. */
  readonly description: string;
  readonly version: string;
  /** Go counterpart's default, e.g. ':9100'. */
  readonly defaultListenAddress: string;
  /** Prefix of generated env vars: 'NODE_EXPORTER' → NODE_EXPORTER_WEB_LISTEN_ADDRESS. */
  readonly envPrefix: string;
  /** e.g. 'node_exporter_build_info'. */
  readonly buildInfoMetric: string;
  /**
   * Per-collector self metrics, named as the Go counterpart names them; noDataSuccess is the
   * success value of a collector that threw NoDataError (node_exporter: 0; default 1).
   */
  readonly collectorMetrics: { readonly duration: string; readonly success: string; readonly noDataSuccess?: 0 | 1 };
  /** The registry: each becomes --<collectorFlagPrefix>.<name> / --no-<collectorFlagPrefix>.<name>. */
  readonly collectors: ReadonlyArray<Collector<Target>>;
  /** 'collector' (node_exporter) or 'collect' (mysqld_exporter). */
  readonly collectorFlagPrefix?: string;
  /** Prefix of the `collector` label of the duration/success gauges: mysqld_exporter writes 'collect.'. */
  readonly collectorLabelPrefix?: string;
  /**
   * How collect[] treats names: 'strict' (node_exporter: an unknown or disabled name is a 400) or
   * 'lenient' (mysqld_exporter: unknown names are ignored, and no match at all means every enabled
   * collector). exclude[] is always strict. Default 'strict'.
   */
  readonly collectFilter?: 'strict' | 'lenient';
  readonly flags?: readonly FlagSpec[];
  /** Upper bound of a scrape's deadline when Prometheus sends no timeout header. Default 10 s. */
  readonly defaultScrapeTimeoutSeconds?: number;
  /** Concurrent scrapes share one in-flight collection (for costly targets). */
  readonly singleFlight?: boolean;
  /** Turns flags into a runtime; throw ConfigError for bad input. Omitted: Target is void. */
  setup?(ctx: SetupContext): Promise<ExporterRuntime<Target>> | ExporterRuntime<Target>;
}
