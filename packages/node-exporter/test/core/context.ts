import type { NodeContext } from '../../src/context.js';
import { coreFlags } from '../../src/flags.js';
import { fixtureContext } from '../more/helpers.js';

/** The flag defaults a real start-up would pass (the kit fills them in from the FlagSpecs). */
export function coreDefaults(): Record<string, string | boolean | readonly string[]> {
  const out: Record<string, string | boolean | readonly string[]> = {};
  for (const f of coreFlags) {
    if (f.name.startsWith('path.') || f.default === undefined) continue;
    out[f.name] = typeof f.default === 'number' ? String(f.default) : f.default;
  }
  return out;
}

/** A NodeContext over test/fixtures with node_exporter's default flags plus `flags`. */
export function coreContext(flags: Record<string, string | boolean | readonly string[]> = {}): NodeContext {
  return fixtureContext({ ...coreDefaults(), ...flags });
}
