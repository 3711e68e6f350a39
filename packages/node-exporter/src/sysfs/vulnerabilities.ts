import { ParseError } from '../procfs/errors.js';

export interface Vulnerability {
  readonly codename: string;
  /** node_exporter's spelling: "not affected", "vulnerable", "mitigation" (and "unknown" for newer kernels' "Unknown: …"). */
  readonly state: string;
  readonly mitigation: string;
}

const STATES: ReadonlyArray<readonly [prefix: string, state: string]> = [
  ['Not affected', 'not affected'],
  ['Vulnerable', 'vulnerable'],
  ['Mitigation', 'mitigation'],
  ['Unknown', 'unknown'],
];

/** One file of /sys/devices/system/cpu/vulnerabilities: "<State>[: <details>]". */
export function parseVulnerability(codename: string, raw: string): Vulnerability {
  const text = raw.trim();
  if (text === 'Not affected') return { codename, state: 'not affected', mitigation: '' };
  for (const [prefix, state] of STATES) {
    if (prefix !== 'Not affected' && text.startsWith(prefix)) {
      return { codename, state, mitigation: text.slice(prefix.length).replace(/^: /, '') };
    }
  }
  throw new ParseError(`cpu vulnerability ${codename}: unknown state ${JSON.stringify(text.slice(0, 60))}`);
}
