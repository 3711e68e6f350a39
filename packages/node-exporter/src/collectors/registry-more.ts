import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { buddyinfoCollector, cgroupsCollector } from './buddyinfo.js';
import { interruptsCollector, softirqsCollector } from './interrupts.js';
import { meminfoNumaCollector } from './meminfo-numa.js';
import { processesCollector } from './processes.js';
import { tcpstatCollector } from './tcpstat.js';
import { fibrechannelCollector } from './fibrechannel.js';
import { infinibandCollector } from './infiniband.js';
import { ipvsCollector } from './ipvs.js';
import { tapestatsCollector } from './tapestats.js';
import { xfsCollector } from './xfs.js';
import { btrfsCollector } from './btrfs.js';
import { zfsCollector } from './zfs.js';
import { bcacheCollector } from './bcache.js';
import { dmmultipathCollector } from './dmmultipath.js';
import { bcachefsCollector } from './bcachefs.js';
import { ksmdCollector } from './ksmd.js';
import { xfrmCollector } from './xfrm.js';
import { sysctlCollector } from './sysctl.js';
import { lnstatCollector, slabinfoCollector } from './lnstat.js';
import { zoneinfoCollector } from './zoneinfo.js';
import { drbdCollector } from './drbd.js';
import { mountstatsCollector } from './mountstats.js';
import { cpuVulnerabilitiesCollector } from './cpu-vulnerabilities.js';
import { swapCollector } from './swap.js';
import { drmCollector } from './drm.js';
import { arpCollector } from './arp.js';
import { bondingCollector } from './bonding.js';
import { cpufreqCollector } from './cpufreq.js';
import { dmiCollector } from './dmi.js';
import { edacCollector } from './edac.js';
import { hwmonCollector } from './hwmon.js';
import { kernelHungCollector } from './kernel-hung.js';
import { nfsCollector, nfsdCollector } from './nfs.js';
import { netclassCollector } from './netclass.js';
import { nvmeCollector } from './nvme.js';
import { powerSupplyClassCollector } from './powersupplyclass.js';
import { raplCollector } from './rapl.js';
import { schedstatCollector } from './schedstat.js';
import { selinuxCollector } from './selinux.js';
import { softnetCollector } from './softnet.js';
import { systemdCollector } from './systemd.js';
import { thermalZoneCollector } from './thermal-zone.js';
import { udpQueuesCollector } from './udp-queues.js';
import { watchdogCollector } from './watchdog.js';
import { networkRouteCollector } from './network_route.js';
import { qdiscCollector } from './qdisc.js';
import { ethtoolCollector } from './ethtool.js';
import { wifiCollector } from './wifi.js';

/** The rest of node_exporter's default set, and the default-off collectors. One import + one line per collector. */
export const moreCollectors: ReadonlyArray<Collector<NodeContext>> = [
  arpCollector,
  bondingCollector,
  cpufreqCollector,
  dmiCollector,
  edacCollector,
  hwmonCollector,
  kernelHungCollector,
  netclassCollector,
  nfsCollector,
  nfsdCollector,
  nvmeCollector,
  powerSupplyClassCollector,
  raplCollector,
  schedstatCollector,
  selinuxCollector,
  softnetCollector,
  systemdCollector,
  thermalZoneCollector,
  udpQueuesCollector,
  watchdogCollector,
  fibrechannelCollector,
  infinibandCollector,
  ipvsCollector,
  tapestatsCollector,
  xfsCollector,
  bcacheCollector,
  bcachefsCollector,
  btrfsCollector,
  dmmultipathCollector,
  zfsCollector,
  // default-off
  buddyinfoCollector,
  cgroupsCollector,
  interruptsCollector,
  meminfoNumaCollector,
  processesCollector,
  softirqsCollector,
  tcpstatCollector,
  ksmdCollector,
  xfrmCollector,
  sysctlCollector,
  lnstatCollector,
  slabinfoCollector,
  zoneinfoCollector,
  drbdCollector,
  mountstatsCollector,
  cpuVulnerabilitiesCollector,
  swapCollector,
  drmCollector,
  networkRouteCollector,
  qdiscCollector,
  ethtoolCollector,
  wifiCollector,
];
