import { countArpEntries } from '../../src/procfs/arp.js';
import { sumUdpQueues } from '../../src/procfs/udp-queues.js';
import { parseSelinuxConfigMode } from '../../src/sysfs/selinux.js';
import { raplZoneNames } from '../../src/sysfs/rapl.js';
import { parseWatchdog, WATCHDOG_NUMERIC, WATCHDOG_TEXT } from '../../src/sysfs/watchdog.js';
import { parsePowerSupply, POWER_SUPPLY_NUMERIC, POWER_SUPPLY_TEXT } from '../../src/sysfs/power-supply.js';
import { parseInterrupts } from '../../src/procfs/interrupts.js';
import { parseSoftirqs } from '../../src/procfs/softirqs.js';
import { addTcpStates } from '../../src/procfs/tcp-states.js';
import { parseBuddyinfo } from '../../src/procfs/buddyinfo.js';
import { parseProcCgroups } from '../../src/procfs/cgroups.js';
import { parsePidStat } from '../../src/procfs/pid-stat.js';
import { parseNodeMeminfo, parseNumastat } from '../../src/sysfs/numa.js';
import { parseRpcStatLines, procOps, fixedLine, NFS_V3_OPS } from '../../src/procfs/nfs.js';
import { parseIpvsBackends, parseIpvsStats } from '../../src/procfs/ipvs.js';
import { parseIbCounter, parseIbRate, parseIbStateId } from '../../src/sysfs/infiniband.js';
import { parseXfsStats } from '../../src/procfs/xfs.js';
import { kstatNumbers, parseKstatIo, parseKstatNamed } from '../../src/procfs/kstat.js';
import { parseBtrfsCommitStats } from '../../src/sysfs/btrfs.js';
import { dehumanize, parsePriorityStats, parseWritebackRateDebug } from '../../src/sysfs/bcache.js';
import { parseBcachefsErrors, parseBtreeWriteStats, parseCompressionStats, parseCounterFile, parseHumanBytes, parseIoDone, parseIoErrors } from '../../src/sysfs/bcachefs.js';
import { parseXfrmStat } from '../../src/procfs/xfrm.js';
import { parseSysctlRequest, parseSysctlValues } from '../../src/procfs/sysctl.js';
import { parseLnstat } from '../../src/procfs/lnstat.js';
import { parseSlabinfo } from '../../src/procfs/slabinfo.js';
import { parseZoneinfo } from '../../src/procfs/zoneinfo.js';
import { readFileSync } from 'node:fs';
import { FIXTURES } from './helpers.js';
import { parseProcDrbd } from '../../src/procfs/drbd.js';
import { mountinfoAddresses, parseMountStats } from '../../src/procfs/mountstats.js';
import { parseVulnerability } from '../../src/sysfs/vulnerabilities.js';
import { parseSwaps } from '../../src/procfs/swaps.js';
import { dmiInfoLabels } from '../../src/sysfs/dmi.js';
import { parseListUnits, parseShowBlocks, parseSystemdVersion, parseTimestampSeconds } from '../../src/systemd/parse.js';

const every = (names: readonly string[], t: string): Record<string, string> => Object.fromEntries(names.map((n) => [n, t]));

/**
 * Parsers of the later registry-more collectors join the fuzz test through this list:
 * [name, a valid sample, parse function].
 */
export const extraParsers: Array<[string, string, (text: string) => unknown]> = [
  ['arp', 'IP address HW type Flags HW address Mask Device\n10.0.0.1 0x1 0x2 aa:bb:cc:dd:ee:ff * eth0\n', countArpEntries],
  ['udp', '  sl  local_address rem_address   st tx_queue rx_queue\n 1: 00000000:0044 00000000:0000 07 00000001:00000002 00:0\n', sumUdpQueues],
  ['selinux config', 'SELINUX=permissive\n', parseSelinuxConfigMode],
  ['rapl names', 'package-0', (t) => raplZoneNames(t.split('\n'))],
  ['watchdog', '300\n', (t) => parseWatchdog('watchdog0', every([...WATCHDOG_NUMERIC.map(([f]) => f), ...WATCHDOG_TEXT], t))],
  ['power supply', '12000\n', (t) => parsePowerSupply('BAT0', every([...POWER_SUPPLY_NUMERIC.map(([f]) => f), ...POWER_SUPPLY_TEXT], t))],
  ['dmi', 'X12\n', (t) => dmiInfoLabels({ bios_date: t, sys_vendor: t })],
  ['systemctl list-units', '  a.service loaded active running A\n● b.service loaded failed failed B\n', parseListUnits],
  ['systemctl show', 'Id=a.service\nType=simple\n\nId=b.timer\nLastTriggerUSec=@17\n', parseShowBlocks],
  ['systemctl --version', 'systemd 252 (252.36-1)\n', parseSystemdVersion],
  ['timestamp', '@1764028800', parseTimestampSeconds],
  ['interrupts', '  CPU0 CPU1\n 0: 1 2 IO-APIC 2-edge timer\nNMI: 1 2 Non-maskable\n', parseInterrupts],
  ['softirqs', '  CPU0 CPU1\n HI: 1 2\n', parseSoftirqs],
  ['tcp', '  sl local rem st tx_queue rx_queue\n 0: 00000000:0016 00000000:0000 0A 00000000:00000001 00:0\n', (t) => addTcpStates(t, new Map())],
  ['buddyinfo', 'Node 0, zone DMA 1 2 3\n', parseBuddyinfo],
  ['cgroups', '#subsys_name hierarchy num_cgroups enabled\ncpu 0 1 1\n', parseProcCgroups],
  ['pid stat', '1 (init) S 0 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 88\n', parsePidStat],
  ['node meminfo', 'Node 0 MemTotal: 100 kB\n', parseNodeMeminfo],
  ['numastat', 'numa_hit 1\n', parseNumastat],
  ['rpc stats', 'net 1 2 3 4\nproc3 22 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22\n', (t) => {
    const l = parseRpcStatLines(t);
    fixedLine(l, 'net', 4);
    return procOps(l, 'proc3', NFS_V3_OPS, 22);
  }],
  ['ip_vs_stats', ' a\n b\n  1A 2B 0 3C 0\n', parseIpvsStats],
  ['ip_vs', 'h\nh\nh\nTCP  0A000001:0050 wlc\n  -> [fd00:0000:0000:0000:0000:0000:0000:0001]:0050 Route 1 2 3\nFWM  0000000a rr\n', parseIpvsBackends],
  ['infiniband state', '4: ACTIVE\n', parseIbStateId],
  ['infiniband rate', '100 Gb/sec (4X EDR)\n', parseIbRate],
  ['infiniband counter', '2221223609\n', parseIbCounter],
  ['xfs stats', 'rw 1 2\nvnodes 1 2 3 4 5 6 7 8\n', parseXfsStats],
  ['kstat named', '1 1 0x01\nname type data\nhits 4 12\nds 7 tank/x\n', (t) => kstatNumbers(parseKstatNamed(t))],
  ['kstat io', '1 3 0x00\nnread nwritten\n1 2\n', parseKstatIo],
  ['btrfs commit_stats', 'commits 3\nmax_commit_ms 5\n', parseBtrfsCommitStats],
  ['bcache value', '1.2G\n', dehumanize],
  ['bcache writeback_rate_debug', 'rate:\t1.1M/sec\ntarget:\t2.0G\n', parseWritebackRateDebug],
  ['bcache priority_stats', 'Unused:\t41%\nMetadata:\t1%\n', parsePriorityStats],
  ['bcachefs size', '38.5M\n', parseHumanBytes],
  ['bcachefs compression_stats', 'type compressed uncompressed\nlz4: 1.5G 3G 60k\n', parseCompressionStats],
  ['bcachefs errors', 'btree_node_read_error 2 17\n', parseBcachefsErrors],
  ['bcachefs counter', 'since mount: 12.0G\nsince filesystem creation: 1.25T\n', parseCounterFile],
  ['bcachefs btree_write_stats', ' nr size\ninitial: 1201 40.0k\n', parseBtreeWriteStats],
  ['bcachefs io_done', 'read:\nbtree : 81264640\nwrite:\nuser : 9\n', parseIoDone],
  ['bcachefs io_errors', 'IO errors since filesystem creation\n  read: 3\nIO errors since 4 y ago\n', parseIoErrors],
  ['xfrm_stat', 'XfrmInError 1\nXfrmOutPolDead 0\n', parseXfrmStat],
  ['sysctl values', '32768\t60999\n', (t) => parseSysctlValues(t, true, 'x')],
  ['sysctl request', 'fs.file-nr:total,current,max', (t) => parseSysctlRequest(t, true)],
  ['lnstat', 'entries found\n00000001 0000000a\n', parseLnstat],
  ['slabinfo', 'slabinfo - version: 2.1\n# name\ndentry 1 2 192 21 1 : tunables 0 0 0 : slabdata 1 1 0\n', parseSlabinfo],
  ['zoneinfo', 'Node 0, zone DMA\n  min 33\n  protection: (0, 1)\n  nr_free_pages 3\n', parseZoneinfo],
  ['/proc/drbd', ' 0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate\n ns:1 nr:2 oos:0\n', parseProcDrbd],
  ['mountstats', readFileSync(`${FIXTURES}/proc/977/mountstats`, 'utf8'), parseMountStats],
  ['mountinfo addresses', '1 2 0:5 / /m rw - nfs s:/e rw,addr=10.0.0.1\n', mountinfoAddresses],
  ['cpu vulnerability', 'Mitigation: PTI\n', (t) => parseVulnerability('meltdown', t)],
  ['/proc/swaps', 'Filename Type Size Used Priority\n/dev/zram0 partition 8 1 100\n', parseSwaps],
];
