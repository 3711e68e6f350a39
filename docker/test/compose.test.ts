import { spawnSync } from 'node:child_process';
import { hostname, tmpdir } from 'node:os';
import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWS_OFFLINE_ENV } from '../../test/support/aws-offline.js';
import { freePort } from '../../test/support/processes.js';
import { requireDependency, tcpReachable } from '../../test/support/services.js';
import { buildImages, docker, engineAnswers, fetchWhenUp, labelValues, repoRoot, run, sampleValue, waitHealthy } from './docker.js';

/**
 * docker/compose.yml: `docker-compose config` accepts it with an env file and refuses it without
 * one (no default credentials); its services are pinned, bound to 127.0.0.1, health-checked and
 * locked down; and the four exporter services, run from the resolved file, turn healthy against
 * this host's MariaDB and RabbitMQ. Prometheus, Grafana, MariaDB and RabbitMQ are not started: their
 * images come from a registry, which this machine cannot reach.
 */
const haveCompose = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;
const available = requireDependency(haveCompose && engineAnswers(), 'docker-compose and a Docker engine');
const composeFile = join(repoRoot, 'docker/compose.yml');
const EXPORTER_SERVICES = ['node-exporter', 'mysql-exporter', 'rabbitmq-exporter', 'cloudwatch-exporter'];
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

function compose(args: readonly string[], envFile: string): ReturnType<typeof spawnSync> {
  return spawnSync('docker-compose', ['--project-name', project, '--env-file', envFile, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 300_000 });
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
      const generated = join(workDir, 'exporters.yml');
      compose(['-f', generated, 'down', '--volumes', '--remove-orphans'], join(workDir, 'test.env'));
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
    expect(Object.keys(resolved.services).sort()).toEqual([...EXPORTER_SERVICES, ...THIRD_PARTY_SERVICES].sort());
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

  it('runs the four exporter services against this host\'s MariaDB and RabbitMQ: all turn healthy', async (ctx) => {
    const hostServices = requireDependency(await tcpReachable(3306) && await tcpReachable(15672), 'MariaDB on 127.0.0.1:3306 and RabbitMQ on 127.0.0.1:15672');
    if (!hostServices) return ctx.skip();
    const images = await Promise.all(EXPORTER_SERVICES.map((name) => docker('image', 'inspect', resolved.services[name].image).then(() => true, () => false)));
    // The image test builds them; build here too when this file runs first (BuildKit's cache makes it cheap after).
    if (images.includes(false)) await buildImages(process.env.EXTRA_CA_CERTS);
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
    for (const name of EXPORTER_SERVICES) {
      const service = structuredClone(resolved.services[name]);
      delete service.depends_on;
      const port = await freePort();
      urls[name] = `http://127.0.0.1:${port}/metrics`;
      if (name === 'cloudwatch-exporter') {
        service.ports = [`127.0.0.1:${port}:9106`];
        service.environment = { ...service.environment, ...AWS_OFFLINE_ENV };
        // A copy any user can read: the container runs as 1000, and a clone may sit under a private home.
        const readable = join(workDir, 'cloudwatch-config.yml');
        copyFileSync(join(repoRoot, 'docker', 'cloudwatch', 'config.yml'), readable);
        chmodSync(workDir, 0o755);
        chmodSync(readable, 0o644);
        service.volumes = [`${readable}:/config/config.yml:ro`];
      } else {
        delete service.ports;
        service.network_mode = 'host';
        service.environment = { ...service.environment, SCRAPEKIT_HEALTH_URL: `http://127.0.0.1:${port}/-/healthy` };
        const listen = `--web.listen-address=127.0.0.1:${port}`;
        service.command = [...(service.command ?? []).filter((arg) => !arg.startsWith('--web.listen-address=')), listen];
      }
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
    for (const name of EXPORTER_SERVICES) await waitHealthy(`${project}_${name}_1`);
    expect(sampleValue(await fetchWhenUp(urls['mysql-exporter']), 'mysql_up')).toBe(1);
    expect(sampleValue(await fetchWhenUp(urls['rabbitmq-exporter']), 'rabbitmq_up')).toBe(1);
    expect(labelValues(await fetchWhenUp(urls['node-exporter']), 'node_uname_info', 'nodename')).toEqual(new Set([hostname()]));
    expect(sampleValue(await fetchWhenUp(urls['cloudwatch-exporter']), 'cloudwatch_exporter_build_info')).toBe(1);
  }, 50 * 60_000);
});
