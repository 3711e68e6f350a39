export * from './collector.js';
export * from './metrics.js';
export * from './logger.js';
export * from './spec.js';
export { runScrape, collectOnce, ScrapeDeadlineError } from './scrape.js';
export type { ScrapeOptions, CollectorMetricNames, CollectOnceOptions } from './scrape.js';
export { mergeFamilies } from './merge.js';
export {
  negotiateFormat, acceptsGzip, renderText, renderOpenMetrics, render, escapeLabelValue, escapeHelp,
  TEXT_CONTENT_TYPE, OPENMETRICS_CONTENT_TYPE,
} from './exposition.js';
export type { ExpositionFormat, NegotiatedFormat } from './exposition.js';
export { startServer, parseListenAddress, ListenAddressError } from './server.js';
export type { RunningServer, ServerOptions, Routes } from './server.js';
export { createPipeline, filterCollectors, scrapeTimeoutMs, BadRequestError } from './pipeline.js';
export {
  parseCommandLine, envName, kitFlags, HelpShown, parseFlagValue, resolveFlagValues, parseGoDuration, DurationSyntaxError, parseBase2Bytes,
  SizeSyntaxError, compileRe2, translateRe2, Re2SyntaxError, includeExcludeFilter, flagFilter, ignoredByFilter, regexFlag, numberFlag,
  booleanFlag, stringFlag, listFlag,
} from './flags/index.js';
export type { ParsedCommandLine, Re2Translation, NameFilter, ResolvedFlags } from './flags/index.js';
export { startExporter, runExporter, isUserError } from './cli.js';
export type { StartOptions, RunningExporter } from './cli.js';
export { ProcessMetrics, buildInfoFamily, readBuildInfo } from './self-metrics.js';
export type { BuildInfo } from './self-metrics.js';
export { renderLandingPage } from './landing.js';
export { createWebServer, loadWebConfig, WebConfigError } from './web-config.js';
export type { WebConfig, WebServerOptions } from './web-config.js';
