#!/usr/bin/env node
// Writes dist/build-stamp.json (git revision and branch) into the package being built, for the
// exporters' *_build_info metric. Outside a git checkout it writes "unknown".
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const git = (...args) => {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
};
mkdirSync('dist', { recursive: true });
writeFileSync('dist/build-stamp.json', JSON.stringify({
  revision: git('rev-parse', '--short=12', 'HEAD'),
  branch: git('rev-parse', '--abbrev-ref', 'HEAD'),
}) + '\n');
