import { describe, expect, it } from 'vitest';
import { endpointFor, endpointKey, expandEnv, parseMysqlAddress, resolveAuthModules, TargetError, type AuthModule, type ResolveOptions } from '../src/config.js';
import { MyCnfError, parseMyCnf, type CnfSections } from '../src/my-cnf.js';

const NO_FLAGS = { env: {}, address: 'localhost:3306', username: '' };

/** The MyCnfError that resolving `cnf` throws (any other outcome fails the test). */
function error(cnf: Parameters<typeof resolveAuthModules>[0], opts: ResolveOptions = NO_FLAGS): MyCnfError {
  try {
    resolveAuthModules(cnf, opts);
  } catch (err) {
    if (err instanceof MyCnfError) return err;
    throw err;
  }
  throw new Error('no error');
}

/** The [client] auth module of `cnf`, which must resolve. */
function client(cnf: string, opts: ResolveOptions = NO_FLAGS): AuthModule | undefined {
  return resolveAuthModules(cnf, opts).modules.get('client');
}

/** The TargetError message parseMysqlAddress throws for `text`. */
function addressError(text: string): string {
  try {
    parseMysqlAddress(text);
  } catch (err) {
    if (err instanceof TargetError) return err.message;
    throw err;
  }
  throw new Error(`no error for ${text}`);
}

describe('parseMyCnf', () => {
  it('reads sections, bare keys, quotes, and keeps # inside values', () => {
    const s = parseMyCnf([
      '# comment', '[client]', 'user = exporter', 'password = "pa#ss w\\"ord"', 'ssl_ca=/etc/ca.pem', 'enable-cleartext-plugin', '; other comment',
      '[client.servers]', "password='x'", '!includedir /etc/mysql/conf.d/',
    ].join('\n'));
    const values = (name: string) => Object.fromEntries([...(s.get(name)?.entries ?? [])].map(([k, e]) => [k, e.value]));
    expect(values('client')).toEqual({ user: 'exporter', password: 'pa#ss w"ord', 'ssl-ca': '/etc/ca.pem', 'enable-cleartext-plugin': 'true' });
    expect(values('client.servers')).toEqual({ password: 'x' });
    expect(s.get('client.servers')?.entries.get('password')?.line).toBe(9);
  });
  it('expands $VAR and ${VAR}', () => {
    expect(expandEnv('${A}-$B-$MISSING.', { A: '1', B: '2' })).toBe('1-2-.');
  });
});

describe('resolveAuthModules', () => {
  it('makes every section an auth module; children inherit from [client]', () => {
    const { modules, problems } = resolveAuthModules('[client]\nuser=root\npassword=abc\nhost=db\n[client.servers]\nuser=probe\n[client_tls]\nuser=t\n', NO_FLAGS);
    expect(problems).toEqual([]);
    expect([...modules.keys()].sort()).toEqual(['client', 'client.servers', 'client_tls']);
    expect(modules.get('client.servers')).toMatchObject({ user: 'probe', password: 'abc', host: 'db' });
    expect(modules.get('client_tls')).toMatchObject({ user: 't', password: '' });
  });
  it('takes the password from MYSQLD_EXPORTER_PASSWORD unless the file sets one', () => {
    const env = { MYSQLD_EXPORTER_PASSWORD: 'from-env' };
    expect(resolveAuthModules('[client]\nuser=a\n', { ...NO_FLAGS, env }).modules.get('client')?.password).toBe('from-env');
    expect(resolveAuthModules('[client]\nuser=a\npassword=file\n', { ...NO_FLAGS, env }).modules.get('client')?.password).toBe('file');
    expect(resolveAuthModules(undefined, { env, address: 'localhost:3306', username: 'flag' }).modules.get('client')).toMatchObject({ user: 'flag', password: 'from-env' });
  });
  it('lets the file win over --mysqld.address and --mysqld.username', () => {
    const flags = { env: {}, address: 'flaghost:3307', username: 'flaguser' };
    expect(resolveAuthModules('[client]\nuser=fileuser\nhost=filehost\n', flags).modules.get('client')).toMatchObject({ user: 'fileuser', host: 'filehost', port: 3307 });
    expect(resolveAuthModules(undefined, flags).modules.get('client')).toMatchObject({ user: 'flaguser', host: 'flaghost', port: 3307 });
    expect(resolveAuthModules(undefined, { env: {}, address: 'unix:///run/mysqld/mysqld.sock', username: 'u' }).modules.get('client')?.socket).toBe('/run/mysqld/mysqld.sock');
  });
  it('skips sections without a user, saying why', () => {
    const r = resolveAuthModules('[client]\npassword=x\n[client.a]\nuser=a\n', NO_FLAGS);
    expect([...r.modules.keys()]).toEqual(['client.a']);
    expect(r.problems).toEqual(['section [client]: no user set (add user=... to the section or its parent)']);
  });
  it('rejects a bad value with its line instead of failing at every scrape', () => {
    expect(error('[client]\nuser=a\ntls=maybe\n')).toMatchObject({ line: 3, message: '[client] tls "maybe": use true, false, skip-verify or preferred' });
    expect(error('[client]\nuser=a\n[client.b]\nport=99999\n')).toMatchObject({ line: 4, message: expect.stringMatching(/^\[client\.b\] port "99999": not a TCP port/) });
    expect(error('[client]\nuser=a\nport=33o6\n').line).toBe(3);
    expect(error('[client]\nuser=a\nenable-cleartext-plugin=sometimes\n').line).toBe(3);
    expect(error('[client]\nuser=a\ntls-min-version=TLS1.2\n').line).toBe(3);
    expect(error('[client]\nuser=a\ntls-min-version=TLSv1.3\ntls-max-version=TLSv1.2\n').message).toMatch(/above tls-max-version/);
    expect(resolveAuthModules('[client]\nuser=a\ntls=1\n', NO_FLAGS).modules.get('client')?.tls).toBe('1');
  });
  it('reports an ssl file the exporter cannot read, at its line', () => {
    const fileProblem = (p: string) => (p === '/missing.pem' ? 'cannot read /missing.pem (ENOENT); fix the path' : undefined);
    expect(() => resolveAuthModules('[client]\nuser=a\nssl-ca=/missing.pem\n', { ...NO_FLAGS, fileProblem })).toThrow(/ssl-ca "\/missing.pem": cannot read/);
    expect(resolveAuthModules('[client]\nuser=a\nssl-ca=/ok.pem\n', { ...NO_FLAGS, fileProblem }).modules.get('client')?.sslCa).toBe('/ok.pem');
  });
  it('takes a host without a port from --mysqld.address as that host on 3306, never another server', () => {
    expect(resolveAuthModules(undefined, { env: {}, address: 'db.internal', username: 'u' }).modules.get('client')).toMatchObject({ host: 'db.internal', port: 3306 });
    expect(endpointFor(resolveAuthModules(undefined, { env: {}, address: 'db.internal', username: 'u' }).modules.get('client') as AuthModule, undefined, false))
      .toMatchObject({ host: 'db.internal', port: 3306 });
    expect(() => resolveAuthModules(undefined, { env: {}, address: 'db.internal:mysql', username: 'u' })).toThrow(TargetError);
  });
});

describe('resolveAuthModules: sections and flags', () => {
  it('takes already parsed sections as well as text', () => {
    const sections = parseMyCnf('[client]\nuser=a\n[client.b]\nhost=db\n');
    const { modules } = resolveAuthModules(sections, NO_FLAGS);
    expect(modules.get('client.b')).toMatchObject({ user: 'a', host: 'db' });
    expect([...sections.get('client')?.entries.keys() ?? []]).toEqual(['user']);
  });
  it('reads keys above the first section into no auth module and into no parent (go-ini DEFAULT)', () => {
    const r = resolveAuthModules('user=x\n[client]\npassword=p\n', NO_FLAGS);
    expect([...r.modules.keys()]).toEqual([]);
    expect(r.problems).toEqual(['section [client]: no user set (add user=... to the section or its parent)']);
  });
  it('lets [client.a.b] inherit from [client.a] and [client], also when [client.a] is missing (go-ini)', () => {
    const { modules } = resolveAuthModules('[client]\nuser=u\npassword=p\n[client.a]\npassword=q\n[client.a.b]\nhost=db\n[client.c.d]\nhost=dd\n', NO_FLAGS);
    expect(modules.get('client.a.b')).toMatchObject({ user: 'u', password: 'q', host: 'db' });
    expect(modules.get('client.c.d')).toMatchObject({ user: 'u', password: 'p', host: 'dd' });
  });
  it('treats an empty --mysqld.address as not given and trims the one given', () => {
    expect(client('[client]\nuser=a\n', { ...NO_FLAGS, address: '' })).toMatchObject({ host: undefined, port: undefined, socket: undefined });
    expect(client('[client]\nuser=a\n', { ...NO_FLAGS, address: '  ' })).toMatchObject({ host: undefined, port: undefined, socket: undefined });
    expect(client('[client]\nuser=a\n', { ...NO_FLAGS, address: ' db:3307 ' })).toMatchObject({ host: 'db', port: 3307 });
  });
  it('fills host and port from --mysqld.address each on its own, as mysqld_exporter does; a socket in the file wins', () => {
    const flags = { ...NO_FLAGS, address: 'flaghost:3307' };
    expect(client('[client]\nuser=a\nport=3308\n', flags)).toMatchObject({ host: 'flaghost', port: 3308, socket: undefined });
    expect(client('[client]\nuser=a\nhost=\nport=\n', flags)).toMatchObject({ host: 'flaghost', port: 3307 });
    expect(client('[client]\nuser=a\nhost=filehost\nport=3308\n', flags)).toMatchObject({ host: 'filehost', port: 3308 });
    expect(client('[client]\nuser=a\nsocket=/s.sock\n', flags)).toMatchObject({ host: undefined, port: undefined, socket: '/s.sock' });
    expect(client('[client]\nuser=a\nsocket=\n', flags)).toMatchObject({ host: 'flaghost', port: 3307, socket: undefined });
    // [client.b] inherits what the flag filled in [client].
    expect(resolveAuthModules('[client]\nuser=a\n[client.b]\nport=3309\n', flags).modules.get('client.b')).toMatchObject({ host: 'flaghost', port: 3309 });
  });
  it('uses a socket given as --mysqld.address only when the file names no host, port or socket', () => {
    const flags = { ...NO_FLAGS, address: 'unix:///run/mysqld/mysqld.sock' };
    expect(client('[client]\nuser=a\n', flags)).toMatchObject({ host: undefined, port: undefined, socket: '/run/mysqld/mysqld.sock' });
    expect(client('[client]\nuser=a\nhost=db\n', flags)).toMatchObject({ host: 'db', port: undefined, socket: undefined });
    expect(client('[client]\nuser=a\nport=3308\n', flags)).toMatchObject({ host: undefined, port: 3308, socket: undefined });
    expect(client('[client]\nuser=a\nsocket=/s.sock\n', flags)).toMatchObject({ socket: '/s.sock' });
  });
  it('makes DATA_SOURCE_NAME [client], ahead of the file; the other sections still inherit from the file', () => {
    const dataSource: AuthModule = { name: 'client', user: 'dsn', password: 'd', host: 'dsnhost', sslSkipVerification: false, enableCleartextPlugin: false };
    const { modules } = resolveAuthModules('[client]\nuser=file\npassword=f\n[client.b]\nhost=b\n', { ...NO_FLAGS, dataSource });
    expect([...modules.keys()].sort()).toEqual(['client', 'client.b']);
    expect(modules.get('client')).toBe(dataSource);
    expect(modules.get('client.b')).toMatchObject({ user: 'file', password: 'f', host: 'b' });
  });
});

describe('resolveAuthModules: values', () => {
  it('maps every key of a section', () => {
    const cnf = [
      '[client]', 'user=u', 'password=p', 'host=db', 'port=3307', 'socket=/s.sock', 'ssl-ca=/ca.pem', 'ssl-cert=/cert.pem', 'ssl-key=/key.pem',
      'tls=skip-verify', 'ssl-skip-verfication=true', 'tls-server-name=db.internal', 'tls-min-version=TLSv1.2', 'tls-max-version=TLSv1.3', 'enable-cleartext-plugin',
    ].join('\n');
    expect(client(cnf)).toEqual({
      name: 'client', user: 'u', password: 'p', host: 'db', port: 3307, socket: '/s.sock', sslCa: '/ca.pem', sslCert: '/cert.pem', sslKey: '/key.pem',
      tls: 'skip-verify', sslSkipVerification: true, tlsServerName: 'db.internal', tlsMinVersion: 'TLSv1.2', tlsMaxVersion: 'TLSv1.3', enableCleartextPlugin: true,
    });
  });
  it('takes an empty value as not set', () => {
    expect(client('[client]\nuser=u\nhost=\nport=\nsocket=\nssl-ca=\nssl-cert=\nssl-key=\ntls=\ntls-server-name=\n', { ...NO_FLAGS, address: '' })).toEqual({ name: 'client', user: 'u', password: '', sslSkipVerification: false, enableCleartextPlugin: false });
  });
  it('reads ssl-skip-verfication (sic, as mysqld_exporter) and ssl-skip-verification, with go-ini booleans', () => {
    expect(client('[client]\nuser=u\nssl-skip-verfication=true\n')?.sslSkipVerification).toBe(true);
    expect(client('[client]\nuser=u\nssl-skip-verification=true\n')?.sslSkipVerification).toBe(true);
    expect(client('[client]\nuser=u\nssl-skip-verfication=y\n')?.sslSkipVerification).toBe(true);
    expect(client('[client]\nuser=u\nssl-skip-verfication=T\n')?.sslSkipVerification).toBe(true);
    expect(client('[client]\nuser=u\nssl-skip-verfication=n\n')?.sslSkipVerification).toBe(false);
    expect(client('[client]\nuser=u\nssl-skip-verfication=off\n')?.sslSkipVerification).toBe(false);
    expect(client('[client]\nuser=u\n')?.sslSkipVerification).toBe(false);
    expect(client('[client]\nuser=u\nenable-cleartext-plugin=on\n')?.enableCleartextPlugin).toBe(true);
    expect(client('[client]\nuser=u\nenable-cleartext-plugin=0\n')?.enableCleartextPlugin).toBe(false);
  });
  it('gives ssl-skip-verfication=true alone TLS without verification, as mysqld_exporter does', () => {
    const m = client('[client]\nuser=u\nssl-skip-verfication=true\n') as AuthModule;
    expect(endpointFor(m, undefined, false).tls).toEqual({
      caFile: undefined, certFile: undefined, keyFile: undefined, rejectUnauthorized: false, serverName: undefined, minVersion: undefined, maxVersion: undefined, fallbackToPlaintext: false,
    });
    expect(endpointFor({ ...m, tls: 'false' }, undefined, false).tls).toBeUndefined();
  });
  it('accepts ports 1 and 65535 and TLS versions from TLSv1.0 to TLSv1.3', () => {
    expect(client('[client]\nuser=u\nport=1\n')?.port).toBe(1);
    expect(client('[client]\nuser=u\nport=65535\n')?.port).toBe(65535);
    const m = client('[client]\nuser=u\ntls-min-version=TLSv1.0\ntls-max-version=TLSv1.1\n') as AuthModule;
    expect(m).toMatchObject({ tlsMinVersion: 'TLSv1.0', tlsMaxVersion: 'TLSv1.1' });
    expect(endpointFor(m, undefined, false).tls).toMatchObject({ minVersion: 'TLSv1', maxVersion: 'TLSv1.1' });
    expect(client('[client]\nuser=u\ntls-min-version=TLSv1.2\ntls-max-version=TLSv1.2\n')).toMatchObject({ tlsMinVersion: 'TLSv1.2', tlsMaxVersion: 'TLSv1.2' });
  });
  it('checks ssl-ca, ssl-cert and ssl-key with fileProblem, and only when there is one', () => {
    const fileProblem = (p: string) => `cannot read ${p} (ENOENT); fix the path`;
    expect(error('[client]\nuser=a\nssl-cert=/c.pem\n', { ...NO_FLAGS, fileProblem })).toMatchObject({ line: 3, message: '[client] ssl-cert "/c.pem": cannot read /c.pem (ENOENT); fix the path' });
    expect(error('[client]\nuser=a\n\nssl-key=/k.pem\n', { ...NO_FLAGS, fileProblem })).toMatchObject({ line: 4, message: '[client] ssl-key "/k.pem": cannot read /k.pem (ENOENT); fix the path' });
    expect(client('[client]\nuser=a\nssl-ca=/ca.pem\nssl-cert=/c.pem\nssl-key=/k.pem\n')).toMatchObject({ sslCa: '/ca.pem', sslCert: '/c.pem', sslKey: '/k.pem' });
  });
});

describe('resolveAuthModules: one-line errors', () => {
  const versions = 'use one of TLSv1.0, TLSv1.1, TLSv1.2, TLSv1.3';
  it('names the section, key, value and fix, at the line', () => {
    expect(error('[client]\nuser=a\nport=0\n')).toMatchObject({ line: 3, message: '[client] port "0": not a TCP port; use a number from 1 to 65535' });
    expect(error('[client]\nuser=a\nssl-skip-verfication=maybe\n')).toMatchObject({ line: 3, message: '[client] ssl-skip-verfication "maybe": use true or false' });
    expect(error('[client]\nuser=a\nssl-skip-verification=maybe\n')).toMatchObject({ line: 3, message: '[client] ssl-skip-verification "maybe": use true or false' });
    expect(error('[client]\nuser=a\ntls-min-version=TLS1.2\n')).toMatchObject({ line: 3, message: `[client] tls-min-version "TLS1.2": ${versions}` });
    expect(error('[client]\nuser=a\ntls-min-version=TLSv1.2\ntls-max-version=SSLv3\n')).toMatchObject({ line: 4, message: `[client] tls-max-version "SSLv3": ${versions}` });
    expect(error('[client]\nuser=a\ntls-min-version=TLSv1.3\ntls-max-version=TLSv1.2\n')).toMatchObject({
      line: 3, message: 'section [client]: tls-min-version TLSv1.3 is above tls-max-version TLSv1.2',
    });
  });
  it('takes only whole words as booleans and tls modes', () => {
    for (const v of ['maybe yes', 'yes please']) {
      expect(error(`[client]\nuser=a\nenable-cleartext-plugin=${v}\n`).message).toBe(`[client] enable-cleartext-plugin "${v}": use true or false`);
    }
    for (const v of ['not-true', 'true-ish']) {
      expect(error(`[client]\nuser=a\ntls=${v}\n`).message).toBe(`[client] tls "${v}": use true, false, skip-verify or preferred`);
    }
  });
  it('says a value came from the flags when it has no line', () => {
    const sections: CnfSections = new Map([['client', { name: 'client', line: 0, entries: new Map([['user', { value: 'a', line: 0 }], ['tls', { value: 'maybe', line: 0 }]]) }]]);
    const err = error(sections);
    expect(err.line).toBeUndefined();
    expect(err.message).toBe('tls "maybe" (from the flags, for [client]): use true, false, skip-verify or preferred');
  });
});

const base: AuthModule = { name: 'client', user: 'u', password: 'p', sslSkipVerification: false, enableCleartextPlugin: false };

describe('endpointFor', () => {
  it('uses the section address, a probe target, or a socket', () => {
    expect(endpointFor(base, undefined, false)).toMatchObject({ host: '127.0.0.1', port: 3306, tls: undefined });
    expect(endpointFor({ ...base, host: 'db', port: 3307 }, undefined, false)).toMatchObject({ host: 'db', port: 3307 });
    expect(endpointFor({ ...base, socket: '/s.sock' }, undefined, false)).toMatchObject({ socketPath: '/s.sock', host: undefined });
    expect(endpointFor(base, 'server2:3306', false)).toMatchObject({ host: 'server2', port: 3306 });
    expect(endpointFor(base, '[::1]:3306', false)).toMatchObject({ host: '::1', port: 3306 });
    expect(endpointFor(base, 'unix:///run/mysqld/mysqld.sock', false)).toMatchObject({ socketPath: '/run/mysqld/mysqld.sock' });
  });
  it('takes a probe target without a port as that host on 3306; rejects what is no address', () => {
    expect(endpointFor(base, 'server2', false)).toMatchObject({ host: 'server2', port: 3306 });
    expect(() => endpointFor(base, 'server2:', false)).toThrow(TargetError);
    expect(() => endpointFor(base, 'unix://', false)).toThrow(TargetError);
  });
  it('gives /metrics and a /probe of the same server and login one pool key, without the password in it', () => {
    const client: AuthModule = { ...base, host: '127.0.0.1', port: 3306, password: 'S3cret-pw' };
    const key = endpointKey(endpointFor(client, undefined, false));
    expect(endpointKey(endpointFor({ ...client, name: 'client.other' }, '127.0.0.1:3306', false))).toBe(key);
    expect(endpointKey(endpointFor(client, '127.0.0.1:3307', false))).not.toBe(key);
    expect(endpointKey(endpointFor({ ...client, password: 'other' }, undefined, false))).not.toBe(key);
    expect(key).not.toContain('S3cret-pw');
  });
  it('maps tls and ssl-* like go-sql-driver does', () => {
    expect(endpointFor({ ...base, tls: 'true' }, undefined, false).tls).toMatchObject({ rejectUnauthorized: true, fallbackToPlaintext: false });
    expect(endpointFor({ ...base, tls: '1' }, undefined, false).tls).toMatchObject({ rejectUnauthorized: true });
    expect(endpointFor({ ...base, tls: 'skip-verify' }, undefined, false).tls).toMatchObject({ rejectUnauthorized: false, fallbackToPlaintext: false });
    expect(endpointFor({ ...base, tls: 'preferred' }, undefined, false).tls).toMatchObject({ rejectUnauthorized: false, fallbackToPlaintext: true });
    expect(endpointFor({ ...base, tls: '0', sslCa: '/ca' }, undefined, false).tls).toBeUndefined();
    expect(endpointFor({ ...base, tls: 'false', sslCa: '/ca' }, undefined, false).tls).toBeUndefined();
    expect(endpointFor(base, undefined, true).tls).toMatchObject({ rejectUnauthorized: false });
    expect(endpointFor({ ...base, sslCa: '/ca', sslCert: '/c', sslKey: '/k', tlsServerName: 'db.internal', tlsMinVersion: 'TLSv1.2' }, undefined, false).tls).toEqual({
      caFile: '/ca', certFile: '/c', keyFile: '/k', rejectUnauthorized: true, serverName: 'db.internal', minVersion: 'TLSv1.2', maxVersion: undefined, fallbackToPlaintext: false,
    });
    expect(endpointFor({ ...base, sslCa: '/ca', sslSkipVerification: true }, undefined, false).tls?.rejectUnauthorized).toBe(false);
  });
  it('rejects bad TLS version bounds', () => {
    expect(() => endpointFor({ ...base, tlsMinVersion: 'TLSv1.3', tlsMaxVersion: 'TLSv1.2' }, undefined, false)).toThrow(/above/);
    expect(() => endpointFor({ ...base, tlsMinVersion: 'SSLv3' }, undefined, false)).toThrow(
      new TargetError('section [client]: tls-min-version "SSLv3" must be one of TLSv1.0, TLSv1.1, TLSv1.2, TLSv1.3'),
    );
    expect(() => endpointFor({ ...base, tlsMaxVersion: 'SSLv3' }, undefined, false)).toThrow(
      new TargetError('section [client]: tls-max-version "SSLv3" must be one of TLSv1.0, TLSv1.1, TLSv1.2, TLSv1.3'),
    );
  });
  it('takes TLSv1.0 as node\'s TLSv1, and bounds that are in order or equal', () => {
    expect(endpointFor({ ...base, tlsMinVersion: 'TLSv1.0', tlsMaxVersion: 'TLSv1.1' }, undefined, false).tls).toMatchObject({ minVersion: 'TLSv1', maxVersion: 'TLSv1.1' });
    expect(endpointFor({ ...base, tlsMinVersion: 'TLSv1.2', tlsMaxVersion: 'TLSv1.2' }, undefined, false).tls).toMatchObject({ minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' });
  });
});

describe('parseMysqlAddress', () => {
  it('reads addresses as go-sql-driver does: no port means 3306', () => {
    expect(parseMysqlAddress('db.internal')).toEqual({ host: 'db.internal', port: 3306 });
    expect(parseMysqlAddress('db.internal:3307')).toEqual({ host: 'db.internal', port: 3307 });
    expect(parseMysqlAddress('10.0.0.5')).toEqual({ host: '10.0.0.5', port: 3306 });
    expect(parseMysqlAddress('[::1]')).toEqual({ host: '::1', port: 3306 });
    expect(parseMysqlAddress('[::1]:3307')).toEqual({ host: '::1', port: 3307 });
    expect(parseMysqlAddress('fd00::5')).toEqual({ host: 'fd00::5', port: 3306 });
    expect(parseMysqlAddress(':3307')).toEqual({ host: '127.0.0.1', port: 3307 });
    expect(parseMysqlAddress('unix:///run/mysqld/mysqld.sock')).toEqual({ socket: '/run/mysqld/mysqld.sock' });
  });
  it('rejects what cannot be parsed, saying how to write it', () => {
    for (const bad of ['', 'db:', 'db:port', 'db:0', 'db:65536', '[::1', 'user@db', 'db/x', 'db 1', 'unix://relative.sock', 'unix://']) {
      expect(() => parseMysqlAddress(bad), bad).toThrow(/use host, host:port, \[ipv6\]:port or unix:\/\/\/path/);
    }
  });
  it('says what is wrong with an address in one line', () => {
    const how = 'use host, host:port, [ipv6]:port or unix:///path/to/mysqld.sock';
    expect(addressError('unix://relative.sock')).toBe(`address "unix://relative.sock": the socket path must be absolute; ${how}`);
    expect(addressError('user@db')).toBe(`address "user@db": not a host name; ${how}`);
    expect(addressError('[::1')).toBe(`address "[::1": unbalanced brackets; ${how}`);
    expect(addressError('x[::1]:3306')).toBe(`address "x[::1]:3306": unbalanced brackets; ${how}`);
    expect(addressError('[::1]x')).toBe(`address "[::1]x": unbalanced brackets; ${how}`);
    for (const bad of ['db:0', 'db:65536', 'db:x3306', 'db:3306x']) {
      expect(addressError(bad)).toBe(`address "${bad}": the port must be a number from 1 to 65535; ${how}`);
    }
  });
  it('accepts ports 1 and 65535', () => {
    expect(parseMysqlAddress('db:1')).toEqual({ host: 'db', port: 1 });
    expect(parseMysqlAddress('db:65535')).toEqual({ host: 'db', port: 65535 });
  });
  it('throws errors named TargetError', () => {
    expect(() => parseMysqlAddress('db:')).toThrow(expect.objectContaining({ name: 'TargetError' }));
  });
});
