/**
 * The credential sources end to end, on real files: option-file mistakes stop the start-up with
 * the file, line and fix; unknown keys warn with the closest known key; DATA_SOURCE_NAME works as
 * in mysqld_exporter 0.14, with a deprecation warning, and is never echoed.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import { loadCredentials, type CredentialSources } from '../src/credentials.js';
import { parseDataSourceName } from '../src/data-source-name.js';
import { parseMyCnf, unknownKeys } from '../src/my-cnf.js';
import { flags } from '../src/spec.js';
import { writeCnf } from './harness.js';

const sources = (cnfPath: string, extra: Partial<CredentialSources> = {}): CredentialSources => ({
  cnfPath, cnfExplicit: true, address: 'localhost:3306', username: '', env: {}, ...extra,
});

function configError(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('option file mistakes are start-up errors naming file, line and fix', () => {
  it('a malformed line', () => {
    const path = writeCnf('[client]\nuser=exporter\npassword s3cret-value\n');
    const message = configError(() => loadCredentials(sources(path)));
    expect(message).toBe(`--config.my-cnf: ${path} line 3: option name contains a space; write it as key=value (e.g. user=exporter)`);
    expect(message).not.toContain('s3cret-value');
    const header = writeCnf('# exporter\n[client\nuser=exporter\n');
    expect(configError(() => loadCredentials(sources(header)))).toBe(`--config.my-cnf: ${header} line 2: section header without its closing "]"; write it as [client]`);
  });
  it('no [client] section: the misspelt one is named', () => {
    const path = writeCnf('[mysql]\ndatabase=x\n[clinet]\nuser=exporter\npassword=pw\n');
    expect(configError(() => loadCredentials(sources(path))))
      .toBe(`--config.my-cnf: ${path} line 3: no [client] section; found [clinet]: rename it to [client] (the exporter reads [client] and [client.NAME])`);
  });
  it('no [client] section: a header differing only in case is named (section names are case-sensitive)', () => {
    const path = writeCnf('[mysql]\ndatabase=x\n\n[Client]\nuser=exporter\n');
    expect(configError(() => loadCredentials(sources(path))))
      .toBe(`--config.my-cnf: ${path} line 4: no [client] section; found [Client]: rename it to [client] (the exporter reads [client] and [client.NAME])`);
  });
  it('no [client] section and none close to it: the sections found, no rename', () => {
    const path = writeCnf('[mysqld]\nport=3306\n[mysqldump]\nquick\n');
    expect(configError(() => loadCredentials(sources(path))))
      .toBe(`--config.my-cnf: ${path}: no [client] section; found [mysqld], [mysqldump]: add a [client] section (the exporter reads [client] and [client.NAME])`);
  });
  it('a bad value', () => {
    const path = writeCnf('[client]\nuser=exporter\ntls=maybe\n');
    expect(configError(() => loadCredentials(sources(path)))).toBe(`--config.my-cnf: ${path} line 3: [client] tls "maybe": use true, false, skip-verify or preferred`);
  });
  it('an ssl-ca that cannot be read', () => {
    const path = writeCnf('[client]\nuser=exporter\n[client.tls]\nssl-ca=/nonexistent/scrapekit-ca.pem\n');
    expect(configError(() => loadCredentials(sources(path))))
      .toBe(`--config.my-cnf: ${path} line 4: [client.tls] ssl-ca "/nonexistent/scrapekit-ca.pem": cannot read /nonexistent/scrapekit-ca.pem (ENOENT); fix the path`);
  });
  it('an address that is no address, instead of another server', () => {
    expect(configError(() => loadCredentials(sources('/nonexistent', { cnfExplicit: false, address: 'db.internal:mysql', username: 'u' }))))
      .toMatch(/^--mysqld\.address: address "db\.internal:mysql": the port must be a number/);
  });
});

describe('unknown keys', () => {
  it('stay allowed, each with one warning naming the closest known key if one is within three edits', () => {
    const path = writeCnf('[client]\nuser=exporter\npasword=pw\ndatabase=app\n[client.replica]\nhots=db2\n[mysqldump]\nquick\n');
    const loaded = loadCredentials(sources(path));
    expect(loaded.modules.get('client')).toMatchObject({ user: 'exporter', password: '' });
    expect(loaded.warnings).toEqual([
      `--config.my-cnf: ${path} line 3: unknown key 'pasword' in [client] is ignored (closest known key: 'password')`,
      `--config.my-cnf: ${path} line 4: unknown key 'database' in [client] is ignored`,
      `--config.my-cnf: ${path} line 6: unknown key 'hots' in [client.replica] is ignored (closest known key: 'host')`,
    ]);
  });
  it('closest key by the kit\'s rule: case and _ ignored, at most three edits, none beyond', () => {
    expect(unknownKeys(parseMyCnf('[client]\nssl_crt=x\nPASWORD=y\nssl_cert_file=z\nuser=u\n')).map((u) => [u.key, u.closest]))
      .toEqual([['ssl-crt', 'ssl-cert'], ['pasword', 'password'], ['ssl-cert-file', undefined]]);
  });
});

describe('DATA_SOURCE_NAME (mysqld_exporter 0.14)', () => {
  it('parses the go-sql-driver forms', () => {
    expect(parseDataSourceName('exporter:pa/ss@w:rd@tcp(db.internal:3307)/')).toMatchObject({ name: 'client', user: 'exporter', password: 'pa/ss@w:rd', host: 'db.internal', port: 3307 });
    expect(parseDataSourceName('exporter:pw@(db.internal)/')).toMatchObject({ host: 'db.internal', port: 3306 });
    expect(parseDataSourceName('exporter@unix(/run/mysqld/mysqld.sock)/')).toMatchObject({ user: 'exporter', password: '', socket: '/run/mysqld/mysqld.sock' });
    expect(parseDataSourceName('exporter:pw@/')).toMatchObject({ host: '127.0.0.1', port: 3306 });
    expect(parseDataSourceName('exporter:pw@tcp(db:3306)/?tls=skip-verify&allowCleartextPasswords=true')).toMatchObject({ tls: 'skip-verify', enableCleartextPlugin: true });
  });
  it('wins over the file and the flags for [client], with a deprecation warning; other sections stay', () => {
    const path = writeCnf('[client]\nuser=fileuser\npassword=filepw\n[client.replica]\nhost=db2\n');
    const loaded = loadCredentials(sources(path, { env: { DATA_SOURCE_NAME: 'dsnuser:dsnpw@tcp(db1:3307)/' }, username: 'flaguser' }));
    expect(loaded.modules.get('client')).toMatchObject({ user: 'dsnuser', password: 'dsnpw', host: 'db1', port: 3307 });
    expect(loaded.modules.get('client.replica')).toMatchObject({ user: 'fileuser', host: 'db2' });
    expect(loaded.warnings).toEqual([expect.stringMatching(/^DATA_SOURCE_NAME is deprecated \(mysqld_exporter 0\.15 removed it\)/)]);
  });
  it('a malformed one is a start-up error that does not echo it', () => {
    for (const dsn of ['exporter:Dsn-s3cret@db.internal', 'exporter:Dsn-s3cret@tcp(db:port)/', 'exporter:Dsn-s3cret@tcp(db)/?tls=custom']) {
      const message = configError(() => loadCredentials(sources('/nonexistent', { cnfExplicit: false, env: { DATA_SOURCE_NAME: dsn } })));
      expect(message).toMatch(/^DATA_SOURCE_NAME: /);
      expect(message).not.toContain('Dsn-s3cret');
    }
  });
});

describe('--config.my-cnf default', () => {
  it('is $HOME/.my.cnf, as in mysqld_exporter 0.14 and its README', () => {
    expect(flags.find((f) => f.name === 'config.my-cnf')?.default).toBe(join(process.env.HOME || homedir(), '.my.cnf'));
  });
  it('may be missing', () => {
    const loaded = loadCredentials(sources(join(process.env.HOME || homedir(), 'scrapekit-no-such.cnf'), { cnfExplicit: false, username: 'u' }));
    expect(loaded.modules.get('client')).toMatchObject({ user: 'u', host: 'localhost', port: 3306 });
  });
});
