/**
 * DATA_SOURCE_NAME, the go-sql-driver DSN mysqld_exporter 0.14 read (Debian and many guides still
 * ship 0.14): `[user[:password]@][net[(addr)]]/dbname[?param=value&...]`. 0.15 removed it; we
 * honour it with a deprecation warning so a 0.14 set-up keeps working when swapped in.
 */
import { parseMysqlAddress, TargetError, type AuthModule } from './config.js';

export class DataSourceNameError extends Error {
  override readonly name = 'DataSourceNameError';
}

/** The DSN as the [client] auth module. Messages never contain the DSN (it holds the password). */
export function parseDataSourceName(dsn: string): AuthModule {
  const fail = (why: string): never => {
    throw new DataSourceNameError(`DATA_SOURCE_NAME: ${why}; expected user:password@tcp(host:port)/ or user:password@unix(/path/to/mysqld.sock)/`);
  };
  // As the driver: the last '/' ends the address (a password may contain '/'), the last '@'
  // before it ends the credentials, the first ':' in those splits user and password.
  const slash = dsn.lastIndexOf('/');
  if (slash < 0) fail('the "/" before the database name is missing');
  const head = dsn.slice(0, slash);
  const query = dsn.slice(slash + 1).split('?')[1] ?? '';
  const at = head.lastIndexOf('@');
  const credentials = at < 0 ? '' : head.slice(0, at);
  const location = at < 0 ? head : head.slice(at + 1);
  const colon = credentials.indexOf(':');
  const user = colon < 0 ? credentials : credentials.slice(0, colon);
  const password = colon < 0 ? '' : credentials.slice(colon + 1);
  if (!user) fail('no user name');

  const loc = /^([a-z0-9]*)(?:\((.*)\))?$/i.exec(location);
  if (!loc) fail('the address must be written net(address), e.g. tcp(db:3306)');
  const net = (loc?.[1] || 'tcp').toLowerCase();
  const addr = loc?.[2] ?? '';
  let host: string | undefined;
  let port: number | undefined;
  let socket: string | undefined;
  if (net === 'unix') {
    socket = addr || '/tmp/mysql.sock';
  } else if (net === 'tcp' || net === 'tcp6') {
    try {
      const parsed = parseMysqlAddress(addr || '127.0.0.1:3306');
      if ('socket' in parsed) fail('a tcp address cannot be a socket');
      else ({ host, port } = parsed);
    } catch (err) {
      if (err instanceof TargetError) fail('the address is not host:port');
      throw err;
    }
  } else {
    fail(`unknown network ${JSON.stringify(net)}`);
  }

  const params = new URLSearchParams(query);
  const tls = params.get('tls') ?? undefined;
  if (tls !== undefined && !/^(1|0|true|false|skip-verify|preferred)$/i.test(tls)) {
    fail('tls must be true, false, skip-verify or preferred (custom TLS settings go into --config.my-cnf)');
  }
  const cleartext = params.get('allowCleartextPasswords');
  return {
    name: 'client',
    user,
    password,
    host,
    port,
    socket,
    tls,
    sslSkipVerification: false,
    enableCleartextPlugin: cleartext !== null && /^(1|true)$/i.test(cleartext),
  };
}
