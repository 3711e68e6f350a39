/**
 * Oracle: Debian's prometheus-mysqld-exporter (0.14.0, asserted) and ours, same server, same user
 * with the documented grants. The default collectors' families must match in name, type and
 * label names, and every value must match: ours is scraped between two scrapes of the Go
 * exporter, so a counter must lie between them and a gauge must equal them where they agree.
 * Deliberate differences are listed below and in the README.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startProcess, waitForHttp, type Started } from '../../../test/support/processes.js';
import { havePromtool, promtoolCheckMetrics } from '../../../test/support/promtool.js';
import { requireDependency } from '../../../test/support/services.js';
import { createExporterUser, dropUser, familyShapes, mariadbAvailable, parseSamples, rootQuery, startHarness, testName, writeCnf, type Harness, type Sample } from './harness.js';

const ORACLE = '/usr/bin/prometheus-mysqld-exporter';
/** What "compatible" is measured against: another Debian package must not change it silently. */
const ORACLE_VERSION = '0.14.0';
const available = (await mariadbAvailable()) && requireDependency(existsSync(ORACLE), ORACLE);
const promtool = available && requireDependency(havePromtool(), 'promtool');
const USER = testName('scrapekit_test_oracle');
const PASSWORD = 'Oracle-pw-7';

/**
 * Series whose value legitimately differs between two exporters scraping the same server, each
 * with the reason. Everything else must be bracketed by the two Go scrapes.
 */
const VALUE_EXCEPTIONS: ReadonlyMap<string, string> = new Map([
  // 0.14 opens a connection per scrape and closes it; ours keeps its pool: the number of
  // connections each sees while it runs differs by design (issue #142 upstream).
  ['mysql_global_status_threads_connected', 'Go counts its own per-scrape connection, which is closed while ours scrapes'],
  ['mysql_global_status_threads_cached', 'the thread of Go\'s closed connection goes to the cache between its scrapes'],
  ['mysql_global_status_memory_used', 'includes the memory of the scraping connections, which differ (per-scrape vs pooled)'],
]);

/** A SHOW GLOBAL VARIABLES value mysqld_exporter's parseStatus turns into a number. */
const NUMERIC_VARIABLE = /^(-?\d+(\.\d+)?|on|off|yes|no|disabled)$/i;

/** Self metrics 0.14.0 has and newer mysqld_exporter (and we) do not, or the reverse. */
const ONLY_ORACLE = new Set(['mysql_exporter_scrapes_total', 'mysql_exporter_last_scrape_error']);
const ONLY_OURS = new Set(['mysql_exporter_collector_success']);

const seriesKey = (x: Sample): string => `${x.name}{${Object.entries(x.labels).sort().map(([k, v]) => `${k}=${v}`).join(',')}}`;
const familyOf = (series: string): string => series.slice(0, series.indexOf('{'));

/** The series about the server (not the exporters' own), by key. */
function serverSeries(text: string): Map<string, number> {
  return new Map(parseSamples(text).filter((x) => x.name.startsWith('mysql_') && !x.name.startsWith('mysql_exporter_')).map((x) => [seriesKey(x), x.value]));
}

/**
 * Our series outside [Go before, Go after]: for counters in that order, for gauges and untyped
 * series between the two (equal to them where they agree). Keyed by series, with a message.
 */
function outOfBracket(before: Map<string, number>, mine: Map<string, number>, after: Map<string, number>, types: ReturnType<typeof familyShapes>): Map<string, string> {
  const wrong = new Map<string, string>();
  for (const [series, value] of mine) {
    if (VALUE_EXCEPTIONS.has(familyOf(series))) continue;
    const b = before.get(series);
    const a = after.get(series);
    if (b === undefined || a === undefined) {
      wrong.set(series, `${series}: missing from a Go scrape`);
      continue;
    }
    const [lo, hi] = types.get(familyOf(series))?.type === 'counter' ? [b, a] : [Math.min(b, a), Math.max(b, a)];
    if (!(value >= lo && value <= hi)) wrong.set(series, `${series}: ours ${value}, Go ${b} then ${a}`);
  }
  return wrong;
}

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

  it(`runs against mysqld_exporter ${ORACLE_VERSION}, by its --version and its build_info`, async () => {
    const run = spawnSync(ORACLE, ['--version'], { encoding: 'utf8', timeout: 30_000 });
    const versionText = `${run.stdout}${run.stderr}`;
    const firstLine = versionText.split('\n')[0];
    console.info(`oracle: ${ORACLE}: ${firstLine}`);
    expect(firstLine).toMatch(new RegExp(`^mysqld_exporter, version ${ORACLE_VERSION.replace(/\./g, '\\.')} `));
    const buildInfo = parseSamples(await (await fetch(goUrl)).text()).filter((x) => x.name === 'mysqld_exporter_build_info');
    console.info(`oracle: mysqld_exporter_build_info${JSON.stringify(buildInfo[0]?.labels)}`);
    expect(buildInfo.map((x) => [x.labels.version, x.value])).toEqual([[ORACLE_VERSION, 1]]);
  });

  it('has the same mysql_* families, with the same types and label names', async () => {
    const [g, o] = await scrapeBoth();
    expect(parseSamples(g).find((s) => s.name === 'mysql_up')?.value).toBe(1);
    const goShapes = familyShapes(g);
    const ourShapes = familyShapes(o);
    const mysqlFamilies = (m: Map<string, unknown>) => [...m.keys()].filter((n) => n.startsWith('mysql_')).sort();
    expect(mysqlFamilies(ourShapes).filter((n) => !ONLY_OURS.has(n))).toEqual(mysqlFamilies(goShapes).filter((n) => !ONLY_ORACLE.has(n)));
    // Pinned to the server, not to either exporter: one family per numeric global variable.
    const variables = await rootQuery<Array<{ Variable_name: string; Value: string }>>('SHOW GLOBAL VARIABLES');
    const expected = variables.filter((v) => NUMERIC_VARIABLE.test(v.Value)).map((v) => `mysql_global_variables_${v.Variable_name.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`).sort();
    expect(mysqlFamilies(goShapes).filter((n) => n.startsWith('mysql_global_variables_'))).toEqual(expected);
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

  it('exports the same series, with values between two Go scrapes', async () => {
    const [g, o] = await scrapeBoth();
    expect([...serverSeries(o).keys()].sort()).toEqual([...serverSeries(g).keys()].sort());
    const types = familyShapes(g);
    // The shared server is busy (other suites run): a series counts as wrong only if it is out
    // of bracket in every attempt; correct values land in bracket once nothing interferes.
    let wrongEveryTime: Map<string, string> | undefined;
    let compared = 0;
    for (let attempt = 0; attempt < 4 && (wrongEveryTime === undefined || wrongEveryTime.size > 0); attempt++) {
      const before = serverSeries(await (await fetch(goUrl)).text());
      const mine = serverSeries((await ours.scrape()).text);
      const after = serverSeries(await (await fetch(goUrl)).text());
      const wrong = outOfBracket(before, mine, after, types);
      compared = Math.max(compared, [...mine.keys()].filter((k) => before.has(k) && after.has(k) && !VALUE_EXCEPTIONS.has(familyOf(k))).length);
      wrongEveryTime = new Map([...wrong].filter(([series]) => wrongEveryTime?.has(series) ?? true));
    }
    expect([...(wrongEveryTime ?? new Map()).values()]).toEqual([]);
    // Every series but the documented exceptions was compared, global status and the
    // info_schema families as well as the variables.
    const all = [...serverSeries(o).keys()];
    expect(compared).toBe(all.filter((k) => !VALUE_EXCEPTIONS.has(familyOf(k))).length);
    expect(all.filter((k) => k.startsWith('mysql_global_status_')).length).toBeGreaterThan(0);
  });

  it('times the same collectors, with the same "collect." labels and "connection"', async () => {
    const [g, o] = await scrapeBoth();
    const goCollectors = parseSamples(g).filter((s) => s.name === 'mysql_exporter_collector_duration_seconds').map((s) => s.labels.collector);
    const ourCollectors = parseSamples(o).filter((s) => s.name === 'mysql_exporter_collector_duration_seconds').map((s) => s.labels.collector);
    expect(ourCollectors.sort()).toEqual(goCollectors.sort());
  });

  it.runIf(promtool)('promtool finds nothing in our names that it does not find in the oracle\'s', async () => {
    const [g, o] = await scrapeBoth();
    const theirs = await promtoolCheckMetrics(g);
    const mine = await promtoolCheckMetrics(o);
    expect(mine.errors).toEqual([]);
    const accepted = new Set(theirs.findings.map((f) => `${f.metric} ${f.problem}`));
    const ours = mine.findings.filter((f) => !accepted.has(`${f.metric} ${f.problem}`));
    expect(ours).toEqual([]);
  });
});
