import { connect } from 'node:net';

/** Whether something accepts TCP connections on host:port within timeoutMs. */
export function tcpReachable(port: number, host = '127.0.0.1', timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export const inCI = process.env.CI === 'true';

/**
 * For integration tests: undefined when the dependency is there, otherwise the reason to skip,
 * for `ctx.skip(reason)` (a beforeEach hook skips a whole describe). In CI a missing dependency
 * throws instead, so the suite fails rather than skipping.
 */
export function missingDependency(available: boolean, what: string): string | undefined {
  if (available) return undefined;
  const message = `${what} is not available; run scripts/prepare-services.sh (as root) to set it up`;
  if (inCI) throw new Error(message);
  return message;
}

/**
 * For integration tests: returns true when the dependency is there. In CI a missing dependency
 * throws (the suite fails); elsewhere it returns false with a visible reason, so the caller can
 * skip. Never a silent skip.
 */
export function requireDependency(available: boolean, what: string): boolean {
  const missing = missingDependency(available, what);
  if (missing !== undefined) console.warn(`SKIPPED: ${missing}`);
  return missing === undefined;
}
