/**
 * mysqld_exporter's configuration model, as pure functions: a my.cnf text (plus the
 * --mysqld.* flags and MYSQLD_EXPORTER_PASSWORD) becomes a set of auth modules, one per section;
 * an auth module plus an optional probe target becomes the endpoint to connect to.
 * File reading happens in the caller, so every rule here is unit-testable.
 */

import { createHash } from 'node:crypto';
import { MyCnfError, parseMyCnf, type CnfEntry, type CnfSections } from './my-cnf.js';

/** `$VAR` and `${VAR}` expand from the environment in every value (unset → empty), as os.ExpandEnv. */
export function expandEnv(value: string, env: Readonly<Record<string, string | undefined>>): string {
  return value.replace(/\$\{([^}]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, braced: string | undefined, bare: string | undefined) => env[braced ?? bare ?? ''] ?? '');
}

export interface AuthModule {
  readonly name: string;
  readonly user: string;
  readonly password: string;
  readonly host?: string;
  readonly port?: number;
  readonly socket?: string;
  readonly sslCa?: string;
  readonly sslCert?: string;
  readonly sslKey?: string;
  /** go-sql-driver's tls= value: true, false, skip-verify, preferred. */
  readonly tls?: string;
  readonly sslSkipVerification: boolean;
  readonly tlsServerName?: string;
  readonly tlsMinVersion?: string;
  readonly tlsMaxVersion?: string;
  readonly enableCleartextPlugin: boolean;
}

export interface ResolveOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** --mysqld.address: host[:port] or unix:///path; fills [client] when the file does not set it. */
  readonly address: string;
  /** --mysqld.username: fills [client] user when the file does not set it. */
  readonly username: string;
  /**
   * DATA_SOURCE_NAME (mysqld_exporter 0.14), already parsed: when given it is [client], ahead of
   * the file's [client] and of the flags.
   */
  readonly dataSource?: AuthModule;
  /** Why a file named by ssl-ca/ssl-cert/ssl-key cannot be used, or undefined when it can. */
  readonly fileProblem?: (path: string) => string | undefined;
}

export interface ResolvedModules {
  readonly modules: Map<string, AuthModule>;
  /** Sections that were skipped, one line each (logged by the caller). */
  readonly problems: string[];
}

/** go-ini's booleans (mysqld_exporter maps ssl-skip-verfication with it), in any case. */
const BOOLEAN = /^(1|0|t|f|y|n|true|false|yes|no|on|off)$/i;
const TRUE = /^(1|t|y|true|yes|on)$/i;
/** go-sql-driver's tls= values (a registered config name is not possible from a file). */
const TLS_MODES = /^(1|0|true|false|skip-verify|preferred)$/i;

/**
 * Turns the option file into auth modules. Like mysqld_exporter: `[client] password` defaults to
 * $MYSQLD_EXPORTER_PASSWORD, the file wins over flags and environment, `[client.NAME]` inherits
 * what it does not set from `[client]`, and a section without a user is skipped. Unlike it, a bad
 * value throws MyCnfError with its line, so it stops the start-up instead of every scrape.
 */
export function resolveAuthModules(cnf: string | CnfSections | undefined, opts: ResolveOptions): ResolvedModules {
  const sections: CnfSections = cnf === undefined ? new Map() : typeof cnf === 'string' ? parseMyCnf(cnf) : new Map(cnf);
  sections.delete('DEFAULT');
  const flagEntry = (value: string): CnfEntry => ({ value, line: 0 });
  const client = new Map<string, CnfEntry>([['password', flagEntry('${MYSQLD_EXPORTER_PASSWORD}')]]);
  for (const [k, v] of sections.get('client')?.entries ?? []) client.set(k, v);
  const address = opts.address.trim() === '' ? undefined : parseMysqlAddress(opts.address.trim());
  // Like mysqld_exporter, the flag fills [client]'s host and port where the file leaves them unset
  // or empty, each on its own; a socket in the file wins over both. A socket given as the flag
  // (our extension) is used only when the file names no host, port or socket.
  const fileSets = (k: string): boolean => (client.get(k)?.value ?? '') !== '';
  if (address && 'socket' in address) {
    if (!fileSets('host') && !fileSets('port') && !fileSets('socket')) client.set('socket', flagEntry(address.socket));
  } else if (address && !fileSets('socket')) {
    if (!fileSets('host')) client.set('host', flagEntry(address.host));
    if (!fileSets('port')) client.set('port', flagEntry(String(address.port)));
  }
  if (!client.get('user')?.value && opts.username) client.set('user', flagEntry(opts.username));
  sections.set('client', { name: 'client', line: sections.get('client')?.line ?? 0, entries: client });

  const modules = new Map<string, AuthModule>();
  const problems: string[] = [];
  for (const name of sections.keys()) {
    const merged = new Map<string, CnfEntry>();
    for (const ancestor of lineage(name)) {
      for (const [k, v] of sections.get(ancestor)?.entries ?? []) merged.set(k, v);
    }
    const module = toAuthModule(name, merged, opts);
    if (typeof module === 'string') problems.push(module);
    else modules.set(name, module);
  }
  if (opts.dataSource) modules.set('client', opts.dataSource);
  return { modules, problems };
}

/** One section's merged keys → an auth module, or why the section is skipped. */
function toAuthModule(name: string, merged: ReadonlyMap<string, CnfEntry>, opts: ResolveOptions): AuthModule | string {
  const get = (k: string): string | undefined => {
    const v = merged.get(k);
    return v === undefined ? undefined : expandEnv(v.value, opts.env);
  };
  const fail = (k: string, fix: string): never => {
    const entry = merged.get(k);
    const shown = k === 'password' ? '' : ` ${JSON.stringify(get(k))}`;
    const where = entry && entry.line > 0 ? `[${name}] ${k}${shown}` : `${k}${shown} (from the flags, for [${name}])`;
    throw new MyCnfError(entry && entry.line > 0 ? entry.line : undefined, `${where}: ${fix}`);
  };
  const user = get('user');
  if (!user) return `section [${name}]: no user set (add user=... to the section or its parent)`;
  const portText = get('port');
  const port = portText ? Number(portText) : undefined;
  if (port !== undefined && (!/^\d+$/.test(portText ?? '') || port <= 0 || port > 65535)) fail('port', 'not a TCP port; use a number from 1 to 65535');
  const tls = get('tls') || undefined;
  if (tls !== undefined && !TLS_MODES.test(tls)) fail('tls', 'use true, false, skip-verify or preferred');
  for (const k of ['ssl-skip-verfication', 'ssl-skip-verification', 'enable-cleartext-plugin']) {
    const v = get(k);
    if (v !== undefined && !BOOLEAN.test(v)) fail(k, 'use true or false');
  }
  for (const k of ['tls-min-version', 'tls-max-version']) {
    const v = get(k);
    if (v !== undefined && !TLS_VERSION_NAMES.includes(v)) fail(k, `use one of ${TLS_VERSION_NAMES.filter((n) => n !== 'TLSv1').join(', ')}`);
  }
  for (const k of ['ssl-ca', 'ssl-cert', 'ssl-key']) {
    const path = get(k);
    const problem = path && opts.fileProblem?.(path);
    if (problem) fail(k, problem);
  }
  const module: AuthModule = {
    name,
    user,
    password: get('password') ?? '',
    host: get('host') || undefined,
    port,
    socket: get('socket') || undefined,
    sslCa: get('ssl-ca') || undefined,
    sslCert: get('ssl-cert') || undefined,
    sslKey: get('ssl-key') || undefined,
    tls,
    // mysqld_exporter spells this key "ssl-skip-verfication"; accept both spellings.
    sslSkipVerification: TRUE.test(get('ssl-skip-verfication') ?? get('ssl-skip-verification') ?? ''),
    tlsServerName: get('tls-server-name') || undefined,
    tlsMinVersion: get('tls-min-version') || undefined,
    tlsMaxVersion: get('tls-max-version') || undefined,
    enableCleartextPlugin: TRUE.test(get('enable-cleartext-plugin') ?? ''),
  };
  try {
    endpointFor(module, undefined, false);
  } catch (err) {
    if (err instanceof TargetError) throw new MyCnfError(merged.get('tls-min-version')?.line, err.message);
    throw err;
  }
  return module;
}

/** `client.a.b` inherits from `client.a`, which inherits from `client`: ancestors first. */
function lineage(name: string): string[] {
  const parts = name.split('.');
  const out: string[] = [];
  for (let i = 1; i <= parts.length; i++) out.push(parts.slice(0, i).join('.'));
  return out;
}

export type MysqlAddress = { readonly host: string; readonly port: number } | { readonly socket: string };

const DEFAULT_PORT = 3306;

/**
 * An address as go-sql-driver reads it: `unix:///path`, `host:port`, `[v6]:port`, or a host
 * without a port, which means that host on 3306. Anything else throws: falling back to another
 * server would report `mysql_up 1` for the wrong one.
 */
export function parseMysqlAddress(text: string): MysqlAddress {
  const bad = (why: string): never => {
    throw new TargetError(`address ${JSON.stringify(text)}: ${why}; use host, host:port, [ipv6]:port or unix:///path/to/mysqld.sock`);
  };
  if (text.startsWith('unix://')) {
    const socket = text.slice('unix://'.length);
    return socket.startsWith('/') ? { socket } : bad('the socket path must be absolute');
  }
  if (text === '' || /[\s/@?#]/.test(text)) bad('not a host name');
  let host: string;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(text);
  if (bracketed) {
    host = bracketed[1];
    portText = bracketed[2];
  } else if ((text.match(/:/g) ?? []).length > 1) {
    host = text; // a bare IPv6 address: the driver adds the port
  } else {
    const colon = text.indexOf(':');
    host = colon < 0 ? text : text.slice(0, colon);
    portText = colon < 0 ? undefined : text.slice(colon + 1);
  }
  if (text.includes('[') && !bracketed) bad('unbalanced brackets');
  const port = portText === undefined ? DEFAULT_PORT : Number(portText);
  if (portText !== undefined && (!/^\d+$/.test(portText) || port < 1 || port > 65535)) bad('the port must be a number from 1 to 65535');
  return { host: host === '' ? '127.0.0.1' : host, port };
}

/** Where and how to connect: what mysql2 needs, minus file contents (read by the caller). */
export interface Endpoint {
  readonly host?: string;
  readonly port?: number;
  readonly socketPath?: string;
  readonly user: string;
  readonly password: string;
  readonly tls?: TlsSettings;
  readonly cleartextPassword: boolean;
}

export interface TlsSettings {
  readonly caFile?: string;
  readonly certFile?: string;
  readonly keyFile?: string;
  readonly rejectUnauthorized: boolean;
  readonly serverName?: string;
  readonly minVersion?: string;
  readonly maxVersion?: string;
  /** tls=preferred: a server without TLS is still used, in plain text. */
  readonly fallbackToPlaintext: boolean;
}

export class TargetError extends Error {
  override readonly name = 'TargetError';
}

const TLS_VERSION_NAMES = ['TLSv1.0', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

function tlsVersion(v: string | undefined, what: string, module: string): string | undefined {
  if (v === undefined) return undefined;
  const normalized = v === 'TLSv1.0' ? 'TLSv1' : v;
  if (!TLS_VERSION_NAMES.includes(normalized)) throw new TargetError(`section [${module}]: ${what} ${JSON.stringify(v)} must be one of TLSv1.0, TLSv1.1, TLSv1.2, TLSv1.3`);
  return normalized;
}

/**
 * The endpoint for an auth module and an optional probe target (parsed by parseMysqlAddress, so
 * a target without a port means 3306). TLS follows go-sql-driver's meaning of `tls`: `true`
 * verifies, `skip-verify` does not, `preferred` does not and falls back to plain text when the
 * server has no TLS. ssl-skip-verfication=true alone also means TLS without verification, as
 * in mysqld_exporter (which then sets tls=skip-verify). Client certificates work with or without
 * ssl-ca (mysqld_exporter loads them only with a CA).
 */
export function endpointFor(module: AuthModule, target: string | undefined, insecureSkipVerify: boolean): Endpoint {
  let host: string | undefined;
  let port: number | undefined;
  let socketPath: string | undefined;
  if (target !== undefined) {
    const address = parseMysqlAddress(target);
    if ('socket' in address) socketPath = address.socket;
    else ({ host, port } = address);
  } else if (module.socket) {
    socketPath = module.socket;
  } else {
    host = module.host ?? '127.0.0.1';
    port = module.port ?? 3306;
  }

  const minVersion = tlsVersion(module.tlsMinVersion, 'tls-min-version', module.name);
  const maxVersion = tlsVersion(module.tlsMaxVersion, 'tls-max-version', module.name);
  if (minVersion && maxVersion && minVersion > maxVersion) {
    throw new TargetError(`section [${module.name}]: tls-min-version ${module.tlsMinVersion} is above tls-max-version ${module.tlsMaxVersion}`);
  }
  const mode = ({ '1': 'true', '0': 'false' } as Record<string, string>)[module.tls ?? ''] ?? (module.tls ?? '').toLowerCase();
  const custom = Boolean(module.sslCa || module.sslCert || module.sslKey || module.tlsServerName || minVersion || maxVersion);
  const wantTls = insecureSkipVerify || module.sslSkipVerification || custom || mode === 'true' || mode === 'skip-verify' || mode === 'preferred';
  let tls: TlsSettings | undefined;
  if (wantTls && mode !== 'false') {
    const skip = insecureSkipVerify || module.sslSkipVerification || mode === 'skip-verify' || mode === 'preferred';
    tls = {
      caFile: module.sslCa,
      certFile: module.sslCert,
      keyFile: module.sslKey,
      rejectUnauthorized: !skip,
      serverName: module.tlsServerName,
      minVersion,
      maxVersion,
      fallbackToPlaintext: mode === 'preferred',
    };
  }
  return { host, port, socketPath, user: module.user, password: module.password, tls, cleartextPassword: module.enableCleartextPlugin };
}

/**
 * The identity of a connection pool: everything that decides which server, as whom, and how.
 * /metrics and a /probe of the same server with the same credentials share one pool, so the
 * exporter's connection budget holds per server. The password enters only hashed.
 */
export function endpointKey(endpoint: Endpoint): string {
  const { password, ...rest } = endpoint;
  return createHash('sha256').update(JSON.stringify(rest)).update('\u0000').update(password).digest('hex');
}
