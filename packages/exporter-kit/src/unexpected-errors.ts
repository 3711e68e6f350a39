import type { LogFields, Logger } from './logger.js';

/**
 * Errors of JavaScript itself (TypeError, ReferenceError, RangeError, SyntaxError) and throws of
 * non-errors are bugs in our code; any other Error is taken as the target failing (refused
 * connection, query error, bad answer), which is expected and worth one line.
 */
export function isBug(err: unknown): boolean {
  return !(err instanceof Error) || err instanceof TypeError || err instanceof ReferenceError
    || err instanceof RangeError || err instanceof SyntaxError || err instanceof EvalError || err instanceof URIError;
}

/** Distinct bugs remembered per log; beyond this each one is logged with its stack again. */
const MAX_REMEMBERED = 512;

/**
 * Logs a bug at level error with its stack the first time it is seen and at debug afterwards, so
 * a collector that fails the same way on every scrape reports it once, not every 15 seconds.
 * One per pipeline (per server), never shared through module state.
 */
export class BugLog {
  private readonly seen = new Set<string>();

  report(logger: Logger, msg: string, err: unknown, fields: LogFields = {}): void {
    const message = err instanceof Error ? err.message : String(err);
    const key = err instanceof Error ? (err.stack ?? `${err.name}: ${message}`) : `thrown: ${message}`;
    if (this.seen.has(key)) {
      logger.debug(msg, { ...fields, err: message });
      return;
    }
    if (this.seen.size >= MAX_REMEMBERED) this.seen.clear();
    this.seen.add(key);
    logger.error(msg, err instanceof Error && err.stack ? { ...fields, err: message, stack: err.stack } : { ...fields, err: message });
  }
}
