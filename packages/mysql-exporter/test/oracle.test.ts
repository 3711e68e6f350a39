/**
 * Oracle: Debian's prometheus-mysqld-exporter (0.14.0) and ours, same server, same user with the
 * documented grants, scraped back to back. The default collectors' families must match in name,
 * type and label names; variables must match in value. Deliberate differences are listed below
 * and in the README.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startProcess, waitForHttp, type Started } from '../../../test/support/processes.js';
import { havePromtool, promtoolCheckMetrics } from '../../../test/support/promtool.js';
import { requireDependency } from '../../../test/support/services.js';
import { createExporterUser, dropUser, familyShapes, mariadbAvailable, parseSamples, startHarness, writeCnf, type Harness } from './harness.js';

const ORACLE = '/usr/bin/prometheus-mysqld-exporter';
const available = (await mariadbAvailable()) && requireDependency(existsSync(ORACLE), ORACLE);
const USER = 'scrapekit_test_oracle';
const PASSWORD = 'Oracle-pw-7';

/** Self metrics 0.14.0 has and newer mysqld_exporter (and we) do not, or the reverse. */
const ONLY_ORACLE = new Set(['mysql_exporter_scrapes_total', 'mysql_exporter_last_scrape_error']);
const ONLY_OURS = new Set(['mysql_exporter_collector_success']);

describe.runIf(available)('default collectors vs prometheus-mysqld-exporter 0.14.0', () => {
  let go: Started;
  let goUrl: string;
  let ours: Harness;

  beforeAll(async () => {
    await createExporterUser(USER, PASSWORD);
    const port = await freePort();
    go = startProcess(ORACLE, [`--web.listen-address=127.0.0.1:${port}`, '--config.my-cnf=/nonexistent'], {
      ...process.env,
      DATA_SOURCE_NAME: `${USER}:${PASSWORD}@tcp(127.0.0.1:3306)/`,
    });
    goUrl = `http://127.0.0.1:${port}/metrics`;
    await waitForHttp(goUrl);
    ours = await startHarness([`--config.my-cnf=${writeCnf(`[client]\nuser=${USER}\npassword=${PASSWORD}\nhost=127.0.0.1\nport=3306\n`)}`]);
  });

  afterAll(async () => {
    await go?.stop();
    await ours?.close();
    await dropUser(USER);
  });

  /**
   * Both scrapes, back to back. Another suite (mixin.test.ts) may add or remove a replication
   * channel on the shared server at any moment; if the two scrapes saw different replica rows,
   * scrape again rather than compare two different server states.
   */
  const scrapeBoth = async (): Promise<[string, string]> => {
    const channels = (text: string): string =>
      [...new Set(parseSamples(text).filter((x) => x.name.startsWith('mysql_slave_status_')).map((x) => `${x.labels.connection_name}/${x.labels.channel_name}`))].sort().join(',');
    let pair: [string, string] = ['', ''];
    for (let attempt = 0; attempt < 5; attempt++) {
      pair = [await (await fetch(goUrl)).text(), (await ours.scrape()).text];
      if (channels(pair[0]) === channels(pair[1])) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    return pair;
  };

  it('has the same mysql_* families, with the same types and label names', async () => {
    const [g, o] = await scrapeBoth();
    expect(parseSamples(g).find((s) => s.name === 'mysql_up')?.value).toBe(1);
    const goShapes = familyShapes(g);
    const ourShapes = familyShapes(o);
    const mysqlFamilies = (m: Map<string, unknown>) => [...m.keys()].filter((n) => n.startsWith('mysql_')).sort();
    expect(mysqlFamilies(ourShapes).filter((n) => !ONLY_OURS.has(n))).toEqual(mysqlFamilies(goShapes).filter((n) => !ONLY_ORACLE.has(n)));
    expect(mysqlFamilies(goShapes).length).toBeGreaterThan(500);
    const mismatches: string[] = [];
    for (const [name, shape] of goShapes) {
      if (!name.startsWith('mysql_') || ONLY_ORACLE.has(name)) continue;
      const mine = ourShapes.get(name);
      if (mine?.type !== shape.type) mismatches.push(`${name}: type ${mine?.type} vs ${shape.type}`);
      else if ([...mine.labelSets].sort().join('|') !== [...shape.labelSets].sort().join('|')) {
        mismatches.push(`${name}: labels {${[...mine.labelSets].join('|')}} vs {${[...shape.labelSets].join('|')}}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(ourShapes.get('mysqld_exporter_build_info')?.type).toBe('gauge');
  });

  it('exports the same series and the same values for variables and stable status', async () => {
    const [g, o] = await scrapeBoth();
    const key = (s: { name: string; labels: Record<string, string> }): string =>
      `${s.name}{${Object.entries(s.labels).sort().map(([k, v]) => `${k}=${v}`).join(',')}}`;
    const mine = new Map(parseSamples(o).filter((s) => s.name.startsWith('mysql_') && !s.name.startsWith('mysql_exporter_')).map((s) => [key(s), s.value]));
    const theirs = parseSamples(g).filter((s) => s.name.startsWith('mysql_') && !s.name.startsWith('mysql_exporter_'));
    expect([...mine.keys()].sort()).toEqual(theirs.map(key).sort());
    const differing = theirs
      .filter((s) => s.name.startsWith('mysql_global_variables_') || s.name === 'mysql_version_info' || s.name === 'mysql_transaction_isolation')
      .filter((s) => mine.get(key(s)) !== s.value)
      .map(key);
    expect(differing).toEqual([]);
  });

  it('times the same collectors, with the same "collect." labels and "connection"', async () => {
    const [g, o] = await scrapeBoth();
    const goCollectors = parseSamples(g).filter((s) => s.name === 'mysql_exporter_collector_duration_seconds').map((s) => s.labels.collector);
    const ourCollectors = parseSamples(o).filter((s) => s.name === 'mysql_exporter_collector_duration_seconds').map((s) => s.labels.collector);
    expect(ourCollectors.sort()).toEqual(goCollectors.sort());
  });

  it('promtool finds nothing in our names that it does not find in the oracle\'s', async () => {
    if (!requireDependency(havePromtool(), 'promtool')) return;
    const [g, o] = await scrapeBoth();
    const theirs = await promtoolCheckMetrics(g);
    const mine = await promtoolCheckMetrics(o);
    expect(mine.errors).toEqual([]);
    const accepted = new Set(theirs.findings.map((f) => `${f.metric} ${f.problem}`));
    const ours = mine.findings.filter((f) => !accepted.has(`${f.metric} ${f.problem}`));
    expect(ours).toEqual([]);
  });
});
