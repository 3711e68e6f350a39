import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

// The bin users run (npx, systemd units, the Dockerfile): heap/malloc settings, then the exporter.
const BIN = fileURLToPath(new URL('../bin/node-exporter.js', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function start(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, ...env } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, exited, stderr: () => stderr };
}

describe('node-exporter launcher', () => {
  it('an unknown SCRAPEKIT_MEMORY is one line naming the fix, exit 1, no stack trace', async () => {
    const p = start(['--web.listen-address=127.0.0.1:0'], { SCRAPEKIT_MEMORY: 'tiny' });
    const kill = setTimeout(() => p.child.kill('SIGKILL'), 15_000);
    const code = await p.exited;
    clearTimeout(kill);
    expect(code).toBe(1);
    expect(p.stderr().trim().split('\n')).toEqual(['SCRAPEKIT_MEMORY=tiny is not a memory profile; use SCRAPEKIT_MEMORY=low or leave it unset']);
  });

  it('SCRAPEKIT_MEMORY=low starts and serves the metrics', async () => {
    const port = await freePort();
    const p = start([`--web.listen-address=127.0.0.1:${port}`, '--collector.disable-defaults', '--collector.loadavg'], { SCRAPEKIT_MEMORY: 'low' });
    try {
      let body = '';
      for (let i = 0; i < 100 && !body; i++) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/metrics`);
          if (res.status === 200) body = await res.text();
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      expect(body).toMatch(/^node_load1 \d/m);
      expect(body).toMatch(/^node_scrape_collector_success\{collector="loadavg"\} 1$/m);
    } finally {
      p.child.kill('SIGTERM');
      await p.exited;
    }
    expect(p.stderr()).not.toMatch(/\n\s+at /);
  }, 20_000);
});
