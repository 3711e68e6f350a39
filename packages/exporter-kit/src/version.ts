import { readFileSync } from 'node:fs';

/** What `--version` prints and `<ns>_exporter_build_info` carries. */
export interface BuildInfo {
  readonly version: string;
  readonly revision: string;
  readonly branch: string;
  /** user@host that built it, as promu stamps Go builds. */
  readonly buildUser: string;
  /** Build time as promu writes it: 20060102-15:04:05 (UTC). */
  readonly buildDate: string;
}

interface BuildStamp {
  revision?: string;
  branch?: string;
  buildUser?: string;
  buildDate?: string;
}

/**
 * Version from the exporter's package.json (through its spec); the rest from SCRAPEKIT_REVISION,
 * SCRAPEKIT_BRANCH, SCRAPEKIT_BUILD_USER, SCRAPEKIT_BUILD_DATE or the build-stamp file that
 * scripts/stamp-build.mjs writes next to dist, 'unknown' otherwise (a development tree).
 */
export function readBuildInfo(version: string, stampFile?: URL, env: NodeJS.ProcessEnv = process.env): BuildInfo {
  let stamp: BuildStamp = {};
  if (stampFile) {
    try {
      stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as BuildStamp;
    } catch {
      // no stamp: a development tree
    }
  }
  const pick = (fromEnv: string | undefined, fromStamp: string | undefined): string => fromEnv || fromStamp || 'unknown';
  return {
    version,
    revision: pick(env.SCRAPEKIT_REVISION, stamp.revision),
    branch: pick(env.SCRAPEKIT_BRANCH, stamp.branch),
    buildUser: pick(env.SCRAPEKIT_BUILD_USER, stamp.buildUser),
    buildDate: pick(env.SCRAPEKIT_BUILD_DATE, stamp.buildDate),
  };
}

/** Node's architecture names where Go's differ (GOARCH), so `platform` reads as the Go exporters' does. */
const GO_ARCH: Readonly<Record<string, string>> = { x64: 'amd64', ia32: '386', ppc64: 'ppc64le' };

/** e.g. linux/amd64. */
export function platformName(platform: string = process.platform, arch: string = process.arch): string {
  return `${platform}/${GO_ARCH[arch] ?? arch}`;
}

/**
 * The Go exporters' `--version` text (prometheus/common's version.Print): a headline, then
 * indented fields with values aligned; the Go version line becomes the Node.js version.
 */
export function formatVersion(program: string, info: BuildInfo, nodeVersion = process.version, platform = platformName()): string {
  const field = (label: string, value: string): string => `  ${`${label}:`.padEnd(18)}${value}`;
  return [
    `${program}, version ${info.version} (branch: ${info.branch}, revision: ${info.revision})`,
    field('build user', info.buildUser),
    field('build date', info.buildDate),
    field('nodejs version', nodeVersion),
    field('platform', platform),
  ].join('\n') + '\n';
}
