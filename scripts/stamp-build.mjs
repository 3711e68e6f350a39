#!/usr/bin/env node
// Writes dist/build-stamp.json (git revision and branch) into the package being built, for the
// exporters' *_build_info metric. SCRAPEKIT_REVISION / SCRAPEKIT_BRANCH, when set, win over git:
// an image build has no .git in its context, so docker/build-images.mjs passes them as build
// arguments. Outside a git checkout and without them it writes "unknown".
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const git = (...args) => {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
};
const fromEnvironment = (name) => (process.env[name] ?? '').trim();
mkdirSync('dist', { recursive: true });
writeFileSync('dist/build-stamp.json', JSON.stringify({
  revision: fromEnvironment('SCRAPEKIT_REVISION') || git('rev-parse', '--short=12', 'HEAD'),
  branch: fromEnvironment('SCRAPEKIT_BRANCH') || git('rev-parse', '--abbrev-ref', 'HEAD'),
}) + '\n');
