import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The README's example exporter, run as a real process on the built kit.
const EXAMPLE = fileURLToPath(new URL('../examples/dirsize-exporter.mjs', import.meta.url));
const KIT_DIST = fileURLToPath(new URL('../dist/index.js', import.meta.url));

interface Run { code: number | null; stdout: string; stderr: string }

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [EXAMPLE, ...args], { env: { PATH: process.env.PATH, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('close', (code) => { clearTimeout(kill); resolve({ code, stdout, stderr }); });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe('exporter process (examples/dirsize-exporter.mjs)', () => {
  it('runs on the built kit (npm test builds first; run `npm run build` before running this file alone)', () => {
    expect(existsSync(KIT_DIST)).toBe(true);
  });

  it.each([
    [['--no-such-flag'], /^dirsize-exporter: error: unknown option '--no-such-flag'/],
    [['--log.level=chatty'], /^dirsize-exporter: error: .*chatty/],
    [['--dirsize.path=/does/not/exist'], /^dirsize-exporter: error: --dirsize.path: \/does\/not\/exist is not a directory/],
    [['--web.listen-address=nonsense'], /^dirsize-exporter: error: --web.listen-address: invalid address "nonsense"/],
  ])('%s → one line, exit 1, no stack trace', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a web config file that does not exist is one line, exit 1', async () => {
    const r = await run(['--web.config.file=/nope/web.yml', '--web.listen-address=127.0.0.1:0']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/web.config.file/);
  });

  it('a port already in use is one line, exit 1', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as { port: number }).port;
    const r = await run([`--web.listen-address=127.0.0.1:${port}`]);
    blocker.close();
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/cannot listen on 127\.0\.0\.1:\d+: address already in use$/);
  });

  it('--help lists flags and env vars, exit 0; --version prints the version', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--web.listen-address');
    expect(help.stdout).toContain('DIRSIZE_EXPORTER_DIRSIZE_PATH');
    expect(help.stdout).toContain('--collector.files');
    const version = await run(['--version'], { SCRAPEKIT_REVISION: 'abc', SCRAPEKIT_BRANCH: 'main' });
    expect(version.code).toBe(0);
    // prometheus/common's version.Print layout; no build stamp beside the example, so unknown.
    expect(version.stdout).toBe([
      'dirsize-exporter, version 1.0.0 (branch: main, revision: abc)',
      '  build user:       unknown',
      '  build date:       unknown',
      `  nodejs version:   ${process.version}`,
      `  platform:         ${process.platform}/${process.arch === 'x64' ? 'amd64' : process.arch}`,
      '',
    ].join('\n'));
  });

  it('the launcher says how to build when the exporter is not built, one line, exit 1', async () => {
    const launch = new URL('../dist/launch.js', import.meta.url).href;
    const script = `import(${JSON.stringify(launch)}).then((m) => m.launch(new URL('file:///nonexistent/package/dist/main.js')))`;
    const r = await new Promise<Run>((resolve) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env: { PATH: process.env.PATH } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d));
      child.stderr.on('data', (d: Buffer) => (stderr += d));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('This package is not built yet: run `npm run build` at the repository root.\n');
  });

  it('serves, then exits 0 within 5 s of SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dirsize-'));
    writeFileSync(join(dir, 'a.txt'), 'hello');
    const port = await freePort();
    const child = spawn(process.execPath, [EXAMPLE, `--dirsize.path=${dir}`, `--web.listen-address=127.0.0.1:${port}`, '--log.format=json']);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const exited = new Promise<number | null>((r) => child.on('close', r));
    let body = '';
    for (let i = 0; i < 100 && !body; i++) {
      try {
        body = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    expect(body).toContain('dirsize_file_bytes{file="a.txt"} 5\n');
    const stopAt = Date.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - stopAt).toBeLessThan(5000);
    const first = JSON.parse(stderr.split('\n')[0]!) as Record<string, unknown>;
    expect(first.level).toBe('info');
  });
});
