import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closedPort } from './recording-receiver.js';

/**
 * Real receivers from Debian packages (scripts/prepare-services.sh installs them), each started
 * on a free loopback port with its own temporary data directory and stopped by the test.
 */
export interface RealServer {
  readonly url: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

export const RECEIVER_BINARIES = {
  pushgateway: 'prometheus-pushgateway',
  prometheus: 'prometheus',
  victoriaMetrics: 'victoria-metrics',
} as const;

/** Why a binary cannot be used here, or undefined. Under CI=true the suites run anyway and fail. */
export function binaryProblem(binary: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' });
  return found.status === 0 ? undefined : `${binary} is not installed (run scripts/prepare-services.sh as root)`;
}

export const mustRun = (problem: string | undefined): boolean => problem === undefined || process.env.CI === 'true';

async function waitReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${child.spawnfile} exited with ${child.exitCode}: ${output().slice(-2000)}`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${child.spawnfile} was not ready at ${url} within 60 s: ${output().slice(-2000)}`);
}

async function startServer(binary: string, args: (port: number, dir: string) => string[], readyPath: string): Promise<RealServer> {
  const problem = binaryProblem(binary);
  if (problem) throw new Error(problem);
  const dir = mkdtempSync(join(tmpdir(), `push-${binary}-`));
  const port = await closedPort();
  const child = spawn(binary, args(port, dir), { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d));
  child.stderr?.on('data', (d: Buffer) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(`${url}${readyPath}`, child, () => out);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, output: () => out, stop };
}

export function startPushgateway(): Promise<RealServer> {
  return startServer(RECEIVER_BINARIES.pushgateway, (port) => [`--web.listen-address=127.0.0.1:${port}`, '--persistence.file='], '/-/ready');
}

export function startPrometheusReceiver(): Promise<RealServer> {
  return startServer(RECEIVER_BINARIES.prometheus, (port, dir) => {
    writeFileSync(join(dir, 'prometheus.yml'), 'global: {}\n');
    return [
      `--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`, '--web.enable-remote-write-receiver',
    ];
  }, '/-/ready');
}

export function startVictoriaMetrics(): Promise<RealServer> {
  // latencyOffset 0: answer queries with samples written a moment ago (default: hide the last 30 s).
  return startServer(RECEIVER_BINARIES.victoriaMetrics, (port, dir) => [
    `-httpListenAddr=127.0.0.1:${port}`, `-storageDataPath=${join(dir, 'data')}`, '-search.latencyOffset=0s',
  ], '/health');
}

/** Polls until `probe` returns a value (not undefined); generous bound, no fixed sleeps. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
