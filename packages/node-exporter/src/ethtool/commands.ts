/**
 * The SIOCETHTOOL command buffers node_exporter's ethtool library (safchain/ethtool) uses, as
 * laid out in linux/ethtool.h: driver info (ETHTOOL_GDRVINFO), the legacy link settings
 * (ETHTOOL_GSET, struct ethtool_cmd) and the NIC statistics with their names (ETHTOOL_GSTRINGS
 * of ETH_SS_STATS, then ETHTOOL_GSTATS). Encoders build the request; decoders read the kernel's
 * answer from the same buffer.
 */
import { cString } from '../netlink/attributes.js';

export const ETHTOOL_GSET = 0x01;
export const ETHTOOL_GDRVINFO = 0x03;
export const ETHTOOL_GSTRINGS = 0x1b;
export const ETHTOOL_GSTATS = 0x1d;
const ETH_SS_STATS = 1;
const ETH_GSTRING_LEN = 32;
/** safchain/ethtool's limit: more statistics than this is an error. */
export const MAX_STATISTICS = 32768;
export const DRVINFO_LENGTH = 196;
export const ETHTOOL_CMD_LENGTH = 44;
const GSTRINGS_HEADER = 12;
const GSTATS_HEADER = 8;
/** Room for the most strings or values the kernel may write back (it writes its own current count). */
export const STRINGS_BUFFER_LENGTH = GSTRINGS_HEADER + MAX_STATISTICS * ETH_GSTRING_LEN;
export const STATS_BUFFER_LENGTH = GSTATS_HEADER + MAX_STATISTICS * 8;

export interface DriverInfo {
  readonly driver: string;
  readonly version: string;
  readonly firmwareVersion: string;
  readonly busInfo: string;
  readonly expansionRomVersion: string;
  readonly statisticsCount: number;
}

export interface LinkSettings {
  /** Bit mask of ETHTOOL_LINK_MODE_* bits 0-31. */
  readonly supported: number;
  readonly advertising: number;
  readonly autonegotiation: number;
}

export function encodeCommand(cmd: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  buf.writeUInt32LE(cmd, 0);
  return buf;
}

export function decodeDriverInfo(buf: Buffer): DriverInfo {
  const text = (at: number): string => cString(buf.subarray(at, at + 32));
  return {
    driver: text(4),
    version: text(36),
    firmwareVersion: text(68),
    busInfo: text(100),
    expansionRomVersion: text(132),
    statisticsCount: buf.readUInt32LE(180),
  };
}

export function decodeLinkSettings(buf: Buffer): LinkSettings {
  return { supported: buf.readUInt32LE(4), advertising: buf.readUInt32LE(8), autonegotiation: buf.readUInt8(18) };
}

/** ETHTOOL_GSTRINGS request header for the statistics names, into `buf` (at least STRINGS_BUFFER_LENGTH). */
export function encodeStringsRequest(buf: Buffer, count: number): void {
  buf.writeUInt32LE(ETHTOOL_GSTRINGS, 0);
  buf.writeUInt32LE(ETH_SS_STATS, 4);
  buf.writeUInt32LE(count, 8);
}

export function encodeStatsRequest(buf: Buffer, count: number): void {
  buf.writeUInt32LE(ETHTOOL_GSTATS, 0);
  buf.writeUInt32LE(count, 4);
}

/**
 * Pairs the first `count` names with their values, as safchain/ethtool does: a name cut at its
 * first NUL, empty names left out, a later duplicate name replacing the earlier value.
 */
export function decodeStatistics(strings: Buffer, stats: Buffer, count: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const at = GSTRINGS_HEADER + i * ETH_GSTRING_LEN;
    const name = cString(strings.subarray(at, at + ETH_GSTRING_LEN));
    if (name !== '') out.set(name, Number(stats.readBigUInt64LE(GSTATS_HEADER + i * 8)));
  }
  return out;
}
