import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Helpers shared by the image and compose tests: a docker CLI, health polling, clean-up by label. */

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const EXPORTERS = ['node-exporter', 'mysql-exporter', 'rabbitmq-exporter', 'cloudwatch-exporter'] as const;
export type Exporter = (typeof EXPORTERS)[number];
export const DEFAULT_PORT: Record<Exporter, number> = {
  'node-exporter': 9100, 'mysql-exporter': 9104, 'rabbitmq-exporter': 9419, 'cloudwatch-exporter': 9106,
};
/** Every container the tests start carries this label, so clean-up finds them all. */
export const TEST_LABEL = 'io.scrapekit.test=docker';

export function engineAnswers(): boolean {
  return spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 30_000 }).status === 0;
}

export function packageVersion(exporter: Exporter): string {
  return (JSON.parse(readFileSync(`${repoRoot}/packages/${exporter}/package.json`, 'utf8')) as { version: string }).version;
}

export function imageTag(exporter: Exporter): string {
  return `scrapekit/${exporter}:${packageVersion(exporter)}`;
}

/** The demo stack's fake AWS (docker/build-images.mjs builds it with the exporters); the CloudWatch exporter's version. */
export const FAKE_AWS_IMAGE = `scrapekit/fake-aws:${packageVersion('cloudwatch-exporter')}`;

/** Runs a command; rejects with its output when it exits non-zero. */
export function run(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, {
      cwd: options.cwd ?? repoRoot, env: options.env ?? process.env, timeout: options.timeoutMs ?? 120_000,
      maxBuffer: 64 * 1024 * 1024, encoding: 'utf8',
    }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')}: ${error.message}\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`));
      else resolve(stdout);
    });
  });
}

export const docker = (...args: string[]): Promise<string> => run('docker', args);

/** Debian's ca-certificates bundle: what npm inside a build must trust behind this network's TLS inspection. */
export const SYSTEM_CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
const BUILD_LOCK = join(tmpdir(), 'scrapekit-docker-build.lock');
const BUILD_TIMEOUT_MS = 45 * 60_000;

/**
 * `npm run docker:build` (docker/build-images.mjs) with a CA bundle as its build secret, one build
 * at a time across the test files: BuildKit merges the same RUN step of two concurrent builds,
 * and a secret is not part of its cache key, so a build without the bundle could run the other's
 * `npm ci`. A lock directory left by a killed run is taken over once older than a whole build.
 */
export async function buildImages(caBundle: string | undefined, env: NodeJS.ProcessEnv = {}): Promise<void> {
  const bundle = caBundle ?? (existsSync(SYSTEM_CA_BUNDLE) ? SYSTEM_CA_BUNDLE : undefined);
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // Released between our mkdir and this stat: try again at once.
      const held = statSync(BUILD_LOCK, { throwIfNoEntry: false });
      if (held === undefined) continue;
      if (Date.now() - held.mtimeMs > BUILD_TIMEOUT_MS) rmSync(BUILD_LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    await run('node', ['docker/build-images.mjs'], {
      env: { ...process.env, ...env, ...(bundle ? { EXTRA_CA_CERTS: bundle } : {}), BUILDKIT_PROGRESS: 'plain' }, timeoutMs: BUILD_TIMEOUT_MS,
    });
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/** Polls the container's health status until it is "healthy"; fails early if it turns unhealthy or exits. */
export async function waitHealthy(container: string, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let status = '';
  while (Date.now() < deadline) {
    status = (await docker('inspect', '--format', '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}}', container)).trim();
    if (status === 'running healthy') return;
    if (status.endsWith('unhealthy') || status.startsWith('exited') || status.startsWith('dead')) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const logs = await run('docker', ['logs', '--tail', '40', container]).catch((error: Error) => error.message);
  throw new Error(`container ${container} is "${status}", not healthy\n${logs}`);
}

/** Polls url until it answers 200; returns the body. Generous bound: the machine may be busy. */
export async function fetchWhenUp(url: string, timeoutMs = 120_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
      if (response.status === 200) return await response.text();
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s: ${last}`);
}

/**
 * A copy of `source` in `dir` that any user can read, for a bind mount: the containers run as 1000,
 * and a clone may sit under a private home. Returns the copy's path.
 */
export function readableCopy(source: string, dir: string, name: string): string {
  const copy = join(dir, name);
  copyFileSync(source, copy);
  chmodSync(dir, 0o755);
  chmodSync(copy, 0o644);
  return copy;
}

/** Removes every container the tests started (running or not). */
export async function removeTestContainers(): Promise<void> {
  const ids = (await docker('ps', '--all', '--quiet', '--filter', `label=${TEST_LABEL}`)).split('\n').filter(Boolean);
  if (ids.length > 0) await docker('rm', '--force', '--volumes', ...ids);
}

/** The value of the first sample of `metric` whose labels include all of `labels`. */
export function sampleValue(exposition: string, metric: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of exposition.split('\n')) {
    if (!line.startsWith(`${metric}{`) && !line.startsWith(`${metric} `)) continue;
    if (!Object.entries(labels).every(([name, value]) => line.includes(`${name}="${value}"`))) continue;
    return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

/** The values of one label over every sample of `metric`. */
export function labelValues(exposition: string, metric: string, label: string): Set<string> {
  const values = new Set<string>();
  const pattern = new RegExp(`^${metric}\\{.*\\b${label}="([^"]*)"`);
  for (const line of exposition.split('\n')) {
    const match = pattern.exec(line);
    if (match) values.add(match[1]);
  }
  return values;
}
