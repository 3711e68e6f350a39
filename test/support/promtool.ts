import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PROMTOOL = process.env.PROMTOOL ?? '/usr/bin/promtool';

export interface LintFinding {
  readonly metric: string;
  readonly problem: string;
}

export interface LintResult {
  readonly exitCode: number;
  readonly findings: LintFinding[];
  /** Anything promtool printed that is not a finding (a parse error is always a bug). */
  readonly errors: string[];
}

/** True when promtool is installed; in CI its absence is a failure (prepare-services installs it). */
export function havePromtool(): boolean {
  return existsSync(PROMTOOL);
}

/** Runs `promtool check metrics` on exposition text (text format 0.0.4). */
export function promtoolCheckMetrics(text: string): Promise<LintResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(PROMTOOL, ['check', 'metrics'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const findings: LintFinding[] = [];
      const errors: string[] = [];
      for (const line of out.split('\n').map((l) => l.trim()).filter(Boolean)) {
        const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)$/.exec(line);
        if (m && !/^error/i.test(line)) findings.push({ metric: m[1]!, problem: m[2]! });
        else errors.push(line);
      }
      resolve({ exitCode: code ?? -1, findings, errors });
    });
    child.stdin.end(text);
  });
}
