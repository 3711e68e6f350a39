#!/usr/bin/env node
// `npm run docker:build [-- <image>...]`: builds one image per exporter, and the demo stack's fake-aws,
// from docker/Dockerfile and tags each scrapekit/<image>:<version> and :latest. The git revision goes in as a build argument
// (the build context has no .git), so the image's *_build_info and its OCI labels name it.
// EXTRA_CA_CERTS=<PEM bundle> is handed to the build as the BuildKit secret "extra_ca", for npm
// behind a TLS-inspecting proxy; it is used during `npm ci` only and never stored in a layer.
// DOCKER=<client> picks the docker client; by default the first of `docker`, /usr/bin/docker that
// can build with BuildKit (the buildx plugin, or a pre-23 client with DOCKER_BUILDKIT=1 such as
// Debian's docker.io).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const EXPORTERS = ['node-exporter', 'mysql-exporter', 'rabbitmq-exporter', 'cloudwatch-exporter'];
/** The CloudWatch exporter's test fake of AWS, for docker/compose.yml; it has that exporter's version. */
export const FAKE_AWS = 'fake-aws';
export const IMAGES = [...EXPORTERS, FAKE_AWS];
const root = fileURLToPath(new URL('..', import.meta.url));

function git(...args) {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function succeeds(command, args) {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

/** A docker client and the argument list that makes it build with BuildKit. */
export function findBuildKitClient() {
  const candidates = process.env.DOCKER ? [process.env.DOCKER] : ['docker', '/usr/bin/docker'];
  for (const client of candidates) {
    if (succeeds(client, ['buildx', 'version'])) return { client, build: ['buildx', 'build', '--load'], env: {} };
    const version = spawnSync(client, ['version', '--format', '{{.Client.Version}}'], { encoding: 'utf8' });
    const major = Number.parseInt(version.stdout ?? '', 10);
    if (version.status === 0 && major > 0 && major < 23) return { client, build: ['build'], env: { DOCKER_BUILDKIT: '1' } };
  }
  throw new Error(`no docker client that builds with BuildKit among ${candidates.join(', ')}: install the buildx plugin or set DOCKER`);
}

export function imageVersion(image) {
  const pkg = image === FAKE_AWS ? 'cloudwatch-exporter' : image;
  return JSON.parse(readFileSync(`${root}/packages/${pkg}/package.json`, 'utf8')).version;
}

function main() {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((name) => !IMAGES.includes(name));
  if (unknown.length > 0) throw new Error(`unknown image ${unknown.join(', ')}; one of ${IMAGES.join(', ')}`);
  const images = requested.length > 0 ? requested : IMAGES;
  const extraCa = process.env.EXTRA_CA_CERTS;
  if (extraCa && !existsSync(extraCa)) throw new Error(`EXTRA_CA_CERTS=${extraCa}: no such file`);
  const { client, build, env } = findBuildKitClient();
  const revision = git('rev-parse', '--short=12', 'HEAD');
  const branch = git('rev-parse', '--abbrev-ref', 'HEAD');
  for (const image of images) {
    const version = imageVersion(image);
    const args = [
      ...build, '--file', 'docker/Dockerfile', '--target', image,
      '--build-arg', `EXPORTER=${image}`, '--build-arg', `VERSION=${version}`,
      '--build-arg', `REVISION=${revision}`, '--build-arg', `BRANCH=${branch}`,
      ...(extraCa ? ['--secret', `id=extra_ca,src=${extraCa}`] : []),
      '--tag', `scrapekit/${image}:${version}`, '--tag', `scrapekit/${image}:latest`, '.',
    ];
    process.stdout.write(`docker:build: scrapekit/${image}:${version} (revision ${revision})\n`);
    const result = spawnSync(client, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    if (result.status !== 0) throw new Error(`building scrapekit/${image} failed (exit ${result.status ?? result.signal})`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`docker:build: ${error.message}\n`);
    process.exit(1);
  }
}
