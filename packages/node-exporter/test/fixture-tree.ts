import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createNodeContext, type NodeContext } from '../src/context.js';
import { resolveFlagValues } from '@scrapekit/exporter-kit';
import { nodeCollectors } from '../src/collectors/index.js';
import { nodeFlags } from '../src/flags.js';

/** Every flag a Linux start-up declares: the exporter's and each collector's own. */
const ALL_FLAGS = [...nodeFlags, ...nodeCollectors.flatMap((c) => c.flags ?? [])];

/** test/fixtures: our own fake /proc, /sys, root filesystem and udev database, shared with the e2e golden test. */
export const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));

type FlagOverrides = Record<string, string | boolean | readonly string[]>;

/** A NodeContext over the fixture trees (or another root laid out the same way), with extra flags (as a user writes them) layered on. */
export function fixtureContext(flags: FlagOverrides = {}, root = FIXTURES): NodeContext {
  // Parsed by the kit as at start-up (regexes compiled, durations in ms), without the defaults.
  return createNodeContext(resolveFlagValues(ALL_FLAGS, {
    'path.procfs': `${root}/proc`,
    'path.sysfs': `${root}/sys`,
    'path.rootfs': root,
    'path.udev.data': `${root}/udev/data`,
    ...flags,
  }, { defaults: false }).flags);
}

/** The flag defaults a real start-up would pass (the kit fills them in from the FlagSpecs). */
export function flagDefaults(): FlagOverrides {
  const out: FlagOverrides = {};
  for (const f of ALL_FLAGS) {
    if (f.name.startsWith('path.') || f.default === undefined) continue;
    out[f.name] = typeof f.default === 'number' ? String(f.default) : f.default;
  }
  return out;
}

/** A NodeContext over test/fixtures with node_exporter's default flags plus `flags`. */
export function defaultsContext(flags: FlagOverrides = {}): NodeContext {
  return fixtureContext({ ...flagDefaults(), ...flags });
}

/** The text of one fixture file, by its path below test/fixtures. */
export function readFixture(path: string): string {
  return readFileSync(`${FIXTURES}/${path}`, 'utf8');
}

/**
 * The files of one fixture directory (a sysfs device) as name → text: every regular file in name
 * order, or, given `names`, those of them that exist, in that order.
 */
export function readFixtureDir(dir: string, names?: readonly string[]): Record<string, string> {
  const path = (f: string): string => `${FIXTURES}/${dir}/${f}`;
  const files = (names ?? readdirSync(`${FIXTURES}/${dir}`).sort()).filter((f) => existsSync(path(f)) && statSync(path(f)).isFile());
  return Object.fromEntries(files.map((f) => [f, readFixture(`${dir}/${f}`)]));
}
