import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Started } from './support/processes.js';
import { freePort, startProcess, waitForHttp } from './support/processes.js';
import { missingDependency, tcpReachable } from './support/services.js';
import bcrypt from 'bcryptjs';
import { makePki } from '../packages/exporter-kit/test/web-config-fixtures.js';
import type { FakeSeed } from '../packages/cloudwatch-exporter/test/fake-cloudwatch/model.js';
import { awsEnvironment, startFake } from '../packages/cloudwatch-exporter/test/support/harness.js';
import { ROWS } from '../monitoring/dashboards/scrapekit-overview.js';
import { startReplicationPair, type ReplicationPair } from '../packages/mysql-exporter/test/private-mariadb.js';
import { mgmt } from '../packages/rabbitmq-exporter/test/support/broker.js';

/**
 * A real Prometheus (Debian's package) scrapes every exporter as it would in production,
 * negotiating OpenMetrics, and must ingest each target with no scrape error.
 */
const PROMETHEUS = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (pkg: string) => join(root, 'packages', pkg, 'bin', `${pkg}.js`);
/** Our alerting rules (monitoring/rules), loaded as a user would load them. */
const RULES = join(root, 'monitoring', 'rules', 'scrapekit.rules.yml');

interface Target {
  readonly job: string;
  readonly pkg: string;
  readonly args: string[];
  /** A series that must be ingested for this job. */
  readonly expect: string;
  /** The exporter's environment, given the fake AWS endpoint. */
  readonly env?: (awsEndpoint: string) => Readonly<Record<string, string>>;
}

const TARGETS: Target[] = [
  { job: 'node', pkg: 'node-exporter', args: [], expect: 'node_memory_MemAvailable_bytes' },
  // The local MariaDB (root, empty password) and RabbitMQ (guest/guest) that prepare-services.sh starts.
  { job: 'mysql', pkg: 'mysql-exporter', args: ['--mysqld.address=127.0.0.1:3306', '--mysqld.username=root', '--config.my-cnf=/dev/null'], expect: 'mysql_global_status_uptime' },
  { job: 'rabbitmq', pkg: 'rabbitmq-exporter', args: ['--rabbitmq.url=http://127.0.0.1:15672', '--rabbitmq.user=guest', '--rabbitmq.password=guest'], expect: 'rabbitmq_identity_info' },
  // AWS cannot be reached from here: the real SDK talks to the package's fake CloudWatch instead.
  { job: 'cloudwatch', pkg: 'cloudwatch-exporter', args: [`--config.file=${cloudwatchConfig()}`, '--aws.max-attempts=1'], expect: 'aws_ec2_cpuutilization_average',
    env: (endpoint) => Object.fromEntries(Object.entries(awsEnvironment(endpoint)).filter((e): e is [string, string] => e[1] !== undefined)) },
];

/**
 * Three instances with a datapoint inside cloudwatch_exporter's default window (10 minutes, 10
 * minutes ago). The config sets set_timestamp: false, so an instant query finds the samples now
 * (with CloudWatch's timestamps they sit 11 minutes back, outside the 5-minute lookback).
 */
function awsSeed(): FakeSeed {
  const newest = Math.floor(Date.now() / 60_000) * 60 - 660;
  return {
    metrics: ['i-1', 'i-2', 'i-3'].map((id, i) => ({
      namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: [{ Name: 'InstanceId', Value: id }], points: [{ t: newest, value: 10 * (i + 1) }],
    })),
  };
}

function cloudwatchConfig(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'scrapekit-cw-')), 'config.yml');
  writeFileSync(file, 'region: eu-west-1\nset_timestamp: false\nmetrics:\n  - aws_namespace: AWS/EC2\n    aws_metric_name: CPUUtilization\n    aws_dimensions: [InstanceId]\n    aws_statistics: [Average]\n');
  return file;
}

const missing = missingDependency(existsSync(PROMETHEUS), 'Prometheus server (Debian package prometheus)');

/** How the exporters serve: plain HTTP, or TLS with basic auth from one web-config file (exporter-toolkit's format). */
interface Security {
  readonly webConfigFile: string;
  /** The scrape config's lines that match it: scheme, tls_config, basic_auth. */
  readonly scrapeSettings: string;
  /** Where the certificates were made. */
  readonly pkiDir: string;
  readonly caFile: string;
}

interface Stack {
  readonly promUrl: string;
  /** What it scrapes: TARGETS and the extra ones it was given. */
  readonly targets: readonly Target[];
  stop(): Promise<void>;
}

/** A second mysql exporter, for a replica (a private MariaDB replicating from another). */
function replicaTarget(pair: ReplicationPair): Target {
  return {
    job: 'mysql-replica', pkg: 'mysql-exporter', expect: 'mysql_slave_status_seconds_behind_master',
    args: [`--mysqld.address=127.0.0.1:${pair.replica.server.port}`, '--mysqld.username=root', '--config.my-cnf=/dev/null'],
  };
}

/** Every exporter, then a Prometheus that scrapes them at 1-2 s and evaluates our rules every second. */
async function startStack(security: Security | undefined, extra: readonly Target[] = []): Promise<Stack> {
  const targets = [...TARGETS, ...extra];
  const exporters: Started[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'scrapekit-prom-'));
  let prometheus: Started | undefined;
  const aws = await startFake(awsSeed());
  const stop = async (): Promise<void> => {
    await prometheus?.stop();
    await Promise.all(exporters.map((e) => e.stop()));
    await aws.fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const scrapeConfigs: string[] = [];
    for (const t of targets) {
      const port = await freePort();
      const web = security ? [`--web.config.file=${security.webConfigFile}`] : [];
      const e = startProcess(process.execPath, [bin(t.pkg), `--web.listen-address=127.0.0.1:${port}`, ...web, ...t.args], { ...process.env, ...t.env?.(aws.endpoint) });
      exporters.push(e);
      const listening = security ? waitForPort(port) : waitForHttp(`http://127.0.0.1:${port}/-/ready`);
      await listening.catch((err: Error) => {
        throw new Error(`${t.pkg} did not start: ${err.message}\n${e.output()}`);
      });
      scrapeConfigs.push(`  - job_name: ${t.job}\n    scrape_interval: 2s\n    scrape_timeout: 2s\n${security?.scrapeSettings ?? ''}    static_configs:\n      - targets: ['127.0.0.1:${port}']`);
    }
    writeFileSync(join(dataDir, 'prometheus.yml'),
      `global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nrule_files:\n  - ${RULES}\nscrape_configs:\n${scrapeConfigs.join('\n')}\n`);
    const port = await freePort();
    prometheus = startProcess(PROMETHEUS, [
      `--config.file=${join(dataDir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dataDir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ]);
    const started = prometheus;
    await waitForHttp(`http://127.0.0.1:${port}/-/ready`, 300).catch((err: Error) => {
      throw new Error(`prometheus did not start: ${err.message}\n${started.output()}`);
    });
    return { promUrl: `http://127.0.0.1:${port}`, targets, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await tcpReachable(port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listens on 127.0.0.1:${port}`);
}

/** A CA-signed server certificate for 127.0.0.1 (openssl, at test time) and a bcrypt-hashed user. */
function tlsAndBasicAuth(dir: string): Security {
  const pki = makePki();
  const password = 'e2e-scrape-password';
  const webConfigFile = join(dir, 'web-config.yml');
  writeFileSync(webConfigFile, [
    'tls_server_config:',
    `  cert_file: ${pki.serverCert}`,
    `  key_file: ${pki.serverKey}`,
    'basic_auth_users:',
    `  prometheus: ${bcrypt.hashSync(password, 4)}`,
    '',
  ].join('\n'));
  return {
    webConfigFile,
    pkiDir: pki.dir,
    caFile: pki.caCert,
    scrapeSettings: `    scheme: https\n    tls_config:\n      ca_file: ${pki.caCert}\n    basic_auth:\n      username: prometheus\n      password: ${password}\n`,
  };
}

interface TargetsResponse {
  data: { activeTargets: Array<{ labels: { job: string }; health: string; lastError: string }> };
}

async function query(promUrl: string, expr: string): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>> {
  const res = await fetch(`${promUrl}/api/v1/query?query=${encodeURIComponent(expr)}`);
  const body = (await res.json()) as { data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> } };
  return body.data.result;
}

/** The exporters that report whether their target answered. */
const TARGET_UP: Readonly<Record<string, string>> = { 'mysql-exporter': 'mysql_up', 'rabbitmq-exporter': 'rabbitmq_up' };

/** Every target up with no scrape error, its key series stored, and mysql_up/rabbitmq_up 1. */
async function expectEveryTargetIngested(stack: Stack): Promise<void> {
  const { promUrl } = stack;
  let targets: TargetsResponse['data']['activeTargets'] = [];
  for (let i = 0; i < 60; i++) {
    targets = ((await (await fetch(`${promUrl}/api/v1/targets`)).json()) as TargetsResponse).data.activeTargets;
    if (targets.length === stack.targets.length && targets.every((t) => t.health === 'up')) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  for (const t of stack.targets) {
    const target = targets.find((x) => x.labels.job === t.job);
    expect(target, `target ${t.job}`).toBeDefined();
    expect({ job: t.job, health: target!.health, lastError: target!.lastError }).toEqual({ job: t.job, health: 'up', lastError: '' });
    const series = await query(promUrl, `${t.expect}{job="${t.job}"}`);
    expect(series.length, `${t.expect} for job ${t.job}`).toBeGreaterThan(0);
    const upName = TARGET_UP[t.pkg];
    if (upName) {
      const up = await query(promUrl, `${upName}{job="${t.job}"}`);
      expect(up.map((r) => r.value[1]), `${upName} of ${t.job}`).toEqual(['1']);
    }
  }
}

/** A queue of this test with one ready message, so the queue panels do not depend on other suites' queues. */
const E2E_QUEUE = `scrapekit-e2e-${process.pid}`;

describe('a real Prometheus scrapes every exporter', () => {
  let stack: Stack | undefined;
  let replication: ReplicationPair | undefined;
  beforeAll(async () => {
    if (missing !== undefined) return;
    // The shared MariaDB replicates from nothing: a private pair gives the replication panels data.
    replication = await startReplicationPair();
    await mgmt('PUT', `/api/queues/%2F/${E2E_QUEUE}`, { durable: false, auto_delete: false });
    await mgmt('POST', '/api/exchanges/%2F/amq.default/publish', { properties: {}, routing_key: E2E_QUEUE, payload: 'e2e', payload_encoding: 'string' });
    stack = await startStack(undefined, [replicaTarget(replication)]);
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
    await replication?.stop();
    if (missing === undefined) await mgmt('DELETE', `/api/queues/%2F/${E2E_QUEUE}`);
  });
  beforeEach((ctx) => {
    if (missing !== undefined) ctx.skip(missing);
  });

  it('every target is up with no scrape error, and its key series is stored', async () => {
    await expectEveryTargetIngested(stack!);
  }, 60_000);

  it('loads our rule file: every rule evaluates against the live series with health ok', async () => {
    const promUrl = stack!.promUrl;
    interface Rule { name: string; type: string; health: string; lastError?: string; lastEvaluation: string; state?: string }
    let rules: Rule[] = [];
    for (let i = 0; i < 60; i++) {
      const body = (await (await fetch(`${promUrl}/api/v1/rules`)).json()) as { data: { groups: Array<{ file: string; rules: Rule[] }> } };
      rules = body.data.groups.filter((g) => g.file === RULES).flatMap((g) => g.rules);
      if (rules.length > 0 && rules.every((r) => !r.lastEvaluation.startsWith('0001-'))) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(rules.length).toBeGreaterThanOrEqual(14);
    expect(rules.filter((r) => r.health !== 'ok' || r.lastEvaluation.startsWith('0001-')).map((r) => `${r.name}: ${r.health} ${r.lastError ?? ''}`)).toEqual([]);
    // Every exporter is up and healthy here: no alert is pending or firing.
    expect(rules.filter((r) => r.type === 'alerting' && r.state !== 'inactive').map((r) => `${r.name}: ${r.state}`)).toEqual([]);
  }, 60_000);

  it('every panel query of the overview dashboard (monitoring/dashboards) returns data', async () => {
    await expectEveryTargetIngested(stack!);
    const results: string[] = [];
    for (const row of ROWS) {
      for (const panel of row.panels) {
        for (const q of panel.queries) {
          const expr = q.expr.replaceAll('$__rate_interval', '20s');
          let series = await query(stack!.promUrl, expr);
          for (let i = 0; i < 40 && series.length === 0; i++) {
            await new Promise((r) => setTimeout(r, 500));
            series = await query(stack!.promUrl, expr);
          }
          results.push(`${panel.title}: ${series.length > 0 ? 'data' : 'empty'}`);
        }
      }
    }
    const expected = ROWS.flatMap((r) => r.panels.flatMap((p) => p.queries.map(() => `${p.title}: data`)));
    expect(results).toEqual(expected);
  }, 120_000);
});


describe('a real Prometheus scrapes every exporter over TLS with basic auth (one web-config file)', () => {
  let stack: Stack | undefined;
  let dir = '';
  let security: Security | undefined;
  beforeAll(async () => {
    if (missing !== undefined) return;
    dir = mkdtempSync(join(tmpdir(), 'scrapekit-e2e-tls-'));
    security = tlsAndBasicAuth(dir);
    stack = await startStack(security);
  }, 90_000);
  afterAll(async () => {
    await stack?.stop();
    for (const d of [dir, security?.pkiDir]) if (d) rmSync(d, { recursive: true, force: true });
  });
  beforeEach((ctx) => {
    if (missing !== undefined) ctx.skip(missing);
  });

  it('every target is up through tls_config and basic_auth, and its key series is stored', async () => {
    await expectEveryTargetIngested(stack!);
  }, 60_000);

  it('each exporter refuses a scrape without the credentials (401), over the same TLS', async () => {
    const { data } = (await (await fetch(`${stack!.promUrl}/api/v1/targets`)).json()) as { data: { activeTargets: Array<{ scrapeUrl: string }> } };
    const ca = readFileSync(security!.caFile);
    const statuses = await Promise.all(data.activeTargets.map((t) => new Promise<number | undefined>((resolve, reject) => {
      httpsGet(t.scrapeUrl, { ca }, (res) => {
        res.resume();
        resolve(res.statusCode);
      }).on('error', reject);
    })));
    expect(statuses).toEqual(TARGETS.map(() => 401));
  });
});
