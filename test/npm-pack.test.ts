import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AWS_OFFLINE_ENV } from './support/aws-offline.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startProcess, waitForHttp } from './support/processes.js';

/**
 * What a user gets from npm: the tarballs `npm pack` makes (what `npm publish` would upload) hold
 * no tests, fixtures or orphan source maps, `npm publish --dry-run` has nothing to correct, and the
 * tarballs installed into an empty directory outside the monorepo run through npx and serve a scrape.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = ['exporter-kit', 'node-exporter', 'mysql-exporter', 'rabbitmq-exporter', 'cloudwatch-exporter'] as const;
const EXPORTERS = [
  { bin: 'node-exporter', buildInfo: 'node_exporter_build_info', args: [] },
  // A user is required to start; whether the server answers does not matter for this scrape.
  { bin: 'mysql-exporter', buildInfo: 'mysqld_exporter_build_info', args: ['--mysqld.username=exporter', '--config.my-cnf=/dev/null'] },
  { bin: 'rabbitmq-exporter', buildInfo: 'rabbitmq_exporter_build_info', args: [] },
  // The demo stack's minimal configuration: it starts and answers; AWS is only asked on a scrape.
  { bin: 'cloudwatch-exporter', buildInfo: 'cloudwatch_exporter_build_info', args: [`--config.file=${fileURLToPath(new URL('../docker/cloudwatch/config.yml', import.meta.url))}`, '--aws.max-attempts=1'] },
] as const;

interface PackResult {
  name: string;
  version: string;
  filename: string;
  files: { path: string }[];
}

/** The environment of a user's shell: none of the npm_* variables `npm test` passes down. */
const userEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_|^INIT_CWD$/i.test(name)));

function npm(args: readonly string[], cwd: string, timeoutMs = 300_000, command = 'npm'): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env: userEnv, timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stderr.slice(-4000)}`));
      else resolve({ stdout, stderr });
    });
  });
}

const warnings = (stderr: string): string[] => stderr.split('\n').filter((line) => /\bwarn/i.test(line));

let workDir = '';
let packed: PackResult[] = [];

beforeAll(async () => {
  const unbuilt = PACKAGES.filter((name) => !existsSync(join(root, 'packages', name, 'dist', name === 'exporter-kit' ? 'index.js' : 'main.js')));
  if (unbuilt.length > 0) throw new Error(`not built: ${unbuilt.join(', ')}; run \`npm run build\` first (npm test does)`);
  workDir = mkdtempSync(join(tmpdir(), 'scrapekit-npm-pack-'));
  const { stdout } = await npm(['pack', '--workspaces', '--json', '--pack-destination', workDir], root);
  packed = JSON.parse(stdout) as PackResult[];
}, 300_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('npm tarballs', () => {
  it.each(PACKAGES)('@scrapekit/%s: licence files, every file package.json names, no tests, fixtures, sources or source maps', (name) => {
    const tarball = packed.find((p) => p.name === `@scrapekit/${name}`);
    expect(tarball, `npm pack made no tarball for @scrapekit/${name}`).toBeDefined();
    const paths = tarball!.files.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'LICENSE', 'NOTICE', 'README.md']));
    // Everything package.json points at is in the tarball: main, types, exports, bin.
    const manifest = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8')) as Record<string, unknown>;
    const targets = JSON.stringify([manifest.main, manifest.types, manifest.exports, manifest.bin]).match(/"(\.\/)?(dist|bin)\/[^"]+"/g) ?? [];
    if (name !== 'exporter-kit') expect(targets).toContain(`"bin/${name}.js"`);
    for (const target of targets) expect(paths).toContain(target.replace(/^"(\.\/)?|"$/g, ''));
    const unwanted = paths.filter((path) =>
      /(^|\/)(test|tests|__tests__|fixtures?|src|\.turbo)\//.test(path) || /\.map$/.test(path) || (/\.ts$/.test(path) && !/\.d\.ts$/.test(path)));
    expect(unwanted).toEqual([]);
  });

  it('npm publish --dry-run has nothing to warn about or correct in any package', async () => {
    // A registry on a closed loopback port with a dummy token: nothing leaves the machine, and the
    // only warning left would be about the packages themselves.
    const registry = 'http://127.0.0.1:9/';
    const userconfig = join(workDir, 'publish.npmrc');
    writeFileSync(userconfig, `registry=${registry}\n//127.0.0.1:9/:_authToken=dry-run-only\n`);
    const { stdout, stderr } = await npm(['publish', '--dry-run', '--workspaces', '--access', 'public', '--fetch-retries=0', '--userconfig', userconfig], root);
    expect(warnings(stderr)).toEqual([]);
    for (const name of PACKAGES) expect(stdout).toContain(`@scrapekit/${name}@`);
  }, 300_000);

  describe('installed from the tarballs into an empty directory', () => {
    let project = '';
    beforeAll(async () => {
      project = join(workDir, 'project');
      // koffi's install script only re-checks the prebuilt binary that its platform package
      // (@koromix/koffi-linux-x64) already brings, and protobufjs's only checks its optional CLI's
      // version; npm 11 blocks dependency install scripts and lists them, so the project denies
      // both explicitly, as the README says.
      mkdirSync(project);
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scrapekit-user', private: true, allowScripts: { koffi: false, protobufjs: false } }, null, 2));
      const tarballs = packed.map((p) => join(workDir, p.filename));
      // --prefer-offline: the dependencies come from npm's cache when it has them (after `npm ci`).
      const { stderr } = await npm(['install', '--prefer-offline', '--no-audit', '--no-fund', ...tarballs], project, 600_000);
      expect(warnings(stderr)).toEqual([]);
      expect(existsSync(join(project, 'node_modules/@scrapekit/exporter-kit/package.json'))).toBe(true);
    }, 660_000);

    it.each(EXPORTERS)('npx $bin --version, then one scrape', async ({ bin, buildInfo, args }) => {
      const version = (JSON.parse(readFileSync(join(root, 'packages', bin, 'package.json'), 'utf8')) as { version: string }).version;
      // --yes=false: never fetch a package of that name from the registry; the bin is installed here.
      const { stdout } = await npm(['--yes=false', bin, '--version'], project, 60_000, 'npx');
      // prometheus/common's version.Print layout, as the Go exporters print it.
      expect(stdout.split('\n')[0]).toMatch(new RegExp(`^${bin}, version ${version.replace(/\./g, '\\.')} \\(branch: \\S+, revision: \\S+\\)$`));
      const port = await freePort();
      const exporter = startProcess(join(project, 'node_modules/.bin', bin), [`--web.listen-address=127.0.0.1:${port}`, ...args], { ...userEnv, ...AWS_OFFLINE_ENV });
      try {
        const metrics = await waitForHttp(`http://127.0.0.1:${port}/metrics`, 600, 100).catch((error: Error) => {
          throw new Error(`${bin}: ${error.message}\n${exporter.output()}`);
        });
        expect(metrics).toMatch(new RegExp(`^${buildInfo}\\{[^}]*version="${version.replace(/\./g, '\\.')}"`, 'm'));
      } finally {
        await exporter.stop();
      }
    }, 120_000);
  });
});
