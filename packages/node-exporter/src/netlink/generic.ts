/**
 * Generic netlink (linux/genetlink.h): every message body starts with struct genlmsghdr (cmd,
 * version, reserved). A family such as nl80211 has a number the kernel assigns at load time,
 * found by name through the "nlctrl" controller (CTRL_CMD_GETFAMILY); an unknown name is
 * answered with ENOENT, which is how "no such subsystem on this host" shows.
 */
import { cString, encodeAttribute, netlinkAttributes } from './attributes.js';
import { encodeRequest, NLM_F_DUMP, NLM_F_REQUEST } from './route-messages.js';

export const GENL_ID_CTRL = 0x10;
export const GENL_HEADER_LENGTH = 4;
const CTRL_CMD_GETFAMILY = 3;
const CTRL_ATTR_FAMILY_ID = 1;
const CTRL_ATTR_FAMILY_NAME = 2;

function genlBody(command: number, version: number, attributes: Buffer[]): Buffer {
  const head = Buffer.alloc(GENL_HEADER_LENGTH);
  head.writeUInt8(command, 0);
  head.writeUInt8(version, 1);
  return Buffer.concat([head, ...attributes]);
}

export function encodeGetFamily(name: string, sequence: number): Buffer {
  return encodeRequest(GENL_ID_CTRL, NLM_F_REQUEST, sequence, genlBody(CTRL_CMD_GETFAMILY, 1, [encodeAttribute(CTRL_ATTR_FAMILY_NAME, Buffer.from(`${name}\0`))]));
}

/** The controller's answer: the family's name and message type number. */
export function decodeFamily(payload: Buffer): { name: string; id: number } | undefined {
  let name: string | undefined;
  let id: number | undefined;
  for (const a of netlinkAttributes(payload, GENL_HEADER_LENGTH)) {
    if (a.type === CTRL_ATTR_FAMILY_ID && a.value.length >= 2) id = a.value.readUInt16LE(0);
    else if (a.type === CTRL_ATTR_FAMILY_NAME) name = cString(a.value);
  }
  return name !== undefined && id !== undefined ? { name, id } : undefined;
}

/** A dump of a generic netlink family's command, with optional request attributes (encoded). */
export function encodeGenericDump(family: number, command: number, sequence: number, attributes: Buffer[] = []): Buffer {
  return encodeRequest(family, NLM_F_REQUEST | NLM_F_DUMP, sequence, genlBody(command, 1, attributes));
}
