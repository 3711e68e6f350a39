import { createRequire } from 'node:module';
import type * as YamlModule from 'yaml';

type BcryptModule = typeof import('bcryptjs');

/**
 * yaml and bcryptjs are needed only when --web.config.file is given, and cost about 11 MB of
 * resident memory once loaded; the node exporter's footprint budget is 70 MB. So they are
 * required on first use, synchronously (both ship CommonJS builds), instead of at import time.
 */
const require = createRequire(import.meta.url);
let yaml: typeof YamlModule | undefined;
let bcrypt: BcryptModule | undefined;

export function yamlLib(): typeof YamlModule {
  return (yaml ??= require('yaml') as typeof YamlModule);
}

export function bcryptLib(): BcryptModule {
  return (bcrypt ??= require('bcryptjs') as BcryptModule);
}
