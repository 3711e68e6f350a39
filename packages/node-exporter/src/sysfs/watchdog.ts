import { attrText, parseIntAttr } from './attributes.js';

export const WATCHDOG_NUMERIC = [
  ['bootstatus', 'node_watchdog_bootstatus', 'Reason of the last reboot as the watchdog driver reports it.'],
  ['fw_version', 'node_watchdog_fw_version', 'Firmware version of the watchdog device.'],
  ['nowayout', 'node_watchdog_nowayout', 'Whether the watchdog cannot be stopped once started (1) or can (0).'],
  ['timeleft', 'node_watchdog_timeleft_seconds', 'Seconds left before the watchdog resets the system.'],
  ['timeout', 'node_watchdog_timeout_seconds', 'Watchdog timeout in seconds.'],
  ['pretimeout', 'node_watchdog_pretimeout_seconds', 'Watchdog pretimeout in seconds.'],
  ['access_cs0', 'node_watchdog_access_cs0', 'Whether the watchdog device is open (1) or not (0).'],
] as const;

export const WATCHDOG_TEXT = ['options', 'identity', 'state', 'status', 'pretimeout_governor'] as const;

export type WatchdogFile = (typeof WATCHDOG_NUMERIC)[number][0] | (typeof WATCHDOG_TEXT)[number];

export interface WatchdogStats {
  readonly numbers: ReadonlyMap<string, number>;
  readonly info: Readonly<Record<(typeof WATCHDOG_TEXT)[number], string>>;
}

export function parseWatchdog(name: string, files: Readonly<Partial<Record<WatchdogFile, string>>>): WatchdogStats {
  const numbers = new Map<string, number>();
  for (const [file] of WATCHDOG_NUMERIC) {
    const raw = files[file];
    if (raw !== undefined) numbers.set(file, parseIntAttr(raw, `${name}/${file}`));
  }
  const text = (f: (typeof WATCHDOG_TEXT)[number]): string => (files[f] === undefined ? '' : attrText(files[f] as string));
  return {
    numbers,
    info: { options: text('options'), identity: text('identity'), state: text('state'), status: text('status'), pretimeout_governor: text('pretimeout_governor') },
  };
}
