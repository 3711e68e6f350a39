import type { FlagSpec } from '@scrapekit/exporter-kit';
import { ignoredFlags } from './ignored-flags.js';

/*
 * The node exporter's own flags: where to find /proc, /sys, the root filesystem and the udev
 * database, under node_exporter's names and defaults (1.5.0, the version this package is measured
 * against), plus the node_exporter flags it accepts and ignores. Each collector declares its own
 * `--collector.<name>.*` flags in its file (src/collectors/<name>.ts); the kit adds them to these.
 */
export const pathFlags: readonly FlagSpec[] = [
  { name: 'path.procfs', description: 'procfs mountpoint.', default: '/proc', placeholder: '<dir>' },
  { name: 'path.sysfs', description: 'sysfs mountpoint.', default: '/sys', placeholder: '<dir>' },
  { name: 'path.rootfs', description: 'rootfs mountpoint (prefix for statfs and os-release, stripped from reported mount points).', default: '/', placeholder: '<dir>' },
  { name: 'path.udev.data', description: 'udev data path.', default: '/run/udev/data', placeholder: '<dir>' },
];

/** The exporter-level flags: the paths and the accepted-and-ignored ones. */
export const nodeFlags: readonly FlagSpec[] = [...pathFlags, ...ignoredFlags];
