import { describe, expect, it } from 'vitest';
import { endpointFor, endpointKey, expandEnv, parseMysqlAddress, resolveAuthModules, TargetError, type AuthModule } from '../src/config.js';
import { MyCnfError, parseMyCnf } from '../src/my-cnf.js';

const NO_FLAGS = { env: {}, address: 'localhost:3306', username: '' };

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
    expect(resolveAuthModules('[client]\nuser=fileuser\nhost=filehost\n', flags).modules.get('client')).toMatchObject({ user: 'fileuser', host: 'filehost', port: undefined });
    expect(resolveAuthModules(undefined, flags).modules.get('client')).toMatchObject({ user: 'flaguser', host: 'flaghost', port: 3307 });
    expect(resolveAuthModules(undefined, { env: {}, address: 'unix:///run/mysqld/mysqld.sock', username: 'u' }).modules.get('client')?.socket).toBe('/run/mysqld/mysqld.sock');
  });
  it('skips sections without a user, saying why', () => {
    const r = resolveAuthModules('[client]\npassword=x\n[client.a]\nuser=a\n', NO_FLAGS);
    expect([...r.modules.keys()]).toEqual(['client.a']);
    expect(r.problems).toEqual(['section [client]: no user set (add user=... to the section or its parent)']);
  });
  it('rejects a bad value with its line instead of failing at every scrape', () => {
    const error = (text: string): MyCnfError => {
      try {
        resolveAuthModules(text, NO_FLAGS);
      } catch (err) {
        if (err instanceof MyCnfError) return err;
        throw err;
      }
      throw new Error('no error');
    };
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
    expect(() => endpointFor({ ...base, tlsMinVersion: 'SSLv3' }, undefined, false)).toThrow(/must be one of/);
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
});
