import { mkdtempSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, startExporter, type RunningExporter } from '@scrapekit/exporter-kit';
import { spec } from '../../src/spec.js';
import { FakeAws } from '../fake-cloudwatch/server.js';
import type { FakeSeed } from '../fake-cloudwatch/model.js';

/** Static fake credentials the fake accepts; the SDK finds them through its default chain (environment). */
export const TEST_ACCESS_KEY_ID = 'AKIAFAKETESTKEY00001';
export const TEST_SECRET_ACCESS_KEY = 'fake-secret-access-key-for-tests';

/** The AWS environment of a test: the real SDK pointed at the fake, nothing reaching real AWS or IMDS. */
export function awsEnvironment(endpoint: string, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: TEST_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: TEST_SECRET_ACCESS_KEY,
    AWS_SESSION_TOKEN: undefined,
    AWS_REGION: 'eu-west-1',
    AWS_PROFILE: undefined,
    AWS_EC2_METADATA_DISABLED: 'true',
    // The SDK's notice that releases after January 2027 need Node 22 would clutter every test log.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
    AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
    AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
    ...extra,
  };
}

/** Sets process.env for the in-process SDK; returns the function that puts it back. */
export function applyEnvironment(env: Record<string, string | undefined>): () => void {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const set = (values: Record<string, string | undefined>): void => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  set(env);
  return () => set(saved);
}

export function writeConfig(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cwe-test-'));
  const file = join(dir, 'config.yml');
  writeFileSync(file, yaml);
  return file;
}

export interface TestExporter {
  readonly url: string;
  readonly logs: string[];
  readonly running: RunningExporter;
  scrape(): Promise<string>;
  close(): Promise<void>;
}

/** The exporter in this process (the kit's startExporter), with its log lines captured. */
export async function startTestExporter(configFile: string, args: string[] = []): Promise<TestExporter> {
  const logs: string[] = [];
  const running = await startExporter(spec, {
    argv: ['--web.listen-address=127.0.0.1:0', `--config.file=${configFile}`, ...args],
    env: {},
    logger: createLogger({ level: 'debug', write: (line) => logs.push(line) }),
  });
  const url = `http://${running.addresses[0]}`;
  return {
    url,
    logs,
    running,
    async scrape() {
      const res = await fetch(`${url}/metrics`);
      if (res.status !== 200) throw new Error(`scrape answered ${res.status}`);
      return res.text();
    },
    close: () => running.close(100),
  };
}

export async function startFake(seed: FakeSeed): Promise<{ fake: FakeAws; endpoint: string }> {
  const fake = new FakeAws({ accessKeys: [TEST_ACCESS_KEY_ID], ...seed });
  const endpoint = await fake.listen();
  return { fake, endpoint };
}

/** One sample line of the text format. */
export interface ParsedSample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
  readonly timestampMs: number | undefined;
}

const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+(-?\d+))?$/;
const LABEL_PAIR = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function parseSamples(text: string): ParsedSample[] {
  const out: ParsedSample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = SAMPLE_LINE.exec(line);
    if (!m) throw new Error(`unparseable line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(LABEL_PAIR)) labels[l[1] as string] = (l[2] as string).replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
    out.push({ name: m[1] as string, labels, value: Number(m[3]), timestampMs: m[4] === undefined ? undefined : Number(m[4]) });
  }
  return out;
}

export function samplesNamed(text: string, name: string): ParsedSample[] {
  return parseSamples(text).filter((s) => s.name === name);
}

export function valueOf(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  return parseSamples(text).find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

/** HELP text of a family. */
export function helpOf(text: string, name: string): string | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`# HELP ${name} `));
  return line?.slice(`# HELP ${name} `.length);
}

export interface FakeAwsContext {
  readonly fake: FakeAws;
  readonly endpoint: string;
  /** Starts an exporter that is closed after the test. */
  start(configFile: string, args?: string[]): Promise<TestExporter>;
}

/**
 * Registers the hooks of a test file: the fake up for the whole file with the environment pointing
 * the SDK at it, exporters closed and the call log cleared after each test.
 */
export function useFakeAws(seed: FakeSeed, env: Record<string, string | undefined> = {}): FakeAwsContext {
  let started: { fake: FakeAws; endpoint: string } | undefined;
  let restoreEnv: (() => void) | undefined;
  const exporters: TestExporter[] = [];
  beforeAll(async () => {
    started = await startFake(seed);
    restoreEnv = applyEnvironment(awsEnvironment(started.endpoint, env));
  });
  afterEach(async () => {
    await Promise.all(exporters.splice(0).map((e) => e.close()));
    started?.fake.resetCalls();
  });
  afterAll(async () => {
    restoreEnv?.();
    await started?.fake.close();
  });
  return {
    get fake() {
      if (!started) throw new Error('the fake starts in beforeAll');
      return started.fake;
    },
    get endpoint() {
      if (!started) throw new Error('the fake starts in beforeAll');
      return started.endpoint;
    },
    async start(configFile, args) {
      const e = await startTestExporter(configFile, args);
      exporters.push(e);
      return e;
    },
  };
}

/** A one-rule cloudwatch_exporter config file: `region: eu-west-1` plus the rule. */
export function oneRuleConfig(namespace: string, metricName: string, dimensions: readonly string[], statistics: readonly string[], top = 'region: eu-west-1'): string {
  return writeConfig(`${top}
metrics:
  - aws_namespace: ${namespace}
    aws_metric_name: ${metricName}
    aws_dimensions: [${dimensions.join(', ')}]
    aws_statistics: [${statistics.join(', ')}]
`);
}
