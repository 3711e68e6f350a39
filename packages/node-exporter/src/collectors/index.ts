import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { arpCollector } from './arp.js';
import { bcacheCollector } from './bcache.js';
import { bcachefsCollector } from './bcachefs.js';
import { bondingCollector } from './bonding.js';
import { btrfsCollector } from './btrfs.js';
import { buddyinfoCollector } from './buddyinfo.js';
import { cgroupsCollector } from './cgroups.js';
import { conntrackCollector } from './conntrack.js';
import { cpuCollector } from './cpu.js';
import { cpuVulnerabilitiesCollector } from './cpu_vulnerabilities.js';
import { cpufreqCollector } from './cpufreq.js';
import { diskstatsCollector } from './diskstats.js';
import { dmiCollector } from './dmi.js';
import { dmmultipathCollector } from './dmmultipath.js';
import { drbdCollector } from './drbd.js';
import { drmCollector } from './drm.js';
import { edacCollector } from './edac.js';
import { entropyCollector } from './entropy.js';
import { ethtoolCollector } from './ethtool.js';
import { fibrechannelCollector } from './fibrechannel.js';
import { filefdCollector } from './filefd.js';
import { filesystemCollector } from './filesystem.js';
import { hwmonCollector } from './hwmon.js';
import { infinibandCollector } from './infiniband.js';
import { interruptsCollector } from './interrupts.js';
import { ipvsCollector } from './ipvs.js';
import { kernelHungCollector } from './kernel_hung.js';
import { ksmdCollector } from './ksmd.js';
import { lnstatCollector } from './lnstat.js';
import { loadavgCollector } from './loadavg.js';
import { logindCollector } from './logind.js';
import { mdadmCollector } from './mdadm.js';
import { meminfoCollector } from './meminfo.js';
import { meminfoNumaCollector } from './meminfo_numa.js';
import { mountstatsCollector } from './mountstats.js';
import { netclassCollector } from './netclass.js';
import { netdevCollector } from './netdev.js';
import { netstatCollector } from './netstat.js';
import { networkRouteCollector } from './network_route.js';
import { nfsCollector } from './nfs.js';
import { nfsdCollector } from './nfsd.js';
import { ntpCollector } from './ntp.js';
import { nvmeCollector } from './nvme.js';
import { osCollector } from './os.js';
import { perfCollector } from './perf.js';
import { powerSupplyClassCollector } from './powersupplyclass.js';
import { pressureCollector } from './pressure.js';
import { processesCollector } from './processes.js';
import { qdiscCollector } from './qdisc.js';
import { raplCollector } from './rapl.js';
import { schedstatCollector } from './schedstat.js';
import { selinuxCollector } from './selinux.js';
import { slabinfoCollector } from './slabinfo.js';
import { sockstatCollector } from './sockstat.js';
import { softirqsCollector } from './softirqs.js';
import { softnetCollector } from './softnet.js';
import { statCollector } from './stat.js';
import { swapCollector } from './swap.js';
import { sysctlCollector } from './sysctl.js';
import { systemdCollector } from './systemd.js';
import { tapestatsCollector } from './tapestats.js';
import { tcpstatCollector } from './tcpstat.js';
import { textfileCollector } from './textfile.js';
import { thermalZoneCollector } from './thermal_zone.js';
import { timeCollector } from './time.js';
import { timexCollector } from './timex.js';
import { udpQueuesCollector } from './udp_queues.js';
import { unameCollector } from './uname.js';
import { vmstatCollector } from './vmstat.js';
import { watchdogCollector } from './watchdog.js';
import { wifiCollector } from './wifi.js';
import { xfrmCollector } from './xfrm.js';
import { xfsCollector } from './xfs.js';
import { zfsCollector } from './zfs.js';
import { zoneinfoCollector } from './zoneinfo.js';

/**
 * Every Linux collector, one line each, sorted by node_exporter's collector name. Each collector
 * declares its own name, help and default on/off; the kit derives --collector.<name> and
 * --no-collector.<name> from this list and runs the enabled ones.
 */
export const nodeCollectors: ReadonlyArray<Collector<NodeContext>> = [
  arpCollector,
  bcacheCollector,
  bcachefsCollector,
  bondingCollector,
  btrfsCollector,
  buddyinfoCollector,
  cgroupsCollector,
  conntrackCollector,
  cpuCollector,
  cpuVulnerabilitiesCollector,
  cpufreqCollector,
  diskstatsCollector,
  dmiCollector,
  dmmultipathCollector,
  drbdCollector,
  drmCollector,
  edacCollector,
  entropyCollector,
  ethtoolCollector,
  fibrechannelCollector,
  filefdCollector,
  filesystemCollector,
  hwmonCollector,
  infinibandCollector,
  interruptsCollector,
  ipvsCollector,
  kernelHungCollector,
  ksmdCollector,
  lnstatCollector,
  loadavgCollector,
  logindCollector,
  mdadmCollector,
  meminfoCollector,
  meminfoNumaCollector,
  mountstatsCollector,
  netclassCollector,
  netdevCollector,
  netstatCollector,
  networkRouteCollector,
  nfsCollector,
  nfsdCollector,
  ntpCollector,
  nvmeCollector,
  osCollector,
  perfCollector,
  powerSupplyClassCollector,
  pressureCollector,
  processesCollector,
  qdiscCollector,
  raplCollector,
  schedstatCollector,
  selinuxCollector,
  slabinfoCollector,
  sockstatCollector,
  softirqsCollector,
  softnetCollector,
  statCollector,
  swapCollector,
  sysctlCollector,
  systemdCollector,
  tapestatsCollector,
  tcpstatCollector,
  textfileCollector,
  thermalZoneCollector,
  timeCollector,
  timexCollector,
  udpQueuesCollector,
  unameCollector,
  vmstatCollector,
  watchdogCollector,
  wifiCollector,
  xfrmCollector,
  xfsCollector,
  zfsCollector,
  zoneinfoCollector,
];
