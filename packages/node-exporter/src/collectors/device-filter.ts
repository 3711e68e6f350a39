import { ConfigError } from '@scrapekit/exporter-kit';

/**
 * node_exporter's include/exclude pair for device-like names (collector/device_filter.go
 * semantics): exclude means "all except", include means "none except", both unanchored
 * regular expressions unless the pattern anchors itself.
 */
export interface DeviceFilter {
  ignored(name: string): boolean;
}

export function compileFlagRegex(flag: string, pattern: string): RegExp {
  try {
    return new RegExp(pattern);
  } catch (err) {
    throw new ConfigError(`--${flag}: invalid regular expression ${JSON.stringify(pattern)} (${(err as Error).message}); fix the pattern`);
  }
}

export function createDeviceFilter(
  flags: Readonly<Record<string, unknown>>,
  excludeFlag: string,
  includeFlag?: string,
): DeviceFilter {
  const excludeRaw = flags[excludeFlag];
  const includeRaw = includeFlag ? flags[includeFlag] : undefined;
  const exclude = typeof excludeRaw === 'string' && excludeRaw !== '' ? compileFlagRegex(excludeFlag, excludeRaw) : undefined;
  const include =
    includeFlag && typeof includeRaw === 'string' && includeRaw !== '' ? compileFlagRegex(includeFlag, includeRaw) : undefined;
  return {
    ignored: (name) => (exclude !== undefined && exclude.test(name)) || (include !== undefined && !include.test(name)),
  };
}
