import { ConfigError, closestMatch } from '@scrapekit/exporter-kit';

/**
 * Typed reading of a parsed YAML tree with the path of every value, so an error names what to
 * change: `metrics[3].aws_statistics[1]: "Avg" is not a statistic; use Average`.
 */
export type YamlMap = Readonly<Record<string, unknown>>;

export function fail(path: string, problem: string): never {
  throw new ConfigError(path ? `${path}: ${problem}` : problem);
}

export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `${typeof value} ${JSON.stringify(value)}`;
}

export function asMap(value: unknown, path: string): YamlMap {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(path, `must be a map, got ${describe(value)}`);
  return value as YamlMap;
}

/** Rejects keys outside `allowed`, naming the closest allowed key when there is one. */
export function checkKeys(map: YamlMap, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(map)) {
    if (allowed.includes(key)) continue;
    const hint = closestMatch(key, allowed);
    fail(join(path, key), `unknown key${hint ? `; did you mean ${hint}?` : `; allowed keys: ${allowed.join(', ')}`}`);
  }
}

export function optionalString(map: YamlMap, key: string, path: string): string | undefined {
  const v = map[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v === '') fail(join(path, key), `must be a non-empty string, got ${describe(v)}`);
  return v;
}

export function requiredString(map: YamlMap, key: string, path: string): string {
  const v = optionalString(map, key, path);
  if (v === undefined) fail(join(path, key), 'is required');
  return v;
}

export function optionalBoolean(map: YamlMap, key: string, path: string): boolean | undefined {
  const v = map[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') fail(join(path, key), `must be true or false, got ${describe(v)}`);
  return v;
}

/**
 * A whole number of at least `min` and at most `max`; without `max` only the lower bound is named
 * (a setting with no upper bound still stops at the largest exact number, 2^53 - 1).
 */
export function optionalInteger(map: YamlMap, key: string, path: string, min: number, max?: number): number | undefined {
  const v = map[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) fail(join(path, key), `must be a whole number, got ${describe(v)}`);
  const upper = max ?? Number.MAX_SAFE_INTEGER;
  if (v >= min && v <= upper) return v;
  if (max !== undefined) fail(join(path, key), `must be between ${min} and ${max}, got ${v}`);
  return fail(join(path, key), v < min ? `must be at least ${min}, got ${v}` : `must be at most ${upper}, got ${v}`);
}

export function optionalList(map: YamlMap, key: string, path: string): readonly unknown[] | undefined {
  const v = map[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) fail(join(path, key), `must be a list, got ${describe(v)}`);
  return v;
}

export function stringList(values: readonly unknown[], path: string): string[] {
  return values.map((v, i) => {
    if (typeof v !== 'string' && typeof v !== 'number') fail(join(path, i), `must be a string, got ${describe(v)}`);
    return String(v);
  });
}

export function optionalStringList(map: YamlMap, key: string, path: string): string[] | undefined {
  const list = optionalList(map, key, path);
  return list === undefined ? undefined : stringList(list, join(path, key));
}

/** A map of name → list of strings (aws_dimension_select, tag_selections). */
export function optionalStringListMap(map: YamlMap, key: string, path: string): Map<string, string[]> | undefined {
  const v = map[key];
  if (v === undefined || v === null) return undefined;
  const inner = asMap(v, join(path, key));
  const out = new Map<string, string[]>();
  for (const [name, values] of Object.entries(inner)) {
    const p = join(join(path, key), name);
    if (!Array.isArray(values)) fail(p, `must be a list of values, got ${describe(values)}`);
    out.set(name, stringList(values, p));
  }
  return out;
}
