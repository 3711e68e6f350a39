/**
 * A private, throw-away mariadbd for tests that must reconfigure the server (TLS here): its own
 * datadir from mariadb-install-db, its own port and socket on 127.0.0.1 (and 127.0.0.2, an address
 * its certificate does not name), certificates made by
 * openssl in the same temporary directory. The shared MariaDB on 3306 is never touched.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startProcess, type Started } from '../../../test/support/processes.js';
import { tcpReachable } from '../../../test/support/services.js';
import { rootQuery, type DbServer } from './harness.js';

export const PRIVATE_MARIADB_TOOLS = ['/usr/bin/mariadb-install-db', '/usr/sbin/mariadbd', '/usr/bin/openssl'];

export function privateMariadbPossible(): boolean {
  return PRIVATE_MARIADB_TOOLS.every((p) => existsSync(p));
}

export interface TestCertificates {
  readonly ca: string;
  /** A CA that did not sign the server certificate. */
  readonly otherCa: string;
  readonly serverCert: string;
  readonly serverKey: string;
  /** Signed by `ca`, for REQUIRE X509 users. */
  readonly clientCert: string;
  readonly clientKey: string;
}

function openssl(dir: string, args: string[]): void {
  execFileSync('/usr/bin/openssl', args, { cwd: dir, stdio: 'pipe', timeout: 60_000 });
}

/** A CA, a server certificate for 127.0.0.1/localhost and a client certificate, all signed by it. */
export function makeCertificates(dir: string): TestCertificates {
  const selfSigned = (name: string, cn: string): void =>
    openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '2', '-subj', `/CN=${cn}`]);
  const signed = (name: string, cn: string, ext: string): void => {
    openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`]);
    writeFileSync(join(dir, `${name}.ext`), `${ext}\n`);
    openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`]);
  };
  selfSigned('ca', 'scrapekit test CA');
  selfSigned('other-ca', 'scrapekit other CA');
  signed('server', 'localhost', 'subjectAltName=IP:127.0.0.1,DNS:localhost');
  signed('client', 'scrapekit test client', 'extendedKeyUsage=clientAuth');
  const at = (f: string): string => join(dir, f);
  return {
    ca: at('ca.pem'), otherCa: at('other-ca.pem'), serverCert: at('server.pem'), serverKey: at('server.key'),
    clientCert: at('client.pem'), clientKey: at('client.key'),
  };
}

export interface PrivateMariadb {
  readonly server: DbServer;
  readonly dir: string;
  readonly certs: TestCertificates;
  stop(): Promise<void>;
}

export interface PrivateMariadbOptions {
  /** Unique per server that replicates (SET server_id); default 1, as mariadbd's. */
  readonly serverId?: number;
  /** Write a binary log (a replication source); off by default. */
  readonly binaryLog?: boolean;
}

/** Starts mariadbd with TLS on a free port; stop() ends it and removes every file. */
export async function startPrivateMariadb(options: PrivateMariadbOptions = {}): Promise<PrivateMariadb> {
  const dir = mkdtempSync(join(tmpdir(), 'scrapekit-mariadb-'));
  let proc: Started | undefined;
  const stop = async (): Promise<void> => {
    await proc?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const certs = makeCertificates(dir);
    const datadir = join(dir, 'data');
    execFileSync('/usr/bin/mariadb-install-db', ['--no-defaults', `--datadir=${datadir}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'], {
      stdio: 'pipe', timeout: 120_000,
    });
    const port = await freePort();
    proc = startProcess('/usr/sbin/mariadbd', [
      '--no-defaults', `--datadir=${datadir}`, '--user=root', `--port=${port}`, '--bind-address=127.0.0.1,127.0.0.2',
      `--socket=${join(dir, 'mysqld.sock')}`, `--pid-file=${join(dir, 'mysqld.pid')}`, '--skip-name-resolve',
      '--innodb-buffer-pool-size=16M', '--performance-schema=OFF', `--server-id=${options.serverId ?? 1}`,
      ...(options.binaryLog ? [`--log-bin=${join(dir, 'binlog')}`] : ['--skip-log-bin']),
      `--ssl-ca=${certs.ca}`, `--ssl-cert=${certs.serverCert}`, `--ssl-key=${certs.serverKey}`,
    ]);
    const started = proc;
    // Generous: install and first start can take many seconds on a loaded two-core machine.
    for (let i = 0; i < 600 && !(await tcpReachable(port, '127.0.0.1', 500)); i++) {
      if (started.child.exitCode !== null) throw new Error(`mariadbd exited: ${started.output().slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    if (!(await tcpReachable(port))) throw new Error(`mariadbd did not open 127.0.0.1:${port}: ${started.output().slice(-2000)}`);
    return { server: { host: '127.0.0.1', port, isMariaDB: true }, dir, certs, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

export interface ReplicationPair {
  readonly source: PrivateMariadb;
  /** Replicates from `source` over TCP, both threads running. */
  readonly replica: PrivateMariadb;
  stop(): Promise<void>;
}

/**
 * Two private servers, the second replicating from the first from its current binary-log position:
 * a replica whose SHOW REPLICA STATUS has both threads running and a Seconds_Behind_Master.
 */
export async function startReplicationPair(): Promise<ReplicationPair> {
  const started: PrivateMariadb[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(started.map((db) => db.stop()));
  };
  try {
    const source = await startPrivateMariadb({ serverId: 11, binaryLog: true });
    started.push(source);
    const replica = await startPrivateMariadb({ serverId: 12 });
    started.push(replica);
    const [position] = await rootQuery<Array<{ File: string; Position: number }>>('SHOW MASTER STATUS', source.server);
    if (!position) throw new Error('the source server writes no binary log');
    await rootQuery(`CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=${source.server.port}, MASTER_USER='root', MASTER_PASSWORD='', `
      + `MASTER_LOG_FILE='${position.File}', MASTER_LOG_POS=${position.Position}, MASTER_USE_GTID=no`, replica.server);
    await rootQuery('START SLAVE', replica.server);
    let state: Record<string, unknown> | undefined;
    for (let i = 0; i < 300; i++) {
      [state] = await rootQuery<Array<Record<string, unknown>>>('SHOW SLAVE STATUS', replica.server);
      if (state?.Slave_IO_Running === 'Yes' && state.Slave_SQL_Running === 'Yes' && state.Seconds_Behind_Master !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (state?.Slave_IO_Running !== 'Yes' || state.Slave_SQL_Running !== 'Yes') {
      throw new Error(`the replica did not start replicating: IO ${String(state?.Slave_IO_Running)} (${String(state?.Last_IO_Error)}), SQL ${String(state?.Slave_SQL_Running)}`);
    }
    return { source, replica, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
