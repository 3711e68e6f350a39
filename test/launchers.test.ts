/**
 * Every exporter's bin goes through the kit's launcher (packages/exporter-kit/src/launch.ts):
 * Go-shaped --version, the runtime settings its entry declares, one-line errors with exit code 1.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = (name: string): string => fileURLToPath(new URL(`../packages/${name}/bin/${name}.js`, import.meta.url));

interface Exporter {
  readonly name: string;
  /** Arguments that let it start here without its target. */
  readonly args: readonly string[];
  /** The launcher's 'Runtime settings' log fields for the exporter's own declaration. */
  readonly runtime: Record<string, unknown>;
}

const EXPORTERS: readonly Exporter[] = [
  {
    name: 'node-exporter', args: ['--collector.disable-defaults', '--collector.loadavg'],
    runtime: { heap_tuning: 'applied', memory_profile: 'default', young_generation_cap_bytes: 4194304, heap_growing_percent: 50, old_generation_step_bytes: 4194304, v8_flags: Number(process.versions.v8.split('.')[0]) < 12 ? '--interrupt-budget=300000' : '', native_heap_trim: true },
  },
  {
    name: 'mysql-exporter', args: ['--mysqld.username=scrapekit_launcher_test', '--mysqld.address=127.0.0.1:9'],
    runtime: { heap_tuning: 'applied', memory_profile: 'default', young_generation_cap_bytes: 4194304, heap_growing_percent: 50, v8_flags: '', native_heap_trim: false },
  },
  {
    name: 'rabbitmq-exporter', args: [],
    runtime: { heap_tuning: 'applied', memory_profile: 'default', young_generation_cap_bytes: 4194304, heap_growing_percent: 50, v8_flags: '--optimize-for-size', native_heap_trim: false },
  },
  {
    name: 'cloudwatch-exporter', args: [`--config.file=${cloudwatchConfig()}`],
    runtime: { heap_tuning: 'applied', memory_profile: 'default', young_generation_cap_bytes: 4194304, heap_growing_percent: 50, v8_flags: '--optimize-for-size', native_heap_trim: true },
  },
];

/** A minimal cloudwatch_exporter config: it starts with it and calls AWS only when scraped. */
function cloudwatchConfig(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'scrapekit-launcher-cw-')), 'config.yml');
  writeFileSync(file, 'region: eu-west-1\nmetrics:\n  - aws_namespace: AWS/EC2\n    aws_metric_name: CPUUtilization\n');
  return file;
}

interface Run { code: number | null; stdout: string; stderr: string }

/** Runs a bin to completion (it exits by itself: --version, bad flags). */
function run(name: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin(name), ...args], { env: { PATH: process.env.PATH, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Starts a bin and returns its 'Runtime settings' log record; once the server answers /-/ready
 * (so its signal handlers are in place) it is stopped with SIGTERM, which must end it with exit 0.
 */
function runtimeSettings(name: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ settings: Record<string, unknown>; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin(name), '--web.listen-address=127.0.0.1:0', '--log.format=json', ...args], { env: { PATH: process.env.PATH, ...env } });
    let pending = '';
    let settings: Record<string, unknown> | undefined;
    let address: string | undefined;
    let stopping = false;
    child.stderr.on('data', (d: Buffer) => {
      pending += d;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      // Only the exporter's own JSON log lines: Node's process warnings (the AWS SDK's Node 20
      // support notice, say) are plain text on the same stream.
      for (const line of lines.filter((l) => l.startsWith('{'))) {
        const { time: _t, level: _l, msg, ...fields } = JSON.parse(line) as Record<string, unknown>;
        if (msg === 'Runtime settings') settings = fields;
        if (msg === 'Listening on') address = String(fields.address);
      }
      if (settings && address && !stopping) {
        stopping = true;
        fetch(`http://${address}/-/ready`).then((r) => r.text()).finally(() => child.kill('SIGTERM'));
      }
    });
    child.on('close', (code) => (settings ? resolve({ settings, code }) : reject(new Error(`${name} exited (${code}) before logging its runtime settings: ${pending}`))));
  });
}

describe.each(EXPORTERS)('$name bin', (exporter) => {
  it('is built (npm test builds first; run `npm run build` before running this file alone)', () => {
    expect(existsSync(fileURLToPath(new URL(`../packages/${exporter.name}/dist/main.js`, import.meta.url)))).toBe(true);
  });

  it('--version prints the Go exporters\' build text on stdout, exit 0', async () => {
    const r = await run(exporter.name, ['--version']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${exporter.name}, version \\d+\\.\\d+\\.\\d+\\S* \\(branch: \\S+, revision: \\S+\\)$`));
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^ {2}build user: {7}\S+$/),
      expect.stringMatching(/^ {2}build date: {7}(\d{8}-\d\d:\d\d:\d\d|unknown)$/),
      `  nodejs version:   ${process.version}`,
      expect.stringMatching(/^ {2}platform: {9}[a-z0-9]+\/[a-z0-9]+$/),
      '',
    ]);
  });

  it('the version is its package.json\'s, and build_info is fed from the same values', async () => {
    const pkg = (await import(`../packages/${exporter.name}/package.json`, { with: { type: 'json' } })) as { default: { version: string } };
    const env = { SCRAPEKIT_REVISION: 'abc123', SCRAPEKIT_BRANCH: 'release-1', SCRAPEKIT_BUILD_USER: 'ci@builder', SCRAPEKIT_BUILD_DATE: '20260101-12:00:00' };
    const r = await run(exporter.name, ['--version'], env);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      `${exporter.name}, version ${pkg.default.version} (branch: release-1, revision: abc123)`,
      '  build user:       ci@builder',
      '  build date:       20260101-12:00:00',
    ]);
  });

  it('an unknown flag is one line, exit 1, no stack trace', async () => {
    const r = await run(exporter.name, ['--no-such-flag']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^${exporter.name}: error: unknown option '--no-such-flag'`))]);
  });

  it('an unknown SCRAPEKIT_MEMORY is one line naming the fix, exit 1', async () => {
    const r = await run(exporter.name, ['--web.listen-address=127.0.0.1:0'], { SCRAPEKIT_MEMORY: 'tiny' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual(['SCRAPEKIT_MEMORY=tiny is not a memory profile; use SCRAPEKIT_MEMORY=low or leave it unset']);
  });

  it('applies the runtime settings its entry declares, and exits 0 on SIGTERM', async () => {
    const { settings, code } = await runtimeSettings(exporter.name, exporter.args);
    expect(settings).toEqual(exporter.runtime);
    expect(code).toBe(0);
  }, 30_000);

  it('SCRAPEKIT_MEMORY=low gives it the memory-first profile; heap flags given to node win over both', async () => {
    const low = await runtimeSettings(exporter.name, exporter.args, { SCRAPEKIT_MEMORY: 'low' });
    expect(low.settings).toMatchObject({ heap_tuning: 'applied', memory_profile: 'low', young_generation_cap_bytes: 4194304, heap_growing_percent: 30, old_generation_step_bytes: 2097152 });
    expect(String(low.settings.v8_flags)).toMatch(/--max-opt=1$/);
    const user = await runtimeSettings(exporter.name, exporter.args, { NODE_OPTIONS: '--max-semi-space-size=8' });
    expect(user.settings.heap_tuning).toBe('left to the heap flags given to node');
  }, 30_000);
});
