import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, createLogger, parseCommandLine, startExporter } from '@scrapekit/exporter-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { parseOptions } from '../src/config.js';
import { spec } from '../src/spec.js';
import { freePort } from '../../../test/support/processes.js';
import { AMQP, brokerAvailable, forwardToApi, MGMT } from './support/broker.js';
import { parseExposition, valueOf } from './support/exposition.js';

const available = await brokerAvailable();

/**
 * A switchable stand-in between the exporter and the management API: 'proxy' forwards to the
 * real API, 'down' answers 503, 'hang' accepts and never answers.
 */
async function flakyApi(): Promise<{ url: string; mode: (m: 'proxy' | 'down' | 'hang') => void; close(): Promise<void> }> {
  let mode: 'proxy' | 'down' | 'hang' = 'down';
  const server: Server = createServer((req, res) => {
    if (mode === 'hang') return;
    if (mode === 'down') return void res.writeHead(503).end('maintenance');
    forwardToApi(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    mode: (m) => (mode = m),
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.close();
});

async function start(args: string[], log?: string[]) {
  const exporter = await startExporter(spec, {
    argv: ['--web.listen-address=127.0.0.1:0', ...args],
    env: {},
    logger: createLogger({ level: 'debug', write: (l) => log?.push(l) }),
  });
  running.push(exporter);
  const url = `http://${exporter.addresses[0]}`;
  return async (headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}/metrics`, { headers });
    return { status: res.status, m: parseExposition(await res.text()) };
  };
}

/** Only the exporter's own series and rabbitmq_up may appear when the broker is unreachable. */
function brokerSeries(m: Map<string, unknown>): string[] {
  return [...m.keys()].filter((k) => k.startsWith('rabbitmq_') && !k.startsWith('rabbitmq_exporter_') && k !== 'rabbitmq_up');
}

describe('broker down, refused or slow', () => {
  it('answers 200 with rabbitmq_up 0 and nothing else when nothing listens', async () => {
    const scrape = await start([`--rabbitmq.url=http://127.0.0.1:${await freePort()}`]);
    const { status, m } = await scrape();
    expect(status).toBe(200);
    expect(valueOf(m, 'rabbitmq_up')).toBe(0);
    expect(brokerSeries(m)).toEqual([]);
  });

  it('answers rabbitmq_up 0 when the URL serves some other JSON', async () => {
    const other = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('null'));
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    running.push({ close: () => new Promise<void>((r) => other.close(() => r())) });
    const scrape = await start([`--rabbitmq.url=http://127.0.0.1:${(other.address() as AddressInfo).port}`]);
    const { status, m } = await scrape();
    expect(status).toBe(200);
    expect(valueOf(m, 'rabbitmq_up')).toBe(0);
    expect(brokerSeries(m)).toEqual([]);
  });

  it.skipIf(!available)('answers rabbitmq_up 0 on 401 and keeps the password out of logs', async () => {
    const log: string[] = [];
    const scrape = await start(['--rabbitmq.url=' + MGMT, '--rabbitmq.user=guest', '--rabbitmq.password=Wr0ng-S3cret'], log);
    const { status, m } = await scrape();
    expect(status).toBe(200);
    expect(valueOf(m, 'rabbitmq_up')).toBe(0);
    expect(brokerSeries(m)).toEqual([]);
    expect(log.join('\n')).toMatch(/HTTP 401/);
    expect(log.join('\n')).not.toContain('Wr0ng-S3cret');
  });

  it.skipIf(!available)('gives up at the scrape deadline, then recovers by itself when the API answers again', async () => {
    const api = await flakyApi();
    running.push(api);
    const scrape = await start([`--rabbitmq.url=${api.url}`]);
    api.mode('hang');
    const slow = await scrape({ 'X-Prometheus-Scrape-Timeout-Seconds': '1.5' });
    expect(slow.status).toBe(200);
    expect(valueOf(slow.m, 'rabbitmq_up')).toBe(0);
    api.mode('down');
    expect(valueOf((await scrape()).m, 'rabbitmq_up')).toBe(0);
    api.mode('proxy');
    const back = await scrape();
    expect(valueOf(back.m, 'rabbitmq_up')).toBe(1);
    expect(back.m.has('rabbitmq_identity_info')).toBe(true);
    expect(valueOf(back.m, 'rabbitmq_exporter_collector_success', { collector: 'queue' })).toBe(1);
  });

  it.skipIf(!available)('still runs the canary when only the management API is down', async () => {
    const scrape = await start([`--rabbitmq.url=http://127.0.0.1:${await freePort()}`, `--rabbitmq.amqp-url=${AMQP}`]);
    const { status, m } = await scrape();
    expect(status).toBe(200);
    expect(valueOf(m, 'rabbitmq_up')).toBe(0);
    expect(valueOf(m, 'rabbitmq_exporter_canary_success')).toBe(1);
    expect(brokerSeries(m)).toEqual([]);
  });

  it('reports the canary as failed, not the scrape, when AMQP is unreachable', async (ctx) => {
    if (!available) return ctx.skip();
    const scrape = await start([`--rabbitmq.amqp-url=amqp://guest:guest@127.0.0.1:${await freePort()}`, '--rabbitmq.canary-timeout=1s']);
    const { m } = await scrape();
    expect(valueOf(m, 'rabbitmq_up')).toBe(1);
    expect(valueOf(m, 'rabbitmq_exporter_canary_success')).toBe(0);
    expect(m.has('rabbitmq_exporter_canary_round_trip_seconds')).toBe(false);
  });
});

describe('probe targets', () => {
  it('refuses non-http targets and targets outside --probe.allowed-targets with up 0', async () => {
    const exporter = await startExporter(spec, {
      argv: ['--web.listen-address=127.0.0.1:0', '--probe.allowed-targets=http://127\\.0\\.0\\.1:15672/?'],
      env: {},
      logger: createLogger({ write: () => {} }),
    });
    running.push(exporter);
    for (const target of ['file:///etc/passwd', 'http://169.254.169.254/latest']) {
      const res = await fetch(`http://${exporter.addresses[0]}/probe?target=${encodeURIComponent(target)}`);
      expect(res.status).toBe(200);
      expect(valueOf(parseExposition(await res.text()), 'rabbitmq_up')).toBe(0);
    }
  });
});

describe('configuration errors', () => {
  const base = { 'rabbitmq.url': 'http://localhost:15672', 'rabbitmq.page-size': 500, 'rabbitmq.queue-metrics': 'full' };
  const cases: [Record<string, string | number | boolean>, RegExp][] = [
    [{ 'rabbitmq.url': 'localhost:15672' }, /--rabbitmq.url: scheme localhost: is not supported/],
    [{ 'rabbitmq.url': 'not a url' }, /--rabbitmq.url: "not a url" is not a URL/],
    [{ 'rabbitmq.include-queue': '([' }, /--rabbitmq.include-queue: invalid regular expression/],
    [{ 'rabbitmq.page-size': 501 }, /--rabbitmq.page-size: 501 is out of range; use 1 to 500/],
    [{ 'rabbitmq.tls.ca-file': '/nonexistent/ca.pem' }, /--rabbitmq.tls.ca-file: cannot read \/nonexistent\/ca.pem \(ENOENT\)/],
    [{ 'rabbitmq.amqp-url': 'http://x' }, /--rabbitmq.amqp-url: use an amqp:\/\/ or amqps:\/\/ URL/],
    [{ 'rabbitmq.canary-timeout': 'soon' }, /--rabbitmq.canary-timeout: invalid duration/],
    [{ 'rabbitmq.queue-metrics': 'some' }, /--rabbitmq.queue-metrics: "some" is not one of full, coarse/],
  ];
  it.each(cases)('rejects %j with one line naming the flag', (flags, message) => {
    let err: unknown;
    try {
      // As a user gives them: on the command line, parsed by the kit, then the exporter's checks.
      parseOptions(parseCommandLine(spec, Object.entries({ ...base, ...flags }).map(([k, v]) => `--${k}=${v}`), {}).flags);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain('\n');
  });

  it('accepts kbudde\'s RABBIT_URL / RABBIT_USER / RABBIT_PASSWORD and skip/include variables', async () => {
    const exporter = await startExporter(spec, {
      argv: ['--web.listen-address=127.0.0.1:0'],
      env: { RABBIT_URL: 'http://127.0.0.1:1', RABBIT_USER: 'mon', RABBIT_PASSWORD: 'Pa55-landing', SKIP_QUEUES: '^amq\\.gen-' },
      logger: createLogger({ write: () => {} }),
    });
    running.push(exporter);
    expect(exporter.flags['rabbitmq.url']).toBe('http://127.0.0.1:1');
    expect(exporter.flags['rabbitmq.user']).toBe('mon');
    expect(exporter.flags['rabbitmq.password']).toBe('Pa55-landing');
    expect((exporter.flags['rabbitmq.exclude-queue'] as RegExp).test('amq.gen-x1')).toBe(true);
    expect((exporter.flags['rabbitmq.exclude-queue'] as RegExp).test('amqXgen-x1')).toBe(false);
    const landing = await (await fetch(`http://${exporter.addresses[0]}/`)).text();
    expect(landing).not.toContain('Pa55-landing');
  });
});
