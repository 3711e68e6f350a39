import { attrText, parseHexAttr, parseIntAttr } from './attributes.js';

/** The attributes of /sys/class/net/<iface> node_exporter reports; absent ones stay undefined. */
export const NETCLASS_FILES = [
  'addr_assign_type',
  'address',
  'broadcast',
  'carrier',
  'carrier_changes',
  'carrier_up_count',
  'carrier_down_count',
  'dev_id',
  'dormant',
  'duplex',
  'flags',
  'ifalias',
  'ifindex',
  'iflink',
  'link_mode',
  'mtu',
  'name_assign_type',
  'netdev_group',
  'operstate',
  'speed',
  'tx_queue_len',
  'type',
] as const;

export type NetclassFile = (typeof NETCLASS_FILES)[number];

export interface NetClassIface {
  readonly name: string;
  readonly address?: string;
  readonly broadcast?: string;
  readonly duplex?: string;
  readonly ifalias?: string;
  readonly operstate?: string;
  readonly addrAssignType?: number;
  readonly carrier?: number;
  readonly carrierChanges?: number;
  readonly carrierUpCount?: number;
  readonly carrierDownCount?: number;
  readonly devId?: number;
  readonly dormant?: number;
  readonly flags?: number;
  readonly ifindex?: number;
  readonly iflink?: number;
  readonly linkMode?: number;
  readonly mtu?: number;
  readonly nameAssignType?: number;
  readonly netdevGroup?: number;
  /** Mbit/s as the driver reports it; -1 when unknown. */
  readonly speed?: number;
  readonly txQueueLen?: number;
  readonly type?: number;
}

export function parseNetClassIface(name: string, files: Readonly<Partial<Record<NetclassFile, string>>>): NetClassIface {
  const str = (f: NetclassFile): string | undefined => (files[f] === undefined ? undefined : attrText(files[f] as string));
  const int = (f: NetclassFile): number | undefined =>
    files[f] === undefined ? undefined : parseIntAttr(files[f] as string, `${name}/${f}`);
  const hex = (f: NetclassFile): number | undefined =>
    files[f] === undefined ? undefined : parseHexAttr(files[f] as string, `${name}/${f}`);
  return {
    name,
    address: str('address'),
    broadcast: str('broadcast'),
    duplex: str('duplex'),
    ifalias: str('ifalias'),
    operstate: str('operstate'),
    addrAssignType: int('addr_assign_type'),
    carrier: int('carrier'),
    carrierChanges: int('carrier_changes'),
    carrierUpCount: int('carrier_up_count'),
    carrierDownCount: int('carrier_down_count'),
    devId: hex('dev_id'),
    dormant: int('dormant'),
    flags: hex('flags'),
    ifindex: int('ifindex'),
    iflink: int('iflink'),
    linkMode: int('link_mode'),
    mtu: int('mtu'),
    nameAssignType: int('name_assign_type'),
    netdevGroup: int('netdev_group'),
    speed: int('speed'),
    txQueueLen: int('tx_queue_len'),
    type: int('type'),
  };
}
