import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeWriteRequest } from '@scrapekit/exporter-kit';
import { startRecordingReceiver } from '../packages/exporter-kit/test/push/recording-receiver.js';
import { requireDependency, tcpReachable } from './support/services.js';

/**
 * Push mode is the kit's, so every exporter has it with no code of its own: each real bin runs
 * once with --push.once against a loopback remote_write receiver and must deliver its own series.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (pkg: string) => join(root, 'packages', pkg, 'bin', `${pkg}.js`);

interface Target {
  readonly pkg: string;
  readonly args: string[];
  /** A series only this exporter writes, which needs its target system to be up. */
  readonly expect: string;
  readonly servicePort?: number;
  readonly service?: string;
}

const TARGETS: Target[] = [
  { pkg: 'node-exporter', args: [], expect: 'node_memory_MemAvailable_bytes' },
  { pkg: 'mysql-exporter', args: ['--mysqld.address=127.0.0.1:3306', '--mysqld.username=root', '--config.my-cnf=/dev/null'],
    expect: 'mysql_global_status_uptime', servicePort: 3306, service: 'MariaDB on 127.0.0.1:3306' },
  { pkg: 'rabbitmq-exporter', args: ['--rabbitmq.url=http://127.0.0.1:15672', '--rabbitmq.user=guest', '--rabbitmq.password=guest'],
    expect: 'rabbitmq_identity_info', servicePort: 15672, service: 'RabbitMQ management API on 127.0.0.1:15672' },
];

function runOnce(pkg: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin(pkg), ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const kill = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(kill);
      resolve({ code, stderr });
    });
  });
}

describe('every exporter pushes with --push.once (remote_write to a loopback receiver)', () => {
  let receiver: Awaited<ReturnType<typeof startRecordingReceiver>>;
  beforeAll(async () => {
    receiver = await startRecordingReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
  });

  it.for(TARGETS)('$pkg', async (t, ctx) => {
    if (t.servicePort && !requireDependency(await tcpReachable(t.servicePort), t.service ?? '')) {
      ctx.skip(`${t.service} is not available; run scripts/prepare-services.sh`);
    }
    const before = receiver.requests.length;
    const r = await runOnce(t.pkg, [...t.args, `--push.remote-write-url=${receiver.url}/api/v1/write`, '--push.once', '--push.grouping=instance=e2e']);
    expect(r.code, r.stderr).toBe(0);
    const series = receiver.requests.slice(before).flatMap((req) => decodeWriteRequest(req.body));
    const names = new Set(series.map((s) => s.labels.find((l) => l.name === '__name__')?.value));
    expect(names).toContain(t.expect);
    expect(names).toContain('scrapekit_push_requests_total');
    const one = series.find((s) => s.labels.some((l) => l.value === t.expect));
    expect(one?.labels).toEqual(expect.arrayContaining([{ name: 'job', value: t.pkg }, { name: 'instance', value: 'e2e' }]));
  });
});
