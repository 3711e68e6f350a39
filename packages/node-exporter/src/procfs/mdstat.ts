import { ParseError, parseNumber } from './errors.js';

/** One md array from /proc/mdstat, with the counts node_exporter's mdadm collector reports. */
export interface MdArray {
  readonly name: string;
  /** 'active' | 'inactive' | 'recovering' | 'resync' | 'check' (a sync in progress wins over active; a reshape stays active). */
  readonly state: string;
  readonly level: string;
  /** Member disks the array needs ([n/m]: n). */
  readonly disksTotal: number;
  /** Members up ([n/m]: m). */
  readonly disksActive: number;
  readonly disksFailed: number;
  readonly disksSpare: number;
  readonly blocksTotal: number;
  readonly blocksSynced: number;
}

const HEAD = /^(md\S+)\s*:\s*(\S+)\s*(.*)$/;
const COUNTS = /\[(\d+)\/(\d+)\]/;
const SYNC = /\b(recovery|resync|check)\s*=\s*[\d.]+%\s*\((\d+)\/(\d+)\)/;
const SYNC_PENDING = /\bresync\s*=\s*(DELAYED|PENDING)/;

export function parseMdstat(text: string): MdArray[] {
  const rows = text.split('\n');
  const out: MdArray[] = [];
  for (let i = 0; i < rows.length; i++) {
    const head = HEAD.exec((rows[i] as string).trim());
    if (!head) continue;
    const no = i + 1;
    const name = head[1] as string;
    const activity = head[2] as string;
    const rest = (head[3] as string).split(/\s+/).filter((x) => x !== '' && !/^\(.*read-only\)$/.test(x));
    if (activity !== 'active' && activity !== 'inactive') throw new ParseError(`mdstat: unknown state ${JSON.stringify(activity)} of ${name}`, no);
    const level = activity === 'active' && rest.length > 0 && !rest[0]?.includes('[') ? (rest.shift() as string) : '';
    const devices = rest;
    for (const d of devices) {
      if (!/^[^\s[]+\[\d+\](\([A-Z]+\))*$/.test(d)) throw new ParseError(`mdstat: bad member ${JSON.stringify(d)} of ${name}`, no);
    }
    const failed = devices.filter((d) => d.includes('(F)')).length;
    const spare = devices.filter((d) => d.includes('(S)')).length;
    const status = (rows[i + 1] ?? '').trim();
    const blocksMatch = /^(\d+) blocks/.exec(status);
    if (!blocksMatch) throw new ParseError(`mdstat: no block count for ${name}`, no + 1);
    const blocksTotal = parseNumber(blocksMatch[1], 'mdstat', no + 1);

    let disksTotal: number;
    let disksActive: number;
    const counts = COUNTS.exec(status);
    if (activity === 'inactive') {
      disksTotal = 0;
      disksActive = 0;
    } else if (counts) {
      disksTotal = Number(counts[1]);
      disksActive = Number(counts[2]);
    } else {
      // raid0/linear print no [n/m]: every listed member is needed and up.
      disksTotal = devices.length;
      disksActive = devices.length;
    }

    // Progress lines follow the status line until the blank line that ends the array.
    let state = activity;
    let blocksSynced = blocksTotal;
    for (let j = i + 2; j < rows.length && (rows[j] as string).trim() !== '' && !HEAD.test((rows[j] as string).trim()); j++) {
      const row = rows[j] as string;
      const sync = SYNC.exec(row);
      if (sync) {
        state = sync[1] === 'recovery' ? 'recovering' : (sync[1] as string);
        blocksSynced = Number(sync[2]);
      } else if (SYNC_PENDING.test(row)) {
        // Queued behind another array: nothing synced yet (procfs reports 0 as well).
        state = 'resync';
        blocksSynced = 0;
      }
    }
    out.push({ name, state, level, disksTotal, disksActive, disksFailed: failed, disksSpare: spare, blocksTotal, blocksSynced });
  }
  return out;
}
