export * from './collector.js';
export * from './metrics.js';
export * from './logger.js';
export * from './spec.js';
export { runScrape, runCollectors, collectOnce, ScrapeDeadlineError, ScrapeAbandonedError, ScrapeScope } from './scrape.js';
export type { ScrapeOptions, CollectorRun, CollectorMetricNames, CollectOnceOptions } from './scrape.js';
export { mergeFamilies } from './merge.js';
export { closestMatch, editDistance, MAX_SUGGESTION_DISTANCE } from './suggest.js';
export {
  negotiateFormat, acceptsGzip, renderText, renderOpenMetrics, render, escapeLabelValue, escapeHelp,
  TEXT_CONTENT_TYPE, OPENMETRICS_CONTENT_TYPE,
} from './exposition.js';
export type { ExpositionFormat, NegotiatedFormat } from './exposition.js';
export { startServer, parseListenAddress, ListenAddressError } from './server.js';
export type { RunningServer, ServerOptions, Routes } from './server.js';
export { createPipeline, filterCollectors, scrapeTimeoutMs } from './pipeline.js';
export type { Pipeline, PipelineOptions } from './pipeline.js';
export { RequestError, BadRequestError } from './request-errors.js';
export { BugLog, isBug } from './unexpected-errors.js';
export { HandlerMetrics } from './handler-metrics.js';
export type { HandlerErrorCause } from './handler-metrics.js';
export { scrapeHousekeeping, trimScheduler, NATIVE_TRIM_DELAY_MS } from './housekeeping.js';
export type { RuntimeHooks, ScrapeHousekeeping, TrimScheduler } from './housekeeping.js';
export {
  parseCommandLine, envName, exporterFlags, kitFlags, HelpShown, parseFlagValue, resolveFlagValues, parseGoDuration, DurationSyntaxError, parseBase2Bytes,
  SizeSyntaxError, compileRe2, translateRe2, Re2SyntaxError, includeExcludeFilter, flagFilter, ignoredByFilter, regexFlag, numberFlag,
  booleanFlag, stringFlag, listFlag,
} from './flags/index.js';
export type { ParsedCommandLine, Re2Translation, NameFilter, ResolvedFlags } from './flags/index.js';
export { startExporter, runExporter, isUserError } from './cli.js';
export type { StartOptions, RunningExporter } from './cli.js';
export { ProcessMetrics, buildInfoFamily } from './self-metrics.js';
export { readBuildInfo, formatVersion, platformName } from './version.js';
export type { BuildInfo } from './version.js';
export { applyRuntime, launch } from './launch.js';
export type { ExporterEntry, RuntimeSettings } from './launch.js';
export { renderLandingPage } from './landing.js';
export { createWebServer, loadWebConfig, WebConfigError } from './web-config.js';
export type { WebConfig, WebServerOptions } from './web-config.js';
export * from './push/index.js';
