import { spawnSync } from 'node:child_process';
import { hostname, tmpdir } from 'node:os';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INSTANCES, demoCpuUtilization } from '../../packages/cloudwatch-exporter/test/fake-cloudwatch/demo-seed.js';
import { samplesNamed } from '../../packages/cloudwatch-exporter/test/support/harness.js';
import { freePort } from '../../test/support/processes.js';
import { requireDependency, tcpReachable } from '../../test/support/services.js';
import { FAKE_AWS_IMAGE, buildImages, docker, engineAnswers, fetchWhenUp, labelValues, readableCopy, repoRoot, run, sampleValue, waitHealthy } from './docker.js';

/**
 * docker/compose.yml: `docker-compose config` accepts it with an env file and refuses it without
 * one (no default credentials); its services are pinned, bound to 127.0.0.1, health-checked and
 * locked down; the node, MySQL and RabbitMQ exporter services, run from the resolved file, turn
 * healthy against this host's MariaDB and RabbitMQ; and the CloudWatch exporter service scrapes the
 * fake-aws service's demo data without error. Prometheus, Grafana, MariaDB and RabbitMQ are not
 * started: their images come from a registry, which this machine cannot reach.
 */
const haveCompose = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;
const available = requireDependency(haveCompose && engineAnswers(), 'docker-compose and a Docker engine');
const composeFile = join(repoRoot, 'docker/compose.yml');
const EXPORTER_SERVICES = ['node-exporter', 'mysql-exporter', 'rabbitmq-exporter', 'cloudwatch-exporter'];
/** The exporter services that watch this host and its servers; the CloudWatch exporter has a test of its own. */
const HOST_EXPORTER_SERVICES = ['node-exporter', 'mysql-exporter', 'rabbitmq-exporter'];
const FAKE_AWS_SERVICE = 'fake-aws';
const THIRD_PARTY_SERVICES = ['prometheus', 'grafana', 'mariadb', 'rabbitmq'];
const credentials = {
  GRAFANA_ADMIN_PASSWORD: 'grafana-test-password', MARIADB_ROOT_PASSWORD: 'mariadb-test-password',
  MYSQLD_EXPORTER_PASSWORD: 'exporter-test-password', RABBITMQ_USER: 'scrapekit', RABBITMQ_PASSWORD: 'rabbitmq-test-password',
};
const project = `scrapekit-compose-test-${process.pid}`;

interface Service {
  image: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  restart?: string;
  read_only?: boolean;
  cap_drop?: string[];
  network_mode?: string;
  pid?: string;
  volumes?: string[];
}
let workDir = '';
let resolved: { services: Record<string, Service> } = { services: {} };
/** The compose files the tests generate from the resolved one, each run as a part of the stack. */
const GENERATED_FILES = ['exporters.yml', 'cloudwatch.yml'];

function compose(args: readonly string[], envFile: string): ReturnType<typeof spawnSync> {
  return spawnSync('docker-compose', ['--project-name', project, '--env-file', envFile, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 300_000 });
}

/** Builds the scrapekit images when one of them is missing (the image test builds them; BuildKit's cache makes it cheap after). */
async function ensureImages(images: readonly string[]): Promise<void> {
  const present = await Promise.all(images.map((image) => docker('image', 'inspect', image).then(() => true, () => false)));
  if (present.includes(false)) await buildImages(process.env.EXTRA_CA_CERTS);
}


describe.skipIf(!available)('docker/compose.yml', () => {
  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), 'scrapekit-compose-'));
    writeFileSync(join(workDir, 'empty.env'), '');
    writeFileSync(join(workDir, 'test.env'), Object.entries(credentials).map(([name, value]) => `${name}=${value}\n`).join(''));
    const config = compose(['-f', composeFile, 'config'], join(workDir, 'test.env'));
    if (config.status !== 0) throw new Error(`docker-compose config failed: ${config.stderr}`);
    resolved = parse(String(config.stdout)) as typeof resolved;
  });

  afterAll(async () => {
    try {
      for (const file of GENERATED_FILES.map((name) => join(workDir, name)).filter((path) => existsSync(path))) {
        compose(['-f', file, 'down', '--volumes', '--remove-orphans'], join(workDir, 'test.env'));
      }
      const left = await docker('ps', '--all', '--quiet', '--filter', `label=com.docker.compose.project=${project}`);
      expect(left.trim()).toBe('');
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  }, 300_000);

  it('has no default credentials: without an env file docker-compose config names what to set', () => {
    const config = compose(['-f', composeFile, 'config'], join(workDir, 'empty.env'));
    expect(config.status).not.toBe(0);
    expect(String(config.stderr)).toMatch(/set \w+_(PASSWORD|USER) in docker\/\.env/);
  });

  it('pins every image, binds every published port to 127.0.0.1, restarts, health-checks, waits for health', () => {
    expect(Object.keys(resolved.services).sort()).toEqual([...EXPORTER_SERVICES, FAKE_AWS_SERVICE, ...THIRD_PARTY_SERVICES].sort());
    for (const [name, service] of Object.entries(resolved.services)) {
      expect(service.image, name).toMatch(/^[\w./-]+:v?\d+\.\d+\.\d+[\w.-]*$/);
      for (const port of service.ports ?? []) expect(port, name).toMatch(/^127\.0\.0\.1:/);
      expect(service.restart, name).toBe('unless-stopped');
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) expect(`${dependency}: ${condition}`).toBe(`${dependency}: service_healthy`);
      // The scrapekit images bring their own HEALTHCHECK; the others get one here.
      if (THIRD_PARTY_SERVICES.includes(name)) expect(service.healthcheck?.test.length, name).toBeGreaterThan(1);
    }
    for (const name of EXPORTER_SERVICES) {
      expect(resolved.services[name]).toMatchObject({ read_only: true, cap_drop: ['ALL'] });
      expect(resolved.services[name].image).toMatch(new RegExp(`^scrapekit/${name}:`));
    }
    expect(resolved.services['node-exporter']).toMatchObject({ pid: 'host', network_mode: 'host' });
    expect(resolved.services['node-exporter'].volumes?.some((volume) => /^\/:\/host:ro/.test(volume))).toBe(true);
    expect(resolved.services['node-exporter'].command).toContain('--path.rootfs=/host');
    expect(resolved.services.grafana.environment?.GF_SECURITY_ADMIN_PASSWORD).toBe(credentials.GRAFANA_ADMIN_PASSWORD);
  });

  it('runs the CloudWatch exporter against the fake-aws service: unpublished, locked down, healthy first, same fake keys', () => {
    const fake = resolved.services[FAKE_AWS_SERVICE];
    expect(fake).toMatchObject({ image: FAKE_AWS_IMAGE, read_only: true, cap_drop: ['ALL'] });
    expect(fake.ports).toBeUndefined();
    const exporter = resolved.services['cloudwatch-exporter'];
    expect(exporter.depends_on).toEqual({ [FAKE_AWS_SERVICE]: { condition: 'service_healthy' } });
    expect(exporter.environment).toMatchObject({ AWS_ENDPOINT_URL: `http://${FAKE_AWS_SERVICE}:4566`, AWS_REGION: 'eu-west-1' });
    // The one key id the fake accepts, and plainly not a real one.
    expect(exporter.environment?.AWS_ACCESS_KEY_ID).toBe(fake.environment?.AWS_ACCESS_KEY_ID);
    expect(exporter.environment?.AWS_ACCESS_KEY_ID).toMatch(/^FAKE/);
  });

  it('runs the node, MySQL and RabbitMQ exporter services against this host\'s MariaDB and RabbitMQ: all turn healthy', async (ctx) => {
    const hostServices = requireDependency(await tcpReachable(3306) && await tcpReachable(15672), 'MariaDB on 127.0.0.1:3306 and RabbitMQ on 127.0.0.1:15672');
    if (!hostServices) return ctx.skip();
    await ensureImages(HOST_EXPORTER_SERVICES.map((name) => resolved.services[name].image));
    const notStarted = await Promise.all(THIRD_PARTY_SERVICES.map(async (name) => {
      const image = resolved.services[name].image;
      const present = await docker('image', 'inspect', image).then(() => true, () => false);
      return `${name} (${image}): ${present ? 'image present, but this host already runs the service it would stand for' : 'image not on this machine and no registry reachable'}`;
    }));
    console.info(`compose services not started:\n  ${notStarted.join('\n  ')}`);

    // The exporter services as compose resolved them, changed only where this host differs from
    // the stack: the servers are the host's, on loopback (so host network), and the exporters listen on
    // free ports, since other programs on this machine may hold the usual ones.
    const services: Record<string, Service> = {};
    const urls: Record<string, string> = {};
    for (const name of HOST_EXPORTER_SERVICES) {
      const service = structuredClone(resolved.services[name]);
      delete service.depends_on;
      delete service.ports;
      const port = await freePort();
      urls[name] = `http://127.0.0.1:${port}/metrics`;
      service.network_mode = 'host';
      service.environment = { ...service.environment, SCRAPEKIT_HEALTH_URL: `http://127.0.0.1:${port}/-/healthy` };
      const listen = `--web.listen-address=127.0.0.1:${port}`;
      service.command = [...(service.command ?? []).filter((arg) => !arg.startsWith('--web.listen-address=')), listen];
      services[name] = service;
    }
    // The host's MariaDB: root over TCP without a password; its RabbitMQ: guest, loopback only.
    services['mysql-exporter'].command = ['--mysqld.address=127.0.0.1:3306', '--mysqld.username=root', '--config.my-cnf=/dev/null', ...services['mysql-exporter'].command!.filter((arg) => arg.startsWith('--web.'))];
    services['mysql-exporter'].environment = { ...services['mysql-exporter'].environment, MYSQLD_EXPORTER_PASSWORD: '' };
    services['rabbitmq-exporter'].command = ['--rabbitmq.url=http://127.0.0.1:15672', ...services['rabbitmq-exporter'].command!.filter((arg) => arg.startsWith('--web.'))];
    services['rabbitmq-exporter'].environment = { ...services['rabbitmq-exporter'].environment, RABBIT_USER: 'guest', RABBIT_PASSWORD: 'guest' };
    const generated = join(workDir, 'exporters.yml');
    writeFileSync(generated, stringify({ services }));

    const up = compose(['-f', generated, 'up', '--detach'], join(workDir, 'test.env'));
    expect(up.status, String(up.stderr)).toBe(0);
    for (const name of HOST_EXPORTER_SERVICES) await waitHealthy(`${project}_${name}_1`);
    expect(sampleValue(await fetchWhenUp(urls['mysql-exporter']), 'mysql_up')).toBe(1);
    expect(sampleValue(await fetchWhenUp(urls['rabbitmq-exporter']), 'rabbitmq_up')).toBe(1);
    expect(labelValues(await fetchWhenUp(urls['node-exporter']), 'node_uname_info', 'nodename')).toEqual(new Set([hostname()]));
  }, 50 * 60_000);

  it('runs the CloudWatch exporter service against the fake-aws service: no scrape error, the demo instances\' seeded CPU', async () => {
    await ensureImages([resolved.services['cloudwatch-exporter'].image, resolved.services[FAKE_AWS_SERVICE].image]);
    // Both services as compose resolved them, on the stack's own network (the exporter finds the fake
    // by its service name); only the exporter's published port is a free one.
    const exporter = structuredClone(resolved.services['cloudwatch-exporter']);
    const port = await freePort();
    exporter.ports = [`127.0.0.1:${port}:9106`];
    exporter.volumes = [`${readableCopy(join(repoRoot, 'docker', 'cloudwatch', 'config.yml'), workDir, 'cloudwatch-config.yml')}:/config/config.yml:ro`];
    const generated = join(workDir, 'cloudwatch.yml');
    writeFileSync(generated, stringify({ services: { [FAKE_AWS_SERVICE]: resolved.services[FAKE_AWS_SERVICE], 'cloudwatch-exporter': exporter } }));

    const up = compose(['-f', generated, 'up', '--detach'], join(workDir, 'test.env'));
    expect(up.status, String(up.stderr)).toBe(0);
    for (const name of [FAKE_AWS_SERVICE, 'cloudwatch-exporter']) await waitHealthy(`${project}_${name}_1`);
    const metrics = await fetchWhenUp(`http://127.0.0.1:${port}/metrics`);
    expect(sampleValue(metrics, 'cloudwatch_exporter_scrape_error')).toBe(0);
    // The newest datapoint of cloudwatch_exporter's window, stamped with CloudWatch's time: the value the fake seeded for that minute.
    const cpu = samplesNamed(metrics, 'aws_ec2_cpuutilization_average');
    expect(cpu.map((sample) => sample.labels.instance_id).sort()).toEqual(DEMO_INSTANCES.map((instance) => instance.id).sort());
    for (const sample of cpu) {
      const instance = DEMO_INSTANCES.find((candidate) => candidate.id === sample.labels.instance_id)!;
      expect(sample.timestampMs, sample.labels.instance_id).toBeDefined();
      expect(sample.value, sample.labels.instance_id).toBe(demoCpuUtilization(instance, sample.timestampMs! / 1000));
    }
  }, 50 * 60_000);
});
