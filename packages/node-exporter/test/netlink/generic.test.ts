import { describe, expect, it } from 'vitest';
import { decodeFamily, encodeGenericDump, encodeGetFamily, GENL_ID_CTRL } from '../../src/netlink/generic.js';
import { decodeRouteMessages, NetlinkError, NLMSG_ERROR } from '../../src/netlink/route-messages.js';
import { attr, cstr, message, u16, u32 } from './build.js';

const genl = (cmd: number, ...attrs: Buffer[]): Buffer => Buffer.concat([Buffer.from([cmd, 1, 0, 0]), ...attrs]);

describe('generic netlink', () => {
  it('asks the controller for a family by name: GENL_ID_CTRL, NLM_F_REQUEST only, CTRL_CMD_GETFAMILY, NUL-terminated name', () => {
    const req = encodeGetFamily('nl80211', 9);
    expect([req.readUInt32LE(0), req.readUInt16LE(4), req.readUInt16LE(6), req.readUInt32LE(8)]).toEqual([req.length, GENL_ID_CTRL, 0x1, 9]);
    expect(req.readUInt8(16)).toBe(3);
    expect(req.subarray(20)).toEqual(attr(2, cstr('nl80211')));
  });

  it('builds a dump of a family command with no attributes', () => {
    const req = encodeGenericDump(0x1c, 5, 2);
    expect([req.length, req.readUInt16LE(4), req.readUInt16LE(6), req.readUInt8(16)]).toEqual([20, 0x1c, 0x301, 5]);
  });

  it('reads the family id and name from the controller answer', () => {
    expect(decodeFamily(genl(1, attr(2, cstr('nl80211')), attr(1, u16(0x1c))))).toEqual({ name: 'nl80211', id: 0x1c });
    expect(decodeFamily(genl(1, attr(2, cstr('nl80211'))))).toBeUndefined();
    expect(decodeFamily(genl(1, attr(1, u16(0x1c))))).toBeUndefined();
  });

  it('reads a full CTRL_CMD_NEWFAMILY answer: the version, header size, operations and multicast groups that follow are not the name', () => {
    const nest = (type: number, ...attrs: Buffer[]): Buffer => attr(0x8000 | type, Buffer.concat(attrs));
    const answer = genl(1, attr(2, cstr('nl80211')), attr(1, u16(0x1c)), attr(3, u32(1)), attr(4, u32(0)), attr(5, u32(327)),
      nest(6, nest(1, attr(1, u32(1)), attr(2, u32(0x0e)))),
      nest(7, nest(1, attr(1, cstr('config')), attr(2, u32(6)))));
    expect(decodeFamily(answer)).toEqual({ name: 'nl80211', id: 0x1c });
  });

  it('turns the controller\'s ENOENT for an unknown family into a NetlinkError carrying errno 2', () => {
    const payload = Buffer.alloc(20);
    payload.writeInt32LE(-2, 0);
    const err = (() => { try { decodeRouteMessages(message(NLMSG_ERROR, payload)); } catch (e) { return e; } return undefined; })();
    expect(err).toBeInstanceOf(NetlinkError);
    expect((err as NetlinkError).errno).toBe(2);
  });

});
