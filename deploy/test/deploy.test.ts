import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { requireDependency } from '../../test/support/services.js';

/**
 * deploy/: the systemd unit passes `systemd-analyze verify` and keeps a low exposure score; every
 * Kubernetes manifest validates against the Kubernetes OpenAPI schemas vendored in the npm package
 * kubernetes-models (precompiled validators, no network), and says what its README promises.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const deployDir = join(root, 'deploy');
const unitFile = join(deployDir, 'systemd/scrapekit-node-exporter.service');
const haveSystemdAnalyze = spawnSync('systemd-analyze', ['--version'], { stdio: 'ignore' }).status === 0;

describe('systemd unit', () => {
  const available = requireDependency(haveSystemdAnalyze, 'systemd-analyze (Debian package systemd)');

  it.skipIf(!available)('passes systemd-analyze verify and scores OK (below 2.5) on systemd-analyze security', () => {
    // verify checks that ExecStart exists: point it at this checkout's launcher.
    const dir = mkdtempSync(join(tmpdir(), 'scrapekit-unit-'));
    try {
      const unit = join(dir, 'scrapekit-node-exporter.service');
      const text = readFileSync(unitFile, 'utf8');
      expect(text).toMatch(/^ExecStart=\/usr\/local\/bin\/node-exporter /m);
      writeFileSync(unit, text.replace(/^ExecStart=\/usr\/local\/bin\/node-exporter/m, `ExecStart=${join(root, 'packages/node-exporter/bin/node-exporter.js')}`));
      const verify = spawnSync('systemd-analyze', ['verify', unit], { encoding: 'utf8' });
      expect(verify.stderr).toBe('');
      expect(verify.status).toBe(0);
      const security = spawnSync('systemd-analyze', ['security', '--offline=true', unit], { encoding: 'utf8' });
      const score = /Overall exposure level for \S+: (\d+\.\d+)/.exec(security.stdout);
      expect(score, security.stdout + security.stderr).not.toBeNull();
      expect(Number(score![1])).toBeLessThan(2.5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps /proc, /sys and the mount table readable: no option that hides them', () => {
    const text = readFileSync(unitFile, 'utf8');
    expect(text).toMatch(/^ProtectSystem=strict$/m);
    expect(text).toMatch(/^ProtectHome=read-only$/m);
    expect(text).toMatch(/^ProcSubset=all$/m);
    expect(text).not.toMatch(/^ProtectProc=invisible$/m);
    expect(text).not.toMatch(/^(InaccessiblePaths|TemporaryFileSystem)=.*\/(proc|sys)\b/m);
    expect(text).not.toMatch(/^MemoryDenyWriteExecute=yes$/m); // V8's JIT would die
  });
});

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
}

const manifestFiles = readdirSync(join(deployDir, 'kubernetes')).filter((file) => file.endsWith('.yaml'));
const manifests: { file: string; manifest: Manifest }[] = manifestFiles.flatMap((file) =>
  parseAllDocuments(readFileSync(join(deployDir, 'kubernetes', file), 'utf8')).map((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map((e) => e.message).join('; ')}`);
    return { file, manifest: document.toJS() as Manifest };
  }));

/** kubernetes-models' module for an apiVersion and kind: core "v1" at the top, groups below. */
async function validateManifest(manifest: Manifest): Promise<void> {
  const modulePath = `kubernetes-models/${manifest.apiVersion}/${manifest.kind}`;
  const models = (await import(modulePath)) as Record<string, new (data: unknown) => { validate(): void }>;
  const Model = models[manifest.kind];
  if (!Model) throw new Error(`${modulePath} has no model ${manifest.kind}`);
  new Model(manifest).validate();
}

const version = (pkg: string): string =>
  (JSON.parse(readFileSync(join(root, 'packages', pkg, 'package.json'), 'utf8')) as { version: string }).version;

/** Every pod spec in a manifest (Deployment, DaemonSet, StatefulSet, CronJob). */
function podSpecs(manifest: Manifest): Record<string, any>[] {
  const spec = manifest.spec as any;
  if (!spec) return [];
  if (spec.jobTemplate) return [spec.jobTemplate.spec.template.spec];
  return spec.template ? [spec.template.spec] : [];
}

describe('Kubernetes manifests', () => {
  it('are there: a node-exporter DaemonSet, a MySQL sidecar, the CloudWatch Deployment and push CronJob', () => {
    const kinds = manifests.map(({ manifest }) => `${manifest.kind}/${manifest.metadata.name}`);
    expect(kinds).toEqual(expect.arrayContaining([
      'DaemonSet/scrapekit-node-exporter', 'StatefulSet/mariadb', 'Deployment/scrapekit-cloudwatch-exporter',
      'CronJob/scrapekit-cloudwatch-exporter-push', 'ServiceAccount/scrapekit-cloudwatch-exporter',
    ]));
  });

  it.each(manifests.map(({ file, manifest }) => [`${file}: ${manifest.kind}/${manifest.metadata.name}`, manifest] as const))(
    '%s validates against the Kubernetes schema', async (_name, manifest) => {
      await expect(validateManifest(manifest)).resolves.toBeUndefined();
    });

  it('the validator rejects a broken manifest (so the checks above can fail)', async () => {
    const daemonSet = manifests.find(({ manifest }) => manifest.kind === 'DaemonSet')!.manifest;
    const broken = structuredClone(daemonSet) as any;
    broken.spec.template.spec.containers[0].ports[0].containerPort = 'nine-one-hundred';
    await expect(validateManifest(broken)).rejects.toThrow(/containerPort must be integer/);
  });

  it('scrapekit containers run our released image versions, non-root by number, read-only, without capabilities', () => {
    const containers = manifests.flatMap(({ manifest }) => podSpecs(manifest).flatMap((pod) =>
      (pod.containers as any[]).map((container) => ({ pod, container }))))
      .filter(({ container }) => String(container.image).startsWith('scrapekit/'));
    expect(containers.length).toBeGreaterThanOrEqual(4);
    for (const { pod, container } of containers) {
      const exporter = /^scrapekit\/([a-z-]+):/.exec(container.image)![1];
      expect(container.image).toBe(`scrapekit/${exporter}:${version(exporter)}`);
      const security = { ...pod.securityContext, ...container.securityContext };
      expect(security).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
      expect(security.capabilities.drop).toEqual(['ALL']);
    }
  });

  it('the node-exporter DaemonSet watches the host: host PID and network, / read-only at /host, --path.rootfs=/host', () => {
    const daemonSet = manifests.find(({ manifest }) => manifest.kind === 'DaemonSet')!.manifest;
    const [pod] = podSpecs(daemonSet);
    expect(pod).toMatchObject({ hostPID: true, hostNetwork: true });
    const container = pod.containers[0];
    expect(container.args).toContain('--path.rootfs=/host');
    expect(container.volumeMounts).toContainEqual({ name: 'host-root', mountPath: '/host', readOnly: true, mountPropagation: 'HostToContainer' });
    expect(pod.volumes).toContainEqual({ name: 'host-root', hostPath: { path: '/' } });
  });

  it('the CloudWatch exporter gets AWS credentials from its service account role, the CronJob pushes once', () => {
    const account = manifests.find(({ manifest }) => manifest.kind === 'ServiceAccount')!.manifest;
    expect(account.metadata.annotations?.['eks.amazonaws.com/role-arn']).toMatch(/^arn:aws:iam::\d{12}:role\//);
    const workloads = manifests.filter(({ manifest }) => /cloudwatch/.test(manifest.metadata.name) && podSpecs(manifest).length > 0);
    for (const { manifest } of workloads) expect(podSpecs(manifest)[0].serviceAccountName).toBe(account.metadata.name);
    const cronJob = manifests.find(({ manifest }) => manifest.kind === 'CronJob')!.manifest;
    const args = podSpecs(cronJob)[0].containers[0].args as string[];
    expect(args).toContain('--push.once');
    expect(args.some((arg) => arg.startsWith('--push.remote-write-url=http'))).toBe(true);
  });

  it('the MySQL sidecar reads its password from a Secret, never from the manifest', () => {
    const statefulSet = manifests.find(({ manifest }) => manifest.kind === 'StatefulSet')!.manifest;
    const exporter = (podSpecs(statefulSet)[0].containers as any[]).find((c) => String(c.image).startsWith('scrapekit/mysql-exporter'));
    expect(exporter.args).toContain('--mysqld.address=127.0.0.1:3306');
    expect(exporter.env).toContainEqual({ name: 'MYSQLD_EXPORTER_PASSWORD', valueFrom: { secretKeyRef: { name: 'mariadb-exporter', key: 'password' } } });
    expect(JSON.stringify(statefulSet)).not.toMatch(/"value":\s*"[^"]*pass/i);
  });
});
