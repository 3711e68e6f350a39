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
 * For integration tests: returns true when the dependency is there. In CI a missing dependency
 * throws (the suite fails); elsewhere it returns false with a visible reason, so the caller can
 * skip. Never a silent skip.
 */
export function requireDependency(available: boolean, what: string): boolean {
  if (available) return true;
  const message = `${what} is not available; run scripts/prepare-services.sh (as root) to set it up`;
  if (inCI) throw new Error(message);
  console.warn(`SKIPPED: ${message}`);
  return false;
}
