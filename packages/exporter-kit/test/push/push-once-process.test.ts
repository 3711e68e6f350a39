import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './real-receivers.js';
import { closedPort, startRecordingReceiver } from './recording-receiver.js';

// The README's example exporter as a real process on the built kit (npm test builds first).
const EXAMPLE = fileURLToPath(new URL('../../examples/dirsize-exporter.mjs', import.meta.url));
const DIR = fileURLToPath(new URL('.', import.meta.url));

function run(args: string[]): Promise<{ code: number | null; errors: string[]; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [EXAMPLE, `--dirsize.path=${DIR}`, ...args], { env: { PATH: process.env.PATH }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code) => {
      clearTimeout(kill);
      resolve({ code, stderr, errors: stderr.split('\n').filter((l) => l.startsWith('dirsize-exporter: error:')) });
    });
  });
}

describe('--push.once exit codes (examples/dirsize-exporter.mjs)', () => {
  let ok: Awaited<ReturnType<typeof startRecordingReceiver>>;
  let rejecting: Awaited<ReturnType<typeof startRecordingReceiver>>;
  beforeAll(async () => {
    ok = await startRecordingReceiver(() => ({ status: 204 }));
    rejecting = await startRecordingReceiver(() => ({ status: 400, body: 'out of bounds\n' }));
  });
  afterAll(async () => {
    await ok?.close();
    await rejecting?.close();
  });

  it('0 when the push succeeded, nothing listening', async () => {
    const r = await run([`--push.remote-write-url=${ok.url}/api/v1/write`, '--push.once', '--web.listen-address=127.0.0.1:1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.errors).toEqual([]);
    expect(ok.requests.length).toBeGreaterThan(0);
  });

  it('1 with one line when the receiver is unreachable (after retrying until --push.give-up-after)', async () => {
    const r = await run([`--push.gateway-url=http://127.0.0.1:${await closedPort()}`, '--push.once', '--push.give-up-after=300ms']);
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^dirsize-exporter: error: push failed: pushgateway http:\/\/127\.0\.0\.1:\d+: connect ECONNREFUSED 127\.0\.0\.1:\d+ \(gave up after \d+ attempts\)$/);
  });

  it('1 with one line, at once, when the receiver answers 4xx', async () => {
    const r = await run([`--push.remote-write-url=${rejecting.url}/api/v1/write`, '--push.once']);
    expect(r.code).toBe(1);
    expect(rejecting.requests).toHaveLength(1);
    expect(r.errors).toEqual([expect.stringMatching(/^dirsize-exporter: error: push failed: remote_write http:\/\/127\.0\.0\.1:\d+: HTTP 400: out of bounds$/)]);
  });

  it.each([
    [['--push.remote-write-url=localhost:9090/api/v1/write', '--push.once'], /--push.remote-write-url: scheme localhost is not supported/],
    [['--push.gateway-url=http://gw:9091', '--push.bearer-token-file=/nope/token', '--push.once'], /--push.bearer-token-file: cannot read \/nope\/token: ENOENT/],
  ])('1 with one line at start-up for %s', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a long-running pusher deletes its Pushgateway group on SIGTERM (--push.delete-on-exit), then exits 0', async () => {
    const gw = await startRecordingReceiver((req) => ({ status: req.method === 'DELETE' ? 202 : 200 }));
    try {
      const child = spawn(process.execPath, [EXAMPLE, `--dirsize.path=${DIR}`, `--push.gateway-url=${gw.url}`, '--push.interval=1h',
        '--push.delete-on-exit', '--web.disable-listen', '--push.grouping=instance=sigterm'], { env: { PATH: process.env.PATH }, stdio: 'ignore' });
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      await eventually(async () => (gw.requests.some((r) => r.method === 'PUT') ? true : undefined), 'the first PUT');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(gw.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        'PUT /metrics/job/dirsize-exporter/instance/sigterm', 'DELETE /metrics/job/dirsize-exporter/instance/sigterm',
      ]);
    } finally {
      await gw.close();
    }
  });
});
