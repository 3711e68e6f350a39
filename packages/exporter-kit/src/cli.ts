import type { Collector } from './collector.js';
import { HelpShown, parseCommandLine } from './flags/index.js';
import { HandlerMetrics } from './handler-metrics.js';
import type { RuntimeHooks } from './housekeeping.js';
import { renderLandingPage } from './landing.js';
import type { LogFormat, Logger, LogLevel } from './logger.js';
import { createLogger } from './logger.js';
import type { MetricFamily } from './metrics.js';
import { createPipeline } from './pipeline.js';
import { PushMode, parsePushConfig } from './push/index.js';
import { ConfigReloader } from './reload.js';
import { ProcessMetrics, buildInfoFamily } from './self-metrics.js';
import type { RunningServer } from './server.js';
import { ListenAddressError, startServer } from './server.js';
import type { ExporterRuntime, ExporterSpec, FlagValues } from './spec.js';
import { ConfigError } from './spec.js';
import { formatVersion, readBuildInfo } from './version.js';
import { WebConfigError } from './web-config.js';

export interface StartOptions {
  readonly argv?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  /** Overrides the logger built from --log.level/--log.format (tests). */
  readonly logger?: Logger;
  /** Build stamp (revision, branch, build user and date), written next to the exporter's dist at build time. */
  readonly buildStamp?: URL;
  /** Process capabilities the launcher set up from the exporter's runtime settings (launch.ts). */
  readonly runtimeHooks?: RuntimeHooks;
}

export interface RunningExporter {
  readonly addresses: string[];
  readonly flags: FlagValues;
  readonly enabledCollectors: readonly string[];
  readonly logger: Logger;
  /** One snapshot of the metrics path through the same pipeline, without a request (push mode). */
  collect(): Promise<MetricFamily[]>;
  /** With --push.once: settles when the one push is done; rejects with a PushFailedError. */
  readonly finished?: Promise<void>;
  close(graceMs?: number): Promise<void>;
}

/**
 * Parses the command line, sets the exporter up and starts serving. Throws ConfigError (or
 * WebConfigError / ListenAddressError) for anything the user must fix; runExporter turns those
 * into one line and exit code 1.
 */
export async function startExporter<Target>(spec: ExporterSpec<Target>, options: StartOptions = {}): Promise<RunningExporter> {
  const argv = options.argv ?? process.argv.slice(2);
  const env = options.env ?? process.env;
  const buildInfo = readBuildInfo(spec.version, options.buildStamp, env);
  // Go's exporters print their build (prometheus/common's version.Print) for --version, wherever it stands.
  if (argv.includes('--version')) throw new HelpShown(formatVersion(spec.name, buildInfo));
  const { flags, enabled, warnings } = parseCommandLine(spec, argv, env);
  const logger = options.logger ?? createLogger({ level: flags['log.level'] as LogLevel, format: flags['log.format'] as LogFormat });
  for (const warning of warnings) logger.warn(warning);

  const maxTimeoutSeconds = (flags['scrape.timeout'] as number) / 1000;
  if (maxTimeoutSeconds < 0) throw new ConfigError('--scrape.timeout: must not be negative; use e.g. 10s');
  const pushConfig = parsePushConfig(flags);
  const metricsPath = String(flags['web.telemetry-path']);
  if (!metricsPath.startsWith('/')) throw new ConfigError(`--web.telemetry-path: must start with "/", got ${JSON.stringify(metricsPath)}`);
  const push = pushConfig ? await PushMode.create(pushConfig, { exporterName: spec.name, version: spec.version, logger }) : undefined;

  const runtime: ExporterRuntime<Target> = spec.setup
    ? await spec.setup({ flags, logger, enabledCollectors: enabled })
    : { acquire: async () => ({ ok: true, target: undefined as Target }) };

  const reloader = runtime.reload
    ? new ConfigReloader(() => runtime.reload!(), spec.buildInfoMetric.replace(/_build_info$/, ''), logger)
    : undefined;
  const collectors = (spec.collectors as ReadonlyArray<Collector<Target>>).filter((c) => enabled.has(c.name));
  const exporterMetrics = !flags['web.disable-exporter-metrics'];
  const processMetrics = exporterMetrics ? new ProcessMetrics() : undefined;
  const handlerMetrics = new HandlerMetrics(exporterMetrics);
  const buildFamilies = buildInfoFamily(spec.buildInfoMetric, spec.name, buildInfo);

  const pipeline = createPipeline<Target>({
    collectors,
    registered: new Set(spec.collectors.map((c) => c.name)),
    runtime,
    collectorMetrics: { ...spec.collectorMetrics, labelPrefix: spec.collectorLabelPrefix },
    collectFilter: spec.collectFilter,
    maxTimeoutSeconds,
    timeoutOffsetSeconds: Number(flags['timeout-offset']),
    singleFlight: spec.singleFlight ?? false,
    // As node_exporter: --web.disable-exporter-metrics drops the process metrics, never build info.
    selfMetrics: processMetrics
      ? async () => [...buildFamilies, ...(reloader?.metrics() ?? []), ...(await processMetrics.collect()), ...(push?.selfMetrics() ?? [])]
      : async () => buildFamilies,
    handlerMetrics,
    runtimeHooks: options.runtimeHooks,
    logger,
  });

  const landing = renderLandingPage({
    name: spec.name,
    description: spec.description,
    version: spec.version,
    metricsPath,
    probe: runtime.probe ?? false,
    collectors: collectors.map((c) => c.name),
    info: runtime.landingInfo,
  });

  const collect = (): Promise<MetricFamily[]> => pipeline.collect();
  reloader?.listenForSighup();
  const closeRuntime = async (): Promise<void> => {
    reloader?.stopListening();
    await runtime.close?.();
  };
  if (push && !push.listen) {
    return startPushOnly(push, collect, closeRuntime, { flags, logger, enabledCollectors: collectors.map((c) => c.name), name: spec.name });
  }

  let server: RunningServer;
  try {
    server = await startServer({
      listenAddresses: flags['web.listen-address'] as string[],
      webConfigFile: String(flags['web.config.file'] ?? '') || undefined,
      maxRequests: Number(flags['web.max-requests']),
      logger,
      routes: {
        metricsPath,
        metrics: pipeline.metrics,
        metricsVariants: runtime.metricsVariants,
        probe: runtime.probe ? pipeline.probe : undefined,
        landingPage: () => landing,
        handlerMetrics,
        extra: reloader ? [{ method: 'POST', path: '/-/reload', handle: reloader.handle }] : undefined,
      },
    });
  } catch (err) {
    await closeRuntime();
    throw err;
  }
  logger.info(`Starting ${spec.name}`, { version: buildInfo.version, revision: buildInfo.revision, collectors: collectors.length });
  if (options.runtimeHooks?.summary) logger.info('Runtime settings', options.runtimeHooks.summary);
  push?.start(collect);

  return {
    addresses: server.addresses,
    flags,
    enabledCollectors: collectors.map((c) => c.name),
    logger,
    collect,
    async close(graceMs?: number) {
      await Promise.all([server.close(graceMs), push?.close(graceMs)]);
      await closeRuntime();
    },
  };
}

/** Push mode without the HTTP server: --push.once runs one round (`finished`), else the interval loop. */
function startPushOnly(
  push: PushMode,
  collect: () => Promise<MetricFamily[]>,
  closeRuntime: () => Promise<void>,
  info: { flags: FlagValues; logger: Logger; enabledCollectors: string[]; name: string },
): RunningExporter {
  info.logger.info(`Starting ${info.name} in push mode`, { once: push.config.schedule.kind === 'once' });
  const finished = push.config.schedule.kind === 'once' ? push.runOnce(collect) : undefined;
  if (!finished) push.start(collect);
  return {
    addresses: [],
    flags: info.flags,
    enabledCollectors: info.enabledCollectors,
    logger: info.logger,
    collect,
    finished,
    async close(graceMs?: number) {
      await push.close(graceMs);
      await closeRuntime();
    },
  };
}

/** True for errors that are the user's to fix: printed as one line, exit code 1, no stack trace. */
export function isUserError(err: unknown): err is Error {
  return err instanceof ConfigError || err instanceof WebConfigError || err instanceof ListenAddressError;
}

/**
 * The main of every exporter (launch.ts calls it for the bins): start, handle SIGTERM/SIGINT
 * gracefully, map errors to exit codes; --help and --version print and exit 0.
 */
export async function runExporter<Target>(spec: ExporterSpec<Target>, options: StartOptions = {}): Promise<RunningExporter> {
  let running: RunningExporter;
  try {
    running = await startExporter(spec, options);
  } catch (err) {
    if (err instanceof HelpShown) {
      process.stdout.write(err.output);
      process.exit(0);
    }
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`${spec.name}: error: ${msg}\n`);
    process.exit(1);
  }
  if (running.finished) {
    const failure = await running.finished.then(() => undefined, (err: unknown) => err as Error);
    await running.close(1000).catch(() => {});
    if (failure) process.stderr.write(`${spec.name}: error: ${failure.message}\n`);
    process.exit(failure ? 1 : 0);
  }
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    running.logger.info('Shutting down', { signal });
    const force = setTimeout(() => process.exit(0), 5000);
    force.unref();
    running.close(4500).then(() => process.exit(0), () => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  return running;
}
