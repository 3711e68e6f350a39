#!/usr/bin/env node
// Loads, with the running Node, every native addon (.node file) of the exporters' production
// dependencies (koffi's prebuilt today), and koffi through its own loader: a Node major with
// another ABI, or a missing prebuilt, fails here with the file's name instead of deep inside a
// test. Addons of development tools are loaded too but only reported: the test run shows whether
// they work (testcontainers' optional ssh2/cpu-features builds fall back to JavaScript).
// Usage: node scripts/check-native-deps.mjs
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const production = new Set(execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8' })
  .split('\n').filter((path) => path.includes(`${sep}node_modules${sep}`)));
const isMusl = !process.report.getReport().header.glibcVersionRuntime;
const addons = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'obj.target' && (isMusl || !entry.name.startsWith('musl'))) walk(path);
    else if (entry.isFile() && entry.name.endsWith('.node')) addons.push(path);
  }
};
walk(join(root, 'node_modules'));
const packageOf = (path) => [...production].filter((dir) => path.startsWith(dir + sep)).sort((a, b) => b.length - a.length)[0];
let failures = 0;
for (const addon of addons) {
  const needed = packageOf(addon) !== undefined;
  try {
    process.dlopen({ exports: {} }, addon);
    console.log(`loads: ${addon.slice(root.length + 1)}`);
  } catch (error) {
    if (needed) failures++;
    console.log(`${needed ? 'FAILS' : 'does not load (development tool only)'}: ${addon.slice(root.length + 1)}: ${error.message.split('\n')[0]}`);
  }
}
const require = createRequire(join(root, 'packages/node-exporter/package.json'));
const koffi = require('koffi');
const ok = typeof koffi.load === 'function';
console.log(`koffi ${koffi.version ?? ''} on Node ${process.version}: ${ok ? 'loads' : 'FAILS (no load())'}`);
if (!ok) failures++;
process.exit(failures > 0 ? 1 : 0);
