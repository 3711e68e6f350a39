import { readFileSync } from 'node:fs';
import { ConfigError } from '@scrapekit/exporter-kit';
import { parseDocument } from 'yaml';
import type { ExporterConfig } from '../rules.js';
import { parseCloudWatchExporterConfig } from './cloudwatch-exporter.js';
import { parseYaceConfig } from './yace.js';

export type ConfigFormat = 'cloudwatch_exporter' | 'yace' | 'auto';

/** YAML text → the parsed tree; a syntax error names the file and line. */
export function parseYaml(text: string, file: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line;
    throw new ConfigError(`${file}${line ? `:${line}` : ''}: invalid YAML: ${first.message.split('\n')[0]}`);
  }
  return doc.toJS();
}

/** YACE's files start with apiVersion (v1alpha1) and have discovery/static/customNamespace. */
export function detectFormat(doc: unknown): 'cloudwatch_exporter' | 'yace' {
  if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
    const keys = Object.keys(doc);
    if (keys.includes('apiVersion') || keys.includes('discovery') || keys.includes('static') || keys.includes('customNamespace')) return 'yace';
  }
  return 'cloudwatch_exporter';
}

/** Pure: config text → rules, with every problem prefixed by the file name. */
export function parseConfigText(text: string, file: string, format: ConfigFormat): ExporterConfig {
  const doc = parseYaml(text, file);
  const flavor = format === 'auto' ? detectFormat(doc) : format;
  try {
    return { flavor, rules: flavor === 'yace' ? parseYaceConfig(doc) : parseCloudWatchExporterConfig(doc), file };
  } catch (err) {
    if (err instanceof ConfigError) throw new ConfigError(`${file}: ${err.message}`);
    throw err;
  }
}

export function loadConfigFile(file: string, format: ConfigFormat): ExporterConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(`--config.file: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message}`);
  }
  return parseConfigText(text, file, format);
}
