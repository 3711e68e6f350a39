import { ParseError } from './errors.js';

/** One processor block of /proc/cpuinfo, with the fields node_cpu_info labels use ('' when absent). */
export interface CpuInfo {
  readonly processor: string;
  readonly vendor: string;
  readonly family: string;
  readonly model: string;
  readonly modelName: string;
  readonly stepping: string;
  readonly microcode: string;
  readonly cacheSize: string;
  readonly physicalId: string;
  readonly coreId: string;
  readonly flags: readonly string[];
  readonly bugs: readonly string[];
}

/**
 * /proc/cpuinfo: blank-line separated blocks of "key<tabs>: value" lines, one block per logical
 * CPU. Architectures name fields differently; the x86 names are read and missing ones stay ''.
 */
export function parseCpuinfo(text: string): CpuInfo[] {
  const out: CpuInfo[] = [];
  let kv = new Map<string, string>();
  const endBlock = (): void => {
    const block = kv;
    kv = new Map();
    const processor = block.get('processor');
    if (processor === undefined) return; // blank runs, trailing architecture-wide blocks (e.g. 'Hardware' on ARM)
    if (!/^\d+$/.test(processor)) throw new ParseError(`cpuinfo: bad processor number ${JSON.stringify(processor)}`);
    const v = (k: string): string => block.get(k) ?? '';
    out.push({
      processor, vendor: v('vendor_id'), family: v('cpu family'), model: v('model'), modelName: v('model name'), stepping: v('stepping'),
      microcode: v('microcode'), cacheSize: v('cache size'), physicalId: v('physical id'), coreId: v('core id'),
      flags: v('flags').split(/\s+/).filter(Boolean), bugs: v('bugs').split(/\s+/).filter(Boolean),
    });
  };
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return endBlock();
    const colon = line.indexOf(':');
    if (colon < 0) throw new ParseError(`cpuinfo: line without ':' ${JSON.stringify(line.slice(0, 40))}`, i + 1);
    kv.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  });
  endBlock();
  return out;
}
