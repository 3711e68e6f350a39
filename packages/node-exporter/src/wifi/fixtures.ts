/**
 * --collector.wifi.fixtures: node_exporter's wifi test input, JSON of mdlayher/wifi's types —
 * <dir>/interfaces.json, <dir>/<name>/bss.json, <dir>/<name>/stationinfo.json. Go's decoder
 * matches keys without regard to case; MAC addresses are base64 (Go's []byte); durations are
 * nanoseconds. A missing bss or station file means "none", as a missing kernel record does.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatMac, type WifiBss, type WifiInterface, type WifiStation } from '../netlink/nl80211.js';
import type { WifiSource } from './source.js';

type Json = Record<string, unknown>;

/** A field by Go's rule: exact key first, then any key equal ignoring case. */
function field(o: Json, name: string): unknown {
  if (name in o) return o[name];
  const key = Object.keys(o).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : o[key];
}

const num = (o: Json, name: string): number => { const v = field(o, name); return typeof v === 'number' ? v : 0; };
const str = (o: Json, name: string): string => { const v = field(o, name); return typeof v === 'string' ? v : ''; };
const mac = (o: Json, name: string): string => formatMac(Buffer.from(str(o, name), 'base64'));

function objects(text: string, file: string): Json[] {
  const v: unknown = JSON.parse(text);
  if (!Array.isArray(v)) throw new Error(`wifi fixtures: ${file} is not a JSON array`);
  return v.filter((x): x is Json => typeof x === 'object' && x !== null);
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

export function parseWifiInterfaces(text: string): WifiInterface[] {
  return objects(text, 'interfaces.json').map((o) => ({ index: num(o, 'Index'), name: str(o, 'Name'), type: num(o, 'Type'), frequencyMegahertz: num(o, 'Frequency') }));
}

export function parseWifiBss(text: string): WifiBss {
  const o = JSON.parse(text) as Json;
  return { bssid: mac(o, 'BSSID'), ssid: str(o, 'SSID'), status: num(o, 'Status') };
}

export function parseWifiStations(text: string): WifiStation[] {
  return objects(text, 'stationinfo.json').map((o) => ({
    mac: mac(o, 'HardwareAddr'),
    connectedSeconds: num(o, 'Connected') / 1e9,
    inactiveSeconds: num(o, 'Inactive') / 1e9,
    receiveBitsPerSecond: num(o, 'ReceiveBitrate'),
    transmitBitsPerSecond: num(o, 'TransmitBitrate'),
    receivedBytes: num(o, 'ReceivedBytes'),
    transmittedBytes: num(o, 'TransmittedBytes'),
    signalDbm: num(o, 'Signal'),
    transmitRetries: num(o, 'TransmitRetries'),
    transmitFailed: num(o, 'TransmitFailed'),
    beaconLoss: num(o, 'BeaconLoss'),
    receivedPackets: num(o, 'ReceivedPackets'),
    transmittedPackets: num(o, 'TransmittedPackets'),
  }));
}

export function wifiFixtureSource(dir: string): WifiSource {
  return {
    interfaces: async () => parseWifiInterfaces(await readFile(join(dir, 'interfaces.json'), 'utf8')),
    bss: async (ifi) => { const t = await readOptional(join(dir, ifi.name, 'bss.json')); return t === undefined ? undefined : parseWifiBss(t); },
    stations: async (ifi) => { const t = await readOptional(join(dir, ifi.name, 'stationinfo.json')); return t === undefined ? undefined : parseWifiStations(t); },
  };
}
