import { ParseError } from '../procfs/errors.js';
import { parseIntAttr, parseUintAttr } from './attributes.js';

export interface ThermalZone {
  /** The number after "thermal_zone" in the directory name. */
  readonly zone: string;
  readonly type: string;
  readonly celsius: number;
}

export interface CoolingDevice {
  /** The number after "cooling_device" in the directory name. */
  readonly name: string;
  readonly type: string;
  readonly curState: number;
  readonly maxState: number;
}

/** Builds a zone from its attribute texts; temp is in millidegrees Celsius. */
export function parseThermalZone(dir: string, type: string, temp: string): ThermalZone {
  const m = /^thermal_zone(\d+)$/.exec(dir);
  if (!m) throw new ParseError(`not a thermal zone directory: ${dir}`);
  return { zone: m[1] as string, type: type.trim(), celsius: parseIntAttr(temp, `${dir}/temp`) / 1000 };
}

export function parseCoolingDevice(dir: string, type: string, cur: string, max: string): CoolingDevice {
  const m = /^cooling_device(\d+)$/.exec(dir);
  if (!m) throw new ParseError(`not a cooling device directory: ${dir}`);
  return {
    name: m[1] as string,
    type: type.trim(),
    curState: parseUintAttr(cur, `${dir}/cur_state`),
    maxState: parseUintAttr(max, `${dir}/max_state`),
  };
}
