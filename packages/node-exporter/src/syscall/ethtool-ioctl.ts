import { loadLibc } from '@scrapekit/exporter-kit/libc';
import {
  decodeDriverInfo, decodeLinkSettings, decodeStatistics, DRVINFO_LENGTH, encodeCommand, encodeStatsRequest, encodeStringsRequest,
  ETHTOOL_CMD_LENGTH, ETHTOOL_GDRVINFO, ETHTOOL_GSET, MAX_STATISTICS, STATS_BUFFER_LENGTH, STRINGS_BUFFER_LENGTH,
  type DriverInfo, type LinkSettings,
} from '../ethtool/commands.js';

const AF_INET = 2;
const SOCK_DGRAM = 2;
const SOCK_CLOEXEC = 0o2000000;
const SIOCETHTOOL = 0x8946;
const IFNAMSIZ = 16;
export const EOPNOTSUPP = 95;

/** An ethtool command the kernel refused; `errno` 95 (EOPNOTSUPP) means the driver lacks it. */
export class EthtoolError extends Error {
  override readonly name = 'EthtoolError';
  constructor(readonly command: string, readonly errno: number) {
    super(`ethtool ${command}: errno ${errno}`);
  }
}

interface EthtoolCalls {
  socket(domain: number, type: number, protocol: number): number;
  ioctl(fd: number, request: number, ifr: { name: number[]; data: Buffer; pad: number[] }): number;
  close(fd: number): number;
  errno(): number;
}

let calls: Promise<EthtoolCalls | Error> | undefined;

function load(): Promise<EthtoolCalls | Error> {
  calls ??= (async () => {
    const libc = await loadLibc();
    if (libc instanceof Error) return libc;
    try {
      const koffi = ((await import('koffi')) as unknown as { default: KoffiTypes }).default;
      // struct ifreq: the name, then (in the union) the pointer to the ethtool command buffer.
      koffi.struct('scrapekit_ifreq_ethtool', { name: koffi.array('uint8_t', IFNAMSIZ), data: 'void *', pad: koffi.array('uint8_t', 16) });
      return {
        socket: libc.func('int socket(int, int, int)') as EthtoolCalls['socket'],
        ioctl: libc.func('int ioctl(int, unsigned long, const scrapekit_ifreq_ethtool *)') as EthtoolCalls['ioctl'],
        close: libc.func('int close(int)') as EthtoolCalls['close'],
        errno: () => koffi.errno(),
      };
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  })();
  return calls;
}

interface KoffiTypes {
  struct(name: string, fields: Record<string, unknown>): unknown;
  array(type: string, length: number): unknown;
  errno(): number;
}

/** Lazily allocated, shared by every device: the ioctl calls are synchronous, results are copied out. */
let stringsBuffer: Buffer | undefined;
let statsBuffer: Buffer | undefined;

/** One AF_INET datagram socket for a scrape's SIOCETHTOOL calls, as safchain/ethtool opens one. */
export class EthtoolSocket {
  private constructor(private readonly c: EthtoolCalls, private readonly fd: number) {}

  static async open(): Promise<EthtoolSocket> {
    const c = await load();
    if (c instanceof Error) throw c;
    const fd = c.socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) throw new Error(`ethtool: socket() failed (errno ${c.errno()})`);
    return new EthtoolSocket(c, fd);
  }

  close(): void {
    this.c.close(this.fd);
  }

  private call(command: string, device: string, data: Buffer): void {
    const name = Buffer.alloc(IFNAMSIZ);
    name.write(device.slice(0, IFNAMSIZ - 1), 'utf8');
    if (this.c.ioctl(this.fd, SIOCETHTOOL, { name: [...name], data, pad: new Array<number>(16).fill(0) }) < 0) {
      throw new EthtoolError(command, this.c.errno());
    }
  }

  driverInfo(device: string): DriverInfo {
    const buf = encodeCommand(ETHTOOL_GDRVINFO, DRVINFO_LENGTH);
    this.call('driver info', device, buf);
    return decodeDriverInfo(buf);
  }

  linkSettings(device: string): LinkSettings {
    const buf = encodeCommand(ETHTOOL_GSET, ETHTOOL_CMD_LENGTH);
    this.call('link info', device, buf);
    return decodeLinkSettings(buf);
  }

  /** Name → value of the NIC statistics (ETHTOOL_GDRVINFO for the count, GSTRINGS, GSTATS). */
  statistics(device: string): Map<string, number> {
    const { statisticsCount: count } = this.driverInfo(device);
    if (count > MAX_STATISTICS) throw new Error(`ethtool stats: ${count} statistics, more than ${MAX_STATISTICS}`);
    stringsBuffer ??= Buffer.allocUnsafeSlow(STRINGS_BUFFER_LENGTH);
    statsBuffer ??= Buffer.allocUnsafeSlow(STATS_BUFFER_LENGTH);
    encodeStringsRequest(stringsBuffer, count);
    this.call('stats', device, stringsBuffer);
    encodeStatsRequest(statsBuffer, count);
    this.call('stats', device, statsBuffer);
    return decodeStatistics(stringsBuffer, statsBuffer, count);
  }
}
