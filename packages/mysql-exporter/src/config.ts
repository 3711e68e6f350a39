/**
 * mysqld_exporter's configuration model, as pure functions: a my.cnf text (plus the
 * --mysqld.* flags and MYSQLD_EXPORTER_PASSWORD) becomes a set of auth modules, one per section;
 * an auth module plus an optional probe target becomes the endpoint to connect to.
 * File reading happens in the caller, so every rule here is unit-testable.
 */

export type RawSections = Map<string, Map<string, string>>;

/**
 * Parses an option file the way mysqld_exporter's go-ini settings read it: `key = value` or a
 * bare `key` (boolean true), `#`/`;` comments only at line start (a `#` inside a password is
 * kept), surrounding quotes removed. `!include` directives are ignored. `ssl_ca` and `ssl-ca`
 * are the same key, as in MySQL's own option files.
 */
export function parseMyCnf(text: string): RawSections {
  const sections: RawSections = new Map();
  let current: Map<string, string> | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';') || line.startsWith('!')) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      const name = header[1].trim();
      current = sections.get(name) ?? new Map();
      sections.set(name, current);
      continue;
    }
    if (!current) {
      current = sections.get('DEFAULT') ?? new Map();
      sections.set('DEFAULT', current);
    }
    const eq = line.indexOf('=');
    const key = normalizeKey(eq < 0 ? line : line.slice(0, eq));
    const value = eq < 0 ? 'true' : unquote(line.slice(eq + 1).trim());
    current.set(key, value);
  }
  return sections;
}

function normalizeKey(key: string): string {
  return key.trim().toLowerCase().replace(/_/g, '-');
}

function unquote(v: string): string {
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1).replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1);
  return v;
}

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
  /** --mysqld.address: host:port or unix:///path; fills [client] when the file does not set it. */
  readonly address: string;
  /** --mysqld.username: fills [client] user when the file does not set it. */
  readonly username: string;
}

export interface ResolvedModules {
  readonly modules: Map<string, AuthModule>;
  /** Sections that were skipped, one line each (logged by the caller). */
  readonly problems: string[];
}

const TRUE = /^(1|true|yes|on)$/i;

/**
 * Turns the option file into auth modules. Like mysqld_exporter: `[client] password` defaults to
 * $MYSQLD_EXPORTER_PASSWORD, the file wins over flags and environment, `[client.NAME]` inherits
 * what it does not set from `[client]`, and a section without a user is skipped.
 */
export function resolveAuthModules(cnfText: string | undefined, opts: ResolveOptions): ResolvedModules {
  const sections = cnfText === undefined ? new Map() : parseMyCnf(cnfText);
  sections.delete('DEFAULT');
  const client = new Map<string, string>([['password', '${MYSQLD_EXPORTER_PASSWORD}']]);
  for (const [k, v] of sections.get('client') ?? []) client.set(k, v);
  if (!client.has('host') && !client.has('socket') && !client.has('port')) {
    const addr = opts.address.trim();
    if (addr.startsWith('unix://')) client.set('socket', addr.slice('unix://'.length));
    else if (addr !== '') {
      const hp = splitHostPort(addr);
      if (hp) {
        client.set('host', hp.host);
        client.set('port', String(hp.port));
      }
    }
  }
  if (!client.get('user') && opts.username) client.set('user', opts.username);
  sections.set('client', client);

  const modules = new Map<string, AuthModule>();
  const problems: string[] = [];
  for (const name of sections.keys()) {
    const merged = new Map<string, string>();
    for (const ancestor of lineage(name)) {
      for (const [k, v] of sections.get(ancestor) ?? []) merged.set(k, v);
    }
    const get = (k: string): string | undefined => {
      const v = merged.get(k);
      return v === undefined ? undefined : expandEnv(v, opts.env);
    };
    const user = get('user');
    if (!user) {
      problems.push(`section [${name}]: no user set (add user=... to the section or its parent)`);
      continue;
    }
    const portText = get('port');
    const port = portText ? Number(portText) : undefined;
    if (port !== undefined && (!Number.isInteger(port) || port <= 0 || port > 65535)) {
      problems.push(`section [${name}]: port ${JSON.stringify(portText)} is not a TCP port`);
      continue;
    }
    modules.set(name, {
      name,
      user,
      password: get('password') ?? '',
      host: get('host') || undefined,
      port,
      socket: get('socket') || undefined,
      sslCa: get('ssl-ca') || undefined,
      sslCert: get('ssl-cert') || undefined,
      sslKey: get('ssl-key') || undefined,
      tls: get('tls') || undefined,
      // mysqld_exporter spells this key "ssl-skip-verfication"; accept both spellings.
      sslSkipVerification: TRUE.test(get('ssl-skip-verfication') ?? get('ssl-skip-verification') ?? ''),
      tlsServerName: get('tls-server-name') || undefined,
      tlsMinVersion: get('tls-min-version') || undefined,
      tlsMaxVersion: get('tls-max-version') || undefined,
      enableCleartextPlugin: TRUE.test(get('enable-cleartext-plugin') ?? ''),
    });
  }
  return { modules, problems };
}

/** `client.a.b` inherits from `client.a`, which inherits from `client`: ancestors first. */
function lineage(name: string): string[] {
  const parts = name.split('.');
  const out: string[] = [];
  for (let i = 1; i <= parts.length; i++) out.push(parts.slice(0, i).join('.'));
  return out;
}

export function splitHostPort(text: string): { host: string; port: number } | undefined {
  const m = /^\[([^\]]+)\]:(\d+)$/.exec(text) ?? /^([^:]*):(\d+)$/.exec(text);
  if (!m) return undefined;
  const port = Number(m[2]);
  if (port <= 0 || port > 65535) return undefined;
  return { host: m[1], port };
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
}

export class TargetError extends Error {
  override readonly name = 'TargetError';
}

const TLS_VERSIONS = new Set(['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']);

function tlsVersion(v: string | undefined, what: string, module: string): string | undefined {
  if (v === undefined) return undefined;
  const normalized = v === 'TLSv1.0' ? 'TLSv1' : v;
  if (!TLS_VERSIONS.has(normalized)) throw new TargetError(`section [${module}]: ${what} ${JSON.stringify(v)} must be one of TLSv1.0, TLSv1.1, TLSv1.2, TLSv1.3`);
  return normalized;
}

/**
 * The endpoint for an auth module and an optional probe target (`host:port` or `unix:///path`;
 * the port is required, as in mysqld_exporter). TLS follows go-sql-driver's meaning of `tls`, and
 * client certificates work with or without ssl-ca (mysqld_exporter loads them only with a CA).
 */
export function endpointFor(module: AuthModule, target: string | undefined, insecureSkipVerify: boolean): Endpoint {
  let host: string | undefined;
  let port: number | undefined;
  let socketPath: string | undefined;
  if (target !== undefined) {
    if (target.startsWith('unix://')) {
      socketPath = target.slice('unix://'.length);
      if (!socketPath) throw new TargetError(`target ${JSON.stringify(target)}: empty socket path`);
    } else {
      const hp = splitHostPort(target);
      if (!hp) throw new TargetError(`target ${JSON.stringify(target)}: expected host:port or unix:///path/to/socket`);
      host = hp.host;
      port = hp.port;
    }
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
  const mode = (module.tls ?? '').toLowerCase();
  const custom = Boolean(module.sslCa || module.sslCert || module.sslKey || module.tlsServerName || minVersion || maxVersion);
  const wantTls = insecureSkipVerify || custom || mode === 'true' || mode === 'skip-verify' || mode === 'preferred';
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
    };
  }
  return { host, port, socketPath, user: module.user, password: module.password, tls, cleartextPassword: module.enableCleartextPlugin };
}

/** A stable key for one endpoint (pool per endpoint); never contains the password itself. */
export function endpointKey(moduleName: string, target: string | undefined): string {
  return `${moduleName}\u0000${target ?? ''}`;
}
