/**
 * exporter-toolkit's web-config.yml (the file behind --web.config.file): YAML text -> a validated,
 * typed WebConfig. The format is the Go toolkit's, key for key, so one file serves the Go exporters
 * and ours. Validation is strict (an unknown key is an error, as yaml.UnmarshalStrict makes it in Go)
 * and every message names the key, its line and what to change.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { yamlLib } from './lazy-deps.js';
import type { Node as YamlNode } from 'yaml';
import { parseGoDuration } from './flags/duration.js';
import { CLIENT_AUTH_TYPES, GO_CIPHER_SUITES, GO_CURVES, TLS_VERSIONS } from './web-config-names.js';
import type { ClientAuthType, GoCurveName, TlsVersionName } from './web-config-names.js';
import { FLAG, Reader, WebConfigError } from './web-config-reader.js';

export { WebConfigError } from './web-config-reader.js';

export interface TlsServerConfig {
  /** Inline PEM; the *File variants win when both are set, as in Go. */
  cert?: string;
  key?: string;
  clientCa?: string;
  /** Absolute paths (relative ones are resolved against the config file's directory). */
  certFile?: string;
  keyFile?: string;
  clientCaFile?: string;
  clientAuthType: ClientAuthType;
  /** undefined = no SAN check; an empty list rejects every client, as in Go. */
  clientAllowedSans?: string[];
  minVersion: TlsVersionName;
  maxVersion: TlsVersionName;
  /** Go names, validated; mapped to OpenSSL names when the server is built. */
  cipherSuites: string[];
  preferServerCipherSuites: boolean;
  curvePreferences: GoCurveName[];
}

export interface RateLimitConfig {
  intervalMs: number;
  burst: number;
}

export interface WebConfig {
  /** Absolute path of the file this was read from. */
  file: string;
  /** undefined when no TLS key is set: plain HTTP. */
  tls?: TlsServerConfig;
  /** Accepted and validated for compatibility; node's https server here speaks HTTP/1.1 only. */
  http2: boolean;
  headers: Record<string, string>;
  /** user -> bcrypt hash. A Map so that serialising a config by accident prints no hash. */
  users: Map<string, string>;
  /** undefined when interval is 0 (disabled). */
  rateLimit?: RateLimitConfig;
}


const TOP_KEYS = ['tls_server_config', 'http_server_config', 'basic_auth_users', 'rate_limit'] as const;
const TLS_KEYS = [
  'cert', 'key', 'client_ca', 'cert_file', 'key_file', 'client_auth_type', 'client_ca_file', 'client_allowed_sans',
  'min_version', 'max_version', 'cipher_suites', 'prefer_server_cipher_suites', 'curve_preferences',
] as const;
const HTTP_KEYS = ['http2', 'headers'] as const;
const RATE_KEYS = ['interval', 'burst'] as const;

/** Only these response headers may be configured (the toolkit keeps the list closed on purpose). */
export const ALLOWED_HEADERS: Readonly<Record<string, readonly string[] | undefined>> = {
  'Content-Security-Policy': undefined,
  'X-Frame-Options': ['deny', 'sameorigin'],
  'X-Content-Type-Options': ['nosniff'],
  'X-XSS-Protection': undefined,
  'Strict-Transport-Security': undefined,
};

/** $2$, $2a$, $2b$, $2y$ with a cost 04..31, a 22-char salt and a 31-char digest, all bcrypt-base64. */
const BCRYPT_HASH = /^\$2[aby]?\$(\d\d)\$[./A-Za-z0-9]{53}$/;

function oneOf<T extends string>(r: Reader, node: YamlNode | null, value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    r.fail(node, `unknown ${what} '${value}'; use one of: ${allowed.join(', ')}`);
  }
  return value as T;
}

function resolvePath(dir: string, p: string | undefined): string | undefined {
  if (p === undefined || p === '') return undefined;
  return isAbsolute(p) ? p : join(dir, p);
}

function parseTls(r: Reader, node: YamlNode | null, dir: string): TlsServerConfig | undefined {
  const v: Partial<Record<(typeof TLS_KEYS)[number], string>> = {};
  const nodes: Partial<Record<(typeof TLS_KEYS)[number], YamlNode | null>> = {};
  const cfg: TlsServerConfig = {
    clientAuthType: 'NoClientCert', minVersion: 'TLS12', maxVersion: 'TLS13',
    cipherSuites: [], preferServerCipherSuites: true, curvePreferences: [],
  };
  for (const [key, val] of r.mapping(node, 'tls_server_config', TLS_KEYS)) {
    nodes[key] = val;
    switch (key) {
      case 'client_allowed_sans':
        cfg.clientAllowedSans = r.list(val, key)?.map(([s]) => s);
        break;
      case 'cipher_suites':
        cfg.cipherSuites = (r.list(val, key) ?? []).map(([s, n]) => oneOf(r, n, s, Object.keys(GO_CIPHER_SUITES), 'cipher'));
        break;
      case 'curve_preferences':
        cfg.curvePreferences = (r.list(val, key) ?? []).map(([s, n]) => oneOf(r, n, s, Object.keys(GO_CURVES) as GoCurveName[], 'curve'));
        break;
      case 'prefer_server_cipher_suites':
        cfg.preferServerCipherSuites = r.bool(val, key, true);
        break;
      default:
        v[key] = r.string(val, key);
    }
  }
  if (v.min_version !== undefined) cfg.minVersion = oneOf(r, nodes.min_version ?? null, v.min_version, TLS_VERSIONS, 'TLS version');
  if (v.max_version !== undefined) cfg.maxVersion = oneOf(r, nodes.max_version ?? null, v.max_version, TLS_VERSIONS, 'TLS version');
  if (TLS_VERSIONS.indexOf(cfg.minVersion) > TLS_VERSIONS.indexOf(cfg.maxVersion)) {
    r.fail(nodes.min_version ?? null, `min_version ${cfg.minVersion} is above max_version ${cfg.maxVersion}; lower min_version or raise max_version`);
  }
  const authNode = nodes.client_auth_type ?? null;
  if (v.client_auth_type) {
    const t = oneOf(r, authNode, v.client_auth_type, [...CLIENT_AUTH_TYPES, 'RequireClientCert'], 'client_auth_type');
    // RequireClientCert is the old spelling the toolkit still accepts.
    cfg.clientAuthType = t === 'RequireClientCert' ? 'RequireAnyClientCert' : t;
  }

  const enabled = [v.cert, v.cert_file, v.key, v.key_file, v.client_ca, v.client_ca_file, v.client_auth_type]
    .some((x) => x !== undefined && x !== '');
  if (!enabled) return undefined;

  if (v.cert) cfg.cert = v.cert;
  if (v.key) cfg.key = v.key;
  if (v.client_ca) cfg.clientCa = v.client_ca;
  cfg.certFile = resolvePath(dir, v.cert_file);
  cfg.keyFile = resolvePath(dir, v.key_file);
  cfg.clientCaFile = resolvePath(dir, v.client_ca_file);
  if (!cfg.cert && !cfg.certFile) r.fail(node, 'TLS is enabled but the certificate is missing; set cert_file (or cert) in tls_server_config');
  if (!cfg.key && !cfg.keyFile) r.fail(node, 'TLS is enabled but the private key is missing; set key_file (or key) in tls_server_config');
  if ((cfg.clientCa || cfg.clientCaFile) && cfg.clientAuthType === 'NoClientCert') {
    r.fail(nodes.client_ca_file ?? nodes.client_ca ?? node,
      'a client CA is configured without a client auth policy; set client_auth_type (RequireAndVerifyClientCert verifies clients) or remove the client CA');
  }
  if (cfg.clientAllowedSans !== undefined && cfg.clientAuthType !== 'RequireAnyClientCert' && cfg.clientAuthType !== 'RequireAndVerifyClientCert') {
    // With any other policy a client can simply send no certificate and the SAN list would never be checked.
    r.fail(nodes.client_allowed_sans ?? node,
      'client_allowed_sans needs a client certificate on every connection; set client_auth_type to RequireAndVerifyClientCert (or RequireAnyClientCert)');
  }
  return cfg;
}

function parseHeaders(r: Reader, node: YamlNode | null): Record<string, string> {
  const headers: Record<string, string> = {};
  if (node === null || (yamlLib().isScalar(node) && node.value === null)) return headers;
  if (!yamlLib().isMap(node)) r.fail(node, 'http_server_config.headers must be a mapping of header names to values');
  for (const pair of node.items) {
    const keyNode = r.resolve(pair.key);
    const name = yamlLib().isScalar(keyNode) ? String(keyNode.value) : '';
    if (!Object.hasOwn(ALLOWED_HEADERS, name)) {
      r.fail(keyNode, `HTTP header '${name}' can not be configured; allowed headers: ${Object.keys(ALLOWED_HEADERS).join(', ')}`);
    }
    const valueNode = r.resolve(pair.value);
    const value = r.string(valueNode, `header ${name}`) ?? '';
    const allowedValues = ALLOWED_HEADERS[name];
    if (allowedValues && !allowedValues.includes(value)) {
      r.fail(valueNode ?? keyNode, `invalid value '${value}' for header ${name}; use one of: ${allowedValues.join(', ')}`);
    }
    headers[name] = value;
  }
  return headers;
}

function parseUsers(r: Reader, node: YamlNode | null): Map<string, string> {
  const users = new Map<string, string>();
  if (node === null || (yamlLib().isScalar(node) && node.value === null)) return users;
  if (!yamlLib().isMap(node)) r.fail(node, 'basic_auth_users must be a mapping of user names to bcrypt hashes');
  for (const pair of node.items) {
    const keyNode = r.resolve(pair.key);
    const user = yamlLib().isScalar(keyNode) ? String(keyNode.value) : '';
    const hash = r.string(r.resolve(pair.value), `basic_auth_users.${user}`) ?? '';
    const m = BCRYPT_HASH.exec(hash);
    const cost = m ? Number(m[1]) : 0;
    if (!m || cost < 4 || cost > 31) {
      // The hash itself is never echoed: it is a secret.
      r.fail(keyNode, `the password of user '${user}' in basic_auth_users is not a bcrypt hash; generate one with \`htpasswd -nBC 10 "" | tr -d ':\\n'\``);
    }
    users.set(user, hash);
  }
  return users;
}

function parseRateLimit(r: Reader, node: YamlNode | null): RateLimitConfig | undefined {
  let intervalMs = 0;
  let burst = 0;
  for (const [key, val] of r.mapping(node, 'rate_limit', RATE_KEYS)) {
    if (key === 'burst') {
      burst = r.int(val, 'rate_limit.burst');
      if (burst < 0) r.fail(val, 'rate_limit.burst must not be negative');
    } else if (val !== null && yamlLib().isScalar(val) && typeof val.value === 'number') {
      // yaml.v2 reads a bare integer into a time.Duration as nanoseconds.
      if (!Number.isInteger(val.value) || val.value < 0) r.fail(val, 'rate_limit.interval must be a duration such as "1s" or 0');
      intervalMs = val.value / 1e6;
    } else {
      const text = r.string(val, 'rate_limit.interval');
      if (text !== undefined) {
        let ms: number | undefined;
        try {
          ms = parseGoDuration(text);
        } catch {
          ms = undefined;
        }
        if (ms === undefined || ms < 0) r.fail(val, `rate_limit.interval '${text}' is not a duration; write it like "1s", "500ms" or "1m30s" (0 disables)`);
        intervalMs = ms;
      }
    }
  }
  return intervalMs > 0 ? { intervalMs, burst } : undefined;
}

/** Parses and validates the text of a web config file. `file` anchors relative paths and messages. */
export function parseWebConfig(text: string, file: string): WebConfig {
  const r = new Reader(text);
  const config: WebConfig = { file, http2: true, headers: {}, users: new Map() };
  for (const [key, val] of r.mapping(r.resolve(r.doc.contents), 'the file', TOP_KEYS)) {
    if (key === 'tls_server_config') {
      config.tls = parseTls(r, val, dirname(file));
    } else if (key === 'http_server_config') {
      for (const [k, v] of r.mapping(val, 'http_server_config', HTTP_KEYS)) {
        if (k === 'http2') config.http2 = r.bool(v, 'http_server_config.http2', true);
        else config.headers = parseHeaders(r, v);
      }
    } else if (key === 'basic_auth_users') {
      config.users = parseUsers(r, val);
    } else {
      config.rateLimit = parseRateLimit(r, val);
    }
  }
  // Go's net/http refuses to start HTTP/2 over TLS 1.2 without one of these two suites.
  const tls = config.tls;
  if (tls && config.http2 && tls.cipherSuites.length > 0 && tls.minVersion !== 'TLS13'
    && !tls.cipherSuites.some((c) => c === 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256' || c === 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256')) {
    throw new WebConfigError(`${FLAG}: cipher_suites lacks the suite HTTP/2 requires; add TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 `
      + '(or TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256), or set http_server_config.http2: false');
  }
  return config;
}

/** Why a file could not be read, in words (node's message for the unusual cases). */
export function fileReadReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
}

/** Reads the file text; a missing or unreadable file is a WebConfigError naming the path. */
export function readWebConfigText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new WebConfigError(`${FLAG}: cannot read '${file}': ${fileReadReason(err)}; check the path and its permissions`);
  }
}
