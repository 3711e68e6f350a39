import { describe, expect, it } from 'vitest';
import {
  decodeDriverInfo, decodeLinkSettings, decodeStatistics, DRVINFO_LENGTH, encodeCommand, encodeStatsRequest, encodeStringsRequest,
  ETHTOOL_CMD_LENGTH, ETHTOOL_GDRVINFO,
} from '../../src/ethtool/commands.js';

function strings(names: string[]): Buffer {
  const buf = Buffer.alloc(12 + names.length * 32);
  names.forEach((n, i) => buf.write(n, 12 + i * 32, 'latin1'));
  return buf;
}

function values(vs: bigint[]): Buffer {
  const buf = Buffer.alloc(8 + vs.length * 8);
  vs.forEach((v, i) => buf.writeBigUInt64LE(v, 8 + i * 8));
  return buf;
}

describe('ethtool command buffers', () => {
  it('decodes struct ethtool_drvinfo: the five strings cut at NUL and the statistics count', () => {
    const buf = encodeCommand(ETHTOOL_GDRVINFO, DRVINFO_LENGTH);
    buf.write('virtio_net', 4);
    buf.write('1.0.0', 36);
    buf.write('', 68);
    buf.write('0000:00:03.0', 100);
    buf.write('N/A', 132);
    buf.writeUInt32LE(17, 180);
    expect(buf.readUInt32LE(0)).toBe(3);
    expect(decodeDriverInfo(buf)).toEqual({ driver: 'virtio_net', version: '1.0.0', firmwareVersion: '', busInfo: '0000:00:03.0', expansionRomVersion: 'N/A', statisticsCount: 17 });
  });

  it('decodes struct ethtool_cmd: supported and advertised masks, autoneg byte', () => {
    const buf = encodeCommand(1, ETHTOOL_CMD_LENGTH);
    buf.writeUInt32LE(0x80000063, 4);
    buf.writeUInt32LE(0x2040, 8);
    buf.writeUInt8(1, 18);
    expect(decodeLinkSettings(buf)).toEqual({ supported: 0x80000063, advertising: 0x2040, autonegotiation: 1 });
  });

  it('writes the GSTRINGS and GSTATS headers', () => {
    const s = Buffer.alloc(12);
    encodeStringsRequest(s, 5);
    expect([s.readUInt32LE(0), s.readUInt32LE(4), s.readUInt32LE(8)]).toEqual([0x1b, 1, 5]);
    const v = Buffer.alloc(8);
    encodeStatsRequest(v, 5);
    expect([v.readUInt32LE(0), v.readUInt32LE(4)]).toEqual([0x1d, 5]);
  });

  it('pairs names with values: empty names dropped, a repeated name keeps the later value, a 32-byte name unterminated', () => {
    const long = 'x'.repeat(32);
    const stats = decodeStatistics(strings(['rx_packets', '', 'tx_kicks', 'rx_packets', long]), values([1n, 2n, 3n, 4n, 2n ** 60n]), 5);
    expect([...stats]).toEqual([['rx_packets', 4], ['tx_kicks', 3], [long, 2 ** 60]]);
  });

  it('reads only the count asked for, whatever the buffers hold beyond it', () => {
    expect([...decodeStatistics(strings(['a', 'b']), values([1n, 2n]), 1)]).toEqual([['a', 1]]);
  });
});
