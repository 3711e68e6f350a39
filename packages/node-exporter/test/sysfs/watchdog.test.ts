import { describe, expect, it } from 'vitest';
import { parseWatchdog, WATCHDOG_NUMERIC, WATCHDOG_TEXT } from '../../src/sysfs/watchdog.js';
import { readFixtureDir } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

const every = (names: readonly string[], t: string): Record<string, string> => Object.fromEntries(names.map((n) => [n, t]));

/** The attribute files, spelled out here so a changed table cannot hide a missing read. */
const NUMERIC_FILES = ['bootstatus', 'fw_version', 'nowayout', 'timeleft', 'timeout', 'pretimeout', 'access_cs0'];
const TEXT_FILES = ['options', 'identity', 'state', 'status', 'pretimeout_governor'];

const NO_INFO = { options: '', identity: '', state: '', status: '', pretimeout_governor: '' };

describe('watchdog attribute tables', () => {
  it('names each numeric file with its node_watchdog_* metric and a help text, in order', () => {
    expect(WATCHDOG_NUMERIC.map(([file, metric]) => `${file} ${metric}`)).toEqual([
      'bootstatus node_watchdog_bootstatus', 'fw_version node_watchdog_fw_version', 'nowayout node_watchdog_nowayout',
      'timeleft node_watchdog_timeleft_seconds', 'timeout node_watchdog_timeout_seconds',
      'pretimeout node_watchdog_pretimeout_seconds', 'access_cs0 node_watchdog_access_cs0',
    ]);
    expect(WATCHDOG_NUMERIC.filter(([, , help]) => !/^[A-Z].+\.$/.test(help))).toEqual([]);
  });

  it('lists the info label files in order', () => {
    expect(WATCHDOG_TEXT).toEqual(TEXT_FILES);
  });
});

describe('watchdog attributes', () => {
  it('reads fixture watchdog0: the numeric files it has, in table order, and every info text trimmed', () => {
    const stats = parseWatchdog('watchdog0', readFixtureDir('sys/class/watchdog/watchdog0', [...NUMERIC_FILES, ...TEXT_FILES]));
    expect([...stats.numbers]).toEqual([['bootstatus', 0], ['fw_version', 3], ['nowayout', 0], ['timeleft', 298], ['timeout', 300]]);
    expect(stats.info).toEqual({ options: '0x8180', identity: 'iTCO_wdt', state: 'active', status: '0x8000', pretimeout_governor: 'noop' });
  });

  it('reads every numeric file, padded or signed, in table order whatever the order of the input', () => {
    const stats = parseWatchdog('watchdog1', { access_cs0: '1\n', pretimeout: ' 10 ', timeout: '+60', timeleft: '-2', nowayout: '1', fw_version: '0', bootstatus: '32' });
    expect([...stats.numbers]).toEqual([['bootstatus', 32], ['fw_version', 0], ['nowayout', 1], ['timeleft', -2], ['timeout', 60], ['pretimeout', 10], ['access_cs0', 1]]);
    expect(stats.info).toEqual(NO_INFO);
  });

  it('gives no numbers and empty info texts when no file is readable', () => {
    const stats = parseWatchdog('watchdog2', {});
    expect([...stats.numbers]).toEqual([]);
    expect(stats.info).toEqual(NO_INFO);
  });

  it('refuses a numeric file that is not an integer, naming the device and the file', () => {
    expectParseError(() => parseWatchdog('watchdog3', { timeout: ' 30s\n' }), 'watchdog3/timeout: expected an integer, got "30s"');
  });
});

describe('watchdog parser under garbage input', () => {
  itSurvivesGarbage('watchdog', '300\n', (t) => parseWatchdog('watchdog0', every([...WATCHDOG_NUMERIC.map(([f]) => f), ...WATCHDOG_TEXT], t)));
});
