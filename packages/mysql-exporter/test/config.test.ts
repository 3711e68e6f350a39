import { describe, expect, it } from 'vitest';
import { endpointFor, expandEnv, parseMyCnf, resolveAuthModules, TargetError, type AuthModule } from '../src/config.js';

const NO_FLAGS = { env: {}, address: 'localhost:3306', username: '' };

describe('parseMyCnf', () => {
  it('reads sections, bare keys, quotes, and keeps # inside values', () => {
    const s = parseMyCnf([
      '# comment', '[client]', 'user = exporter', 'password = "pa#ss w\\"ord"', 'ssl_ca=/etc/ca.pem', 'enable-cleartext-plugin', '; other comment',
      '[client.servers]', "password='x'", '!includedir /etc/mysql/conf.d/',
    ].join('\n'));
    expect(Object.fromEntries(s.get('client') ?? [])).toEqual({ user: 'exporter', password: 'pa#ss w"ord', 'ssl-ca': '/etc/ca.pem', 'enable-cleartext-plugin': 'true' });
    expect(s.get('client.servers')?.get('password')).toBe('x');
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
  it('skips sections without a user and bad ports, saying why', () => {
    const r = resolveAuthModules('[client]\npassword=x\n[client.a]\nuser=a\nport=99999\n', NO_FLAGS);
    expect(r.modules.size).toBe(0);
    expect(r.problems).toHaveLength(2);
    expect(r.problems.join('\n')).toMatch(/\[client\]: no user/);
    expect(r.problems.join('\n')).toMatch(/\[client\.a\]: port "99999"/);
    expect(r.problems.join('\n')).not.toContain('x');
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
  it('requires a port on probe targets', () => {
    expect(() => endpointFor(base, 'server2', false)).toThrow(TargetError);
  });
  it('maps tls and ssl-* like go-sql-driver does', () => {
    expect(endpointFor({ ...base, tls: 'true' }, undefined, false).tls).toMatchObject({ rejectUnauthorized: true });
    expect(endpointFor({ ...base, tls: 'skip-verify' }, undefined, false).tls).toMatchObject({ rejectUnauthorized: false });
    expect(endpointFor({ ...base, tls: 'false', sslCa: '/ca' }, undefined, false).tls).toBeUndefined();
    expect(endpointFor(base, undefined, true).tls).toMatchObject({ rejectUnauthorized: false });
    expect(endpointFor({ ...base, sslCa: '/ca', sslCert: '/c', sslKey: '/k', tlsServerName: 'db.internal', tlsMinVersion: 'TLSv1.2' }, undefined, false).tls).toEqual({
      caFile: '/ca', certFile: '/c', keyFile: '/k', rejectUnauthorized: true, serverName: 'db.internal', minVersion: 'TLSv1.2', maxVersion: undefined,
    });
    expect(endpointFor({ ...base, sslCa: '/ca', sslSkipVerification: true }, undefined, false).tls?.rejectUnauthorized).toBe(false);
  });
  it('rejects bad TLS version bounds', () => {
    expect(() => endpointFor({ ...base, tlsMinVersion: 'TLSv1.3', tlsMaxVersion: 'TLSv1.2' }, undefined, false)).toThrow(/above/);
    expect(() => endpointFor({ ...base, tlsMinVersion: 'SSLv3' }, undefined, false)).toThrow(/must be one of/);
  });
});
