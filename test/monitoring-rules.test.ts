import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { missingDependency } from './support/services.js';

/**
 * monitoring/rules: promtool (Debian's prometheus package) checks the rule file and runs its unit
 * tests, where each alert fires on the situation it names and not on a healthy neighbour.
 * test/e2e-prometheus.test.ts loads the same file into a real Prometheus over live exporters.
 */
const PROMTOOL = process.env.PROMTOOL_BIN ?? '/usr/bin/promtool';
const rulesDir = fileURLToPath(new URL('../monitoring/rules/', import.meta.url));
const missing = missingDependency(existsSync(PROMTOOL), 'promtool (Debian package prometheus)');

function promtool(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(PROMTOOL, args, { cwd: rulesDir, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

describe('monitoring/rules/scrapekit.rules.yml', () => {
  beforeEach((ctx) => {
    if (missing !== undefined) ctx.skip(missing);
  });

  it('passes promtool check rules (valid PromQL, templates and names)', async () => {
    const { code, output } = await promtool(['check', 'rules', join(rulesDir, 'scrapekit.rules.yml')]);
    expect({ code, output }).toMatchObject({ code: 0, output: expect.stringContaining('SUCCESS: 14 rules found') });
  });

  it('passes its promtool unit tests: every alert fires on its case with the annotations rendered', async () => {
    const { code, output } = await promtool(['test', 'rules', join(rulesDir, 'scrapekit.rules.test.yml')]);
    expect({ code, output }).toMatchObject({ code: 0, output: expect.stringContaining('SUCCESS') });
  });

  it('every alert in the file has a unit test', () => {
    const alerts = [...readFileSync(join(rulesDir, 'scrapekit.rules.yml'), 'utf8').matchAll(/^\s+- alert: (\w+)$/gm)].map((m) => m[1]);
    const tested = new Set([...readFileSync(join(rulesDir, 'scrapekit.rules.test.yml'), 'utf8').matchAll(/^\s+alertname: (\w+)$/gm)].map((m) => m[1]));
    expect(alerts.length).toBe(13);
    expect(alerts.filter((a) => !tested.has(a))).toEqual([]);
  });
});
