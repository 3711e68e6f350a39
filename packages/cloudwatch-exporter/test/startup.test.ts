import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeConfig } from './support/harness.js';

const bin = fileURLToPath(new URL('../bin/cloudwatch-exporter.js', import.meta.url));
const built = existsSync(fileURLToPath(new URL('../dist/main.js', import.meta.url)));

function run(args: string[], env: Record<string, string> = {}): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [bin, '--web.listen-address=127.0.0.1:0', ...args], {
    encoding: 'utf8',
    timeout: 20_000,
    env: { PATH: process.env['PATH'] ?? '', AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', AWS_CONFIG_FILE: '/nonexistent', ...env },
  });
  return { status: r.status, stderr: r.stderr };
}

describe.skipIf(!built)('start-up errors of the built binary (needs `npm run build`)', () => {
  it.each([
    ['no --config.file', [], 'cloudwatch-exporter: error: --config.file: required; point it at a cloudwatch_exporter YAML file (e.g. --config.file=config.yml)\n'],
    ['a missing file', ['--config.file=/nonexistent/config.yml'], 'cloudwatch-exporter: error: --config.file: cannot read /nonexistent/config.yml: no such file\n'],
    ['an unknown key', [`--config.file=${writeConfig('region: eu-west-1\nmetrics:\n  - aws_namespace: AWS/ELB\n    aws_metric_name: X\n    aws_statistic: [Sum]\n')}`], /^cloudwatch-exporter: error: .*config\.yml: metrics\[0\]\.aws_statistic: unknown key; did you mean aws_statistics\?\n$/],
    ['YACE exportAllDataPoints without addCloudwatchTimestamp', [`--config.file=${writeConfig('apiVersion: v1alpha1\nstatic:\n  - name: s\n    namespace: App\n    regions: [eu-west-1]\n    metrics: [{name: X, statistics: [Sum], exportAllDataPoints: true}]\n')}`],
      /^cloudwatch-exporter: error: .*config\.yml: static\[0\]\.metrics\[0\]\.exportAllDataPoints: needs addCloudwatchTimestamp: true \(each datapoint is exported with its CloudWatch timestamp\); set addCloudwatchTimestamp: true beside it, or remove exportAllDataPoints\n$/],
    ['a bad --scrape.interval', ['--config.file=x.yml', '--scrape.interval=soon'], /^cloudwatch-exporter: error: --scrape.interval: invalid duration "soon"/],
  ])('%s: one line naming the problem, exit code 1', (_what, args, expected) => {
    const { status, stderr } = run(args as string[], { AWS_REGION: 'eu-west-1' });
    expect(status).toBe(1);
    if (typeof expected === 'string') expect(stderr).toBe(expected);
    else expect(stderr).toMatch(expected);
  });

  it('no region anywhere: a start-up error, not a scrape-time one', () => {
    const file = writeConfig('metrics:\n  - aws_namespace: AWS/ELB\n    aws_metric_name: RequestCount\n');
    const { status, stderr } = run([`--config.file=${file}`]);
    expect(status).toBe(1);
    expect(stderr).toBe(`cloudwatch-exporter: error: ${file}: no AWS region: set "region" in the config file or the AWS_REGION environment variable\n`);
  });
});
