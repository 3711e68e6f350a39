/**
 * Starting the two node exporters the integration tests compare: ours in-process (the current
 * TypeScript source through the kit's startExporter, so no stale build can hide a change) and
 * Debian's Go node_exporter as a process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, startExporter } from '@scrapekit/exporter-kit';
import { freePort, startProcess, waitForHttp } from '../../../../test/support/processes.js';
import { nodeCollectors } from '../../src/collectors/index.js';
import { spec } from '../../src/spec.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));

/** The --path.* flags that point an exporter at our fixture tree instead of the host. */
export const FIXTURE_PATH_FLAGS: readonly string[] = [
  `--path.procfs=${join(FIXTURES, 'proc')}`,
  `--path.sysfs=${join(FIXTURES, 'sys')}`,
  `--path.rootfs=${FIXTURES}`,
  `--path.udev.data=${join(FIXTURES, 'udev', 'data')}`,
];
export const GO_NODE_EXPORTER = process.env.NODE_EXPORTER_ORACLE ?? '/usr/bin/prometheus-node-exporter';

/** The text format both exporters speak; no protobuf, no OpenMetrics, so outputs compare line by line. */
const TEXT_ACCEPT = 'text/plain;version=0.0.4';

export interface RunningNodeExporter {
  readonly url: string;
  /** Everything the exporter logged so far, for failure messages. */
  logs(): string;
  stop(): Promise<void>;
}

/** Our exporter on a free port on 127.0.0.1, with `args` as its command line; logs are kept, not printed. */
export async function startOurs(args: readonly string[]): Promise<RunningNodeExporter> {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => lines.push(line) });
  const running = await startExporter(spec, { argv: ['--web.listen-address=127.0.0.1:0', ...args], env: {}, logger });
  return {
    url: `http://${running.addresses[0]}/metrics`,
    logs: () => lines.join('\n'),
    stop: () => running.close(),
  };
}

/** The node_exporter release every oracle comparison in this package is written against. */
export const ORACLE_VERSION = '1.5.0';

/** The oracle binary's version, from its `--version` banner ("node_exporter, version 1.5.0 (...)"). */
export function goNodeExporterVersion(): string | undefined {
  const banner = spawnSync(GO_NODE_EXPORTER, ['--version'], { encoding: 'utf8' });
  return /^node_exporter, version (\S+)/m.exec(`${banner.stdout}${banner.stderr}`)?.[1];
}

export function haveGoNodeExporter(): boolean {
  return existsSync(GO_NODE_EXPORTER);
}

/** Debian's node_exporter on a free port on 127.0.0.1. */
export async function startGo(args: readonly string[]): Promise<RunningNodeExporter> {
  const port = await freePort();
  const proc = startProcess(GO_NODE_EXPORTER, [`--web.listen-address=127.0.0.1:${port}`, ...args]);
  const url = `http://127.0.0.1:${port}/metrics`;
  try {
    await waitForHttp(url);
  } catch (err) {
    await proc.stop();
    throw new Error(`${GO_NODE_EXPORTER} did not start: ${(err as Error).message}\n${proc.output()}`);
  }
  return { url, logs: proc.output, stop: proc.stop };
}

/** One scrape in the classic text format; anything but 200 is an error carrying the body. */
export async function scrapeText(url: string): Promise<string> {
  const res = await fetch(url, { headers: { Accept: TEXT_ACCEPT } });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}: ${body.slice(0, 500)}`);
  return body;
}

/** Every collector our exporter registers, with whether it is on by default. */
export function ourCollectors(): Map<string, boolean> {
  return new Map(nodeCollectors.map((c) => [c.name, c.defaultEnabled]));
}

/** The collectors a node_exporter binary registers, read from its --help (`Enable the X collector (default: ...)`). */
export function goCollectors(): Map<string, boolean> {
  const r = spawnSync(GO_NODE_EXPORTER, ['--help'], { encoding: 'utf8' });
  const help = `${r.stdout}${r.stderr}`.replace(/\s+/g, ' ');
  const out = new Map<string, boolean>();
  for (const m of help.matchAll(/--collector\.([a-z0-9_]+) Enable the ([a-z0-9_]+) collector \(default: (enabled|disabled)\)/g)) {
    if (m[1] === m[2]) out.set(m[1]!, m[3] === 'enabled');
  }
  if (out.size === 0) throw new Error(`could not read the collector list from ${GO_NODE_EXPORTER} --help`);
  return out;
}

/** The flags that run exactly `collectors` (node_exporter semantics: disable-defaults, then enable each). */
export function collectorFlags(collectors: Iterable<string>): string[] {
  return ['--collector.disable-defaults', ...[...collectors].map((c) => `--collector.${c}`)];
}
