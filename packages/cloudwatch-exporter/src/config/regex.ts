import { fail } from './fields.js';

/**
 * The config's regexes (cloudwatch_exporter's are Java, YACE's are Go RE2) compiled once, at
 * start-up, so a bad one is a start-up error and never a scrape-time one.
 * TODO(kit-flags): swap the body for the kit's RE2 → JS translator when it lands; this file is
 * the only place a config regex is compiled.
 */
export function compileConfigRegex(source: string, path: string, anchoring: 'full' | 'search'): RegExp {
  try {
    return new RegExp(anchoring === 'full' ? `^(?:${source})$` : source);
  } catch (err) {
    return fail(path, `${JSON.stringify(source)} is not a valid regular expression (${(err as Error).message.replace(/^Invalid regular expression: /, '')})`);
  }
}
