import { execFile } from 'node:child_process';
import os from 'node:os';
import type { Systeminformation } from 'systeminformation';

/** The few systeminformation calls the platform collectors use: the boundary tests stub. */
export interface SiFunctions {
  mem(): Promise<Systeminformation.MemData>;
  fsSize(): Promise<Systeminformation.FsSizeData[]>;
  networkStats(ifaces: string): Promise<Systeminformation.NetworkStatsData[]>;
}

/** Node's own OS facts: cumulative CPU times, load, uptime and uname fields without a child process. */
export interface OsFunctions {
  cpus(): Array<{ times: { user: number; nice: number; sys: number; idle: number; irq: number } }>;
  loadavg(): number[];
  uptime(): number;
  type(): string;
  release(): string;
  version(): string;
  machine(): string;
  hostname(): string;
}

export interface PlatformDeps {
  /** Resolved lazily: the module is loaded on the first scrape of a platform collector, never on Linux. */
  si(): Promise<SiFunctions>;
  os: OsFunctions;
  /** `vm_stat` output (macOS only), for the wired/compressed/purgeable pages systeminformation does not give. */
  vmStat(): Promise<string>;
  now(): number;
}

let siModule: Promise<SiFunctions> | undefined;

export const defaultPlatformDeps: PlatformDeps = {
  si: () => {
    // CommonJS module: its functions are on the default export under ESM.
    siModule ??= import('systeminformation').then(({ default: si }) => {
      return {
        mem: () => si.mem(),
        fsSize: () => si.fsSize(),
        networkStats: (ifaces: string) => si.networkStats(ifaces),
      };
    });
    return siModule;
  },
  os,
  vmStat: () =>
    new Promise((resolve, reject) => {
      execFile('vm_stat', { timeout: 5000 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
    }),
  now: () => Date.now(),
};
