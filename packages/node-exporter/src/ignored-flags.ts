import type { FlagSpec, FlagValues } from '@scrapekit/exporter-kit';

/**
 * Flags a node_exporter 1.5–1.9 systemd unit may carry that this exporter accepts and ignores,
 * so the unit still starts. The runit and supervisord collectors are deprecated upstream (they
 * log that they will be removed) and not implemented here; --runtime.gomaxprocs tunes Go's
 * scheduler, which a Node.js process does not have.
 */
export const ignoredFlags: readonly FlagSpec[] = [
  { name: 'collector.runit', kind: 'boolean', description: 'Accepted and ignored: the runit collector is deprecated in node_exporter and not implemented here.', default: false },
  { name: 'collector.runit.servicedir', description: 'Accepted and ignored (runit collector).', placeholder: '<dir>' },
  { name: 'collector.supervisord', kind: 'boolean', description: 'Accepted and ignored: the supervisord collector is deprecated in node_exporter and not implemented here.', default: false },
  { name: 'collector.supervisord.url', description: 'Accepted and ignored (supervisord collector).', placeholder: '<url>' },
  { name: 'runtime.gomaxprocs', kind: 'number', description: 'Accepted and ignored: a Go runtime setting; Node.js has no GOMAXPROCS.' },
];

const REASONS: ReadonlyArray<readonly [flag: string, why: string]> = [
  ['collector.runit', 'the runit collector is deprecated in node_exporter and not implemented here'],
  ['collector.runit.servicedir', 'the runit collector is not implemented here'],
  ['collector.supervisord', 'the supervisord collector is deprecated in node_exporter and not implemented here'],
  ['collector.supervisord.url', 'the supervisord collector is not implemented here'],
  ['runtime.gomaxprocs', 'a Go runtime setting; Node.js has none'],
];

/** One start-up warning naming every ignored flag that was set, and why; undefined when none was. */
export function ignoredFlagsWarning(flags: FlagValues): string | undefined {
  const used = REASONS.filter(([flag]) => flags[flag] !== undefined && flags[flag] !== false && flags[flag] !== '');
  if (used.length === 0) return undefined;
  return `ignoring ${used.map(([flag, why]) => `--${flag} (${why})`).join(', ')}`;
}
