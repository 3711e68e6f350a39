import { execFile, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
