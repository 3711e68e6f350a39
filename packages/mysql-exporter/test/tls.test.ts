/**
 * TLS to MySQL for real: a private mariadbd with a CA and server certificate made by the test
 * (private-mariadb.ts), users that REQUIRE SSL or X509, and one auth module per `tls` meaning.
 * `REQUIRE SSL` makes `mysql_up 1` proof that the connection was encrypted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireDependency } from '../../../test/support/services.js';
import { createExporterUser, dropUser, mariadbAvailable, rootQuery, sampleValue, startHarness, testName, writeCnf, type Harness } from './harness.js';
import { PRIVATE_MARIADB_TOOLS, privateMariadbPossible, startPrivateMariadb, type PrivateMariadb } from './private-mariadb.js';

const available = (await mariadbAvailable()) && requireDependency(privateMariadbPossible(), `a private MariaDB (${PRIVATE_MARIADB_TOOLS.join(', ')})`);
const TLS_USER = testName('scrapekit_test_tls');
const X509_USER = 'scrapekit_test_x509';
const PASSWORD = 'Tls-pw-9';

describe.runIf(available)('TLS against a private MariaDB with test-made certificates', () => {
  let db: PrivateMariadb | undefined;
  let h: Harness | undefined;
  let target = '';

  beforeAll(async () => {
    db = await startPrivateMariadb();
    const { server, certs } = db;
    // Every auth module here is its own endpoint, so its own pool: allow more than the README's 3.
    await createExporterUser(TLS_USER, PASSWORD, 40, server);
    await createExporterUser(X509_USER, PASSWORD, 40, server);
    await rootQuery(`ALTER USER '${TLS_USER}'@'%' REQUIRE SSL`, server);
    await rootQuery(`ALTER USER '${X509_USER}'@'%' REQUIRE X509`, server);
    target = `127.0.0.1:${server.port}`;
    const cnf = writeCnf([
      `[client]\nuser=${TLS_USER}\npassword=${PASSWORD}`,
      `[client.verified]\ntls=true\nssl-ca=${certs.ca}`,
      `[client.verified_by_name]\nssl-ca=${certs.ca}\ntls-server-name=localhost`,
      `[client.other_ca]\ntls=true\nssl-ca=${certs.otherCa}`,
      `[client.wrong_name]\nssl-ca=${certs.ca}\ntls-server-name=db.example.invalid`,
      '[client.system_roots]\ntls=true',
      `[client.skip_verify]\ntls=skip-verify\nssl-ca=${certs.otherCa}`,
      '[client.preferred]\ntls=preferred',
      '[client.plain]\ntls=false',
      `[client.x509]\nuser=${X509_USER}\nssl-ca=${certs.ca}\nssl-cert=${certs.clientCert}\nssl-key=${certs.clientKey}`,
      `[client.x509_without_cert]\nuser=${X509_USER}\nssl-ca=${certs.ca}`,
    ].join('\n') + '\n');
    h = await startHarness([`--config.my-cnf=${cnf}`]);
  }, 240_000);

  afterAll(async () => {
    await h?.close();
    await db?.stop();
  });

  const up = async (module: string): Promise<number | undefined> => {
    const r = await h?.scrape(`/probe?target=${target}&auth_module=${module}`);
    expect(r?.status).toBe(200);
    return sampleValue(r?.samples ?? [], 'mysql_up');
  };

  it('the server really requires TLS: without it the user is refused', async () => {
    expect(await up('client')).toBe(0);
    expect(await up('client.plain')).toBe(0);
  });

  it('tls=true with ssl-ca verifies the certificate: up with the right CA and host name, down otherwise', async () => {
    expect(await up('client.verified')).toBe(1);
    expect(await up('client.verified_by_name')).toBe(1);
    expect(await up('client.other_ca')).toBe(0);
    expect(await up('client.wrong_name')).toBe(0);
    expect(await up('client.system_roots')).toBe(0);
    // The certificate names 127.0.0.1 and localhost; the same server at 127.0.0.2 is not it.
    const elsewhere = await h?.scrape(`/probe?target=127.0.0.2:${db?.server.port}&auth_module=client.verified`);
    expect(sampleValue(elsewhere?.samples ?? [], 'mysql_up')).toBe(0);
    const byName = await h?.scrape(`/probe?target=localhost:${db?.server.port}&auth_module=client.verified`);
    expect(sampleValue(byName?.samples ?? [], 'mysql_up')).toBe(1);
    const logs = h?.logs.join('\n') ?? '';
    expect(logs).toMatch(/auth_module=client\.other_ca.*(certificate|self.signed|verify)/i);
    expect(logs).toMatch(/auth_module=client\.wrong_name.*(db\.example\.invalid|altnames|Hostname)/i);
  });

  it('tls=skip-verify and tls=preferred encrypt without verifying', async () => {
    expect(await up('client.skip_verify')).toBe(1);
    expect(await up('client.preferred')).toBe(1);
    const elsewhere = await h?.scrape(`/probe?target=127.0.0.2:${db?.server.port}&auth_module=client.skip_verify`);
    expect(sampleValue(elsewhere?.samples ?? [], 'mysql_up')).toBe(1);
  });

  it('ssl-cert and ssl-key present a client certificate (REQUIRE X509)', async () => {
    expect(await up('client.x509')).toBe(1);
    expect(await up('client.x509_without_cert')).toBe(0);
  });

  it('collects over TLS like over plain text', async () => {
    const r = await h?.scrape(`/probe?target=${target}&auth_module=client.verified`);
    expect(sampleValue(r?.samples ?? [], 'mysql_exporter_collector_success', { collector: 'collect.global_status' })).toBe(1);
    expect(sampleValue(r?.samples ?? [], 'mysql_global_variables_have_ssl')).toBe(1);
    expect(sampleValue(r?.samples ?? [], 'mysql_global_status_ssl_accepts')).toBeGreaterThanOrEqual(1);
  });
});

describe.runIf(await mariadbAvailable())('tls=preferred against a server without TLS', () => {
  const USER = testName('scrapekit_test_tlspref');
  beforeAll(() => createExporterUser(USER, PASSWORD));
  afterAll(() => dropUser(USER));

  it('falls back to plain text, as go-sql-driver does, where tls=true fails', async (ctx) => {
    const [{ Value: haveSsl }] = await rootQuery<Array<{ Value: string }>>("SHOW GLOBAL VARIABLES LIKE 'have_ssl'");
    if (haveSsl === 'YES') ctx.skip('the shared MariaDB has TLS enabled, so there is no plain-text fallback to see');
    const h = await startHarness([`--config.my-cnf=${writeCnf(`[client]\nuser=${USER}\npassword=${PASSWORD}\nhost=127.0.0.1\nport=3306\ntls=preferred\n[client.required]\ntls=true\n`)}`]);
    try {
      expect(sampleValue((await h.scrape()).samples, 'mysql_up')).toBe(1);
      expect(sampleValue((await h.scrape('/probe?target=127.0.0.1:3306&auth_module=client.required')).samples, 'mysql_up')).toBe(0);
    } finally {
      await h.close();
    }
  });
});
