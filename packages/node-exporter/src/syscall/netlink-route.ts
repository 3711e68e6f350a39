import { loadLibc } from './libc.js';
import {
  decodeAddress, decodeLink, decodeRouteMessages, encodeDumpRequest,
  RTM_GETADDR, RTM_GETLINK, RTM_NEWADDR, RTM_NEWLINK,
  type AddressRecord, type LinkRecord, type RouteMessage,
} from '../netlink/route-messages.js';

const AF_NETLINK = 16;
const SOCK_RAW = 3;
const SOCK_CLOEXEC = 0o2000000;
const NETLINK_ROUTE = 0;
const RECEIVE_BUFFER = 32 * 1024;

interface RouteSocketCalls {
  socket(domain: number, type: number, protocol: number): number;
  sendto(fd: number, buf: Buffer, length: number, flags: number, addr: Buffer, addrLength: number): number;
  recv(fd: number, buf: Buffer, length: number, flags: number): number;
  close(fd: number): number;
}

let calls: Promise<RouteSocketCalls | Error> | undefined;

function load(): Promise<RouteSocketCalls | Error> {
  calls ??= (async () => {
    const libc = await loadLibc();
    if (libc instanceof Error) return libc;
    try {
      return {
        socket: libc.func('int socket(int, int, int)') as RouteSocketCalls['socket'],
        sendto: libc.func('long sendto(int, const uint8_t *buf, size_t len, int flags, const uint8_t *addr, uint32_t addrlen)') as RouteSocketCalls['sendto'],
        recv: libc.func('long recv(int, _Out_ uint8_t *buf, size_t len, int flags)') as RouteSocketCalls['recv'],
        close: libc.func('int close(int)') as RouteSocketCalls['close'],
      };
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  })();
  return calls;
}

/**
 * One rtnetlink dump (the whole link or address table). The kernel builds the reply at once, so
 * the blocking recv calls return immediately; no privilege is needed to read these tables.
 */
async function dump(type: number, headerLength: number, wanted: number): Promise<RouteMessage[]> {
  const c = await load();
  if (c instanceof Error) throw c;
  const fd = c.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
  if (fd < 0) throw new Error('netlink: socket() failed');
  try {
    const kernel = Buffer.alloc(12);
    kernel.writeUInt16LE(AF_NETLINK, 0);
    const request = encodeDumpRequest(type, headerLength, 1);
    if (c.sendto(fd, request, request.length, 0, kernel, kernel.length) < 0) throw new Error('netlink: sendto() failed');
    const out: RouteMessage[] = [];
    const buf = Buffer.alloc(RECEIVE_BUFFER);
    for (;;) {
      const n = c.recv(fd, buf, buf.length, 0);
      if (n <= 0) throw new Error('netlink: recv() failed');
      const { messages, done } = decodeRouteMessages(buf.subarray(0, n));
      for (const m of messages) if (m.type === wanted) out.push({ type: m.type, payload: Buffer.from(m.payload) });
      if (done) return out;
    }
  } finally {
    c.close(fd);
  }
}

export interface InterfaceAddress extends AddressRecord {
  readonly device: string;
}

/** Every address of every interface, whatever the interface's state (as Go's net.Interfaces + Addrs). */
export async function readInterfaceAddresses(): Promise<InterfaceAddress[]> {
  const links = (await dump(RTM_GETLINK, 16, RTM_NEWLINK)).map((m) => decodeLink(m.payload)).filter((l): l is LinkRecord => l !== undefined);
  const names = new Map(links.map((l) => [l.index, l.name]));
  const addresses = (await dump(RTM_GETADDR, 8, RTM_NEWADDR)).map((m) => decodeAddress(m.payload));
  const out: InterfaceAddress[] = [];
  for (const a of addresses) {
    const device = a === undefined ? undefined : names.get(a.index);
    if (a !== undefined && device !== undefined) out.push({ ...a, device });
  }
  return out;
}
