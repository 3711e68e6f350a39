#!/usr/bin/env node
// Writes dist/build-stamp.json into the package being built: git revision and branch, build user
// (user@host) and date (UTC, as promu writes it: 20060102-15:04:05), for the exporters' --version
// and *_build_info. SCRAPEKIT_REVISION / SCRAPEKIT_BRANCH, when set, win over git: an image build
// has no .git in its context, so docker/build-images.mjs passes them as build arguments. Outside a
// git checkout and without them revision and branch are "unknown".
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';

const git = (...args) => {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
};
const fromEnvironment = (name) => (process.env[name] ?? '').trim();
const user = () => {
  try {
    return `${userInfo().username}@${hostname()}`;
  } catch {
    return 'unknown';
  }
};
const pad = (n) => String(n).padStart(2, '0');
const now = new Date();
const date = `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}-${pad(now.getUTCHours())}:${pad(now.getUTCMinutes())}:${pad(now.getUTCSeconds())}`;
mkdirSync('dist', { recursive: true });
writeFileSync('dist/build-stamp.json', JSON.stringify({
  revision: fromEnvironment('SCRAPEKIT_REVISION') || git('rev-parse', '--short=12', 'HEAD'),
  branch: fromEnvironment('SCRAPEKIT_BRANCH') || git('rev-parse', '--abbrev-ref', 'HEAD'),
  buildUser: user(),
  buildDate: date,
}) + '\n');
