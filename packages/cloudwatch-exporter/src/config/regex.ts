import { compileRe2 } from '@scrapekit/exporter-kit';
import { fail } from './fields.js';

/**
 * The config's regexes, compiled once at start-up through the kit's one RE2 → JS translator, so a
 * bad one is a start-up error and never a scrape-time one. YACE's are RE2; cloudwatch_exporter's
 * are Java regexes, whose common syntax RE2 shares (Java-only constructs such as look-arounds,
 * back-references and possessive quantifiers are refused with the reason).
 */
export function compileConfigRegex(source: string, path: string, anchoring: 'full' | 'search'): RegExp {
  try {
    return compileRe2(source, anchoring === 'full' ? 'full' : 'none');
  } catch (err) {
    return fail(path, `${JSON.stringify(source)} is not a valid regular expression (${(err as Error).message})`);
  }
}
