import { loadLibc } from '@scrapekit/exporter-kit/libc';
import { decodeRouteMessages, type RouteMessage } from '../netlink/route-messages.js';

const AF_NETLINK = 16;
const SOCK_RAW = 3;
const SOCK_CLOEXEC = 0o2000000;
const RECEIVE_BUFFER = 32 * 1024;
export const NETLINK_ROUTE = 0;
export const NETLINK_GENERIC = 16;

interface NetlinkSocketCalls {
  socket(domain: number, type: number, protocol: number): number;
  sendto(fd: number, buf: Buffer, length: number, flags: number, addr: Buffer, addrLength: number): number;
  recv(fd: number, buf: Buffer, length: number, flags: number): number;
  close(fd: number): number;
}

let calls: Promise<NetlinkSocketCalls | Error> | undefined;

function load(): Promise<NetlinkSocketCalls | Error> {
  calls ??= (async () => {
    const libc = await loadLibc();
    if (libc instanceof Error) return libc;
    try {
      return {
        socket: libc.func('int socket(int, int, int)') as NetlinkSocketCalls['socket'],
        sendto: libc.func('long sendto(int, const uint8_t *buf, size_t len, int flags, const uint8_t *addr, uint32_t addrlen)') as NetlinkSocketCalls['sendto'],
        recv: libc.func('long recv(int, _Out_ uint8_t *buf, size_t len, int flags)') as NetlinkSocketCalls['recv'],
        close: libc.func('int close(int)') as NetlinkSocketCalls['close'],
      };
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  })();
  return calls;
}

/**
 * Sends one request on a fresh netlink socket of `protocol` and returns the reply's messages of
 * type `wanted`. A dump (`dump: true`) is read until NLMSG_DONE; a plain request's answer is one
 * datagram. The kernel builds these replies at once, so the blocking recv calls return
 * immediately. An NLMSG_ERROR answer throws NetlinkError with its errno.
 */
export async function netlinkTransact(protocol: number, request: Buffer, wanted: number, dump: boolean): Promise<RouteMessage[]> {
  const c = await load();
  if (c instanceof Error) throw c;
  const fd = c.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol);
  if (fd < 0) throw new Error('netlink: socket() failed');
  try {
    const kernel = Buffer.alloc(12);
    kernel.writeUInt16LE(AF_NETLINK, 0);
    if (c.sendto(fd, request, request.length, 0, kernel, kernel.length) < 0) throw new Error('netlink: sendto() failed');
    const out: RouteMessage[] = [];
    const buf = Buffer.alloc(RECEIVE_BUFFER);
    for (;;) {
      const n = c.recv(fd, buf, buf.length, 0);
      if (n <= 0) throw new Error('netlink: recv() failed');
      const { messages, done } = decodeRouteMessages(buf.subarray(0, n));
      for (const m of messages) if (m.type === wanted) out.push({ type: m.type, payload: Buffer.from(m.payload) });
      if (done || !dump) return out;
    }
  } finally {
    c.close(fd);
  }
}
