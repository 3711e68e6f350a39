export interface Vulnerability {
  readonly codename: string;
  /** node_exporter's spelling: "not affected", "vulnerable", "mitigation" or "unknown". */
  readonly state: string;
  readonly mitigation: string;
}

const STATES: ReadonlyArray<readonly [prefix: string, state: string]> = [
  ['vulnerable', 'vulnerable'],
  ['mitigation', 'mitigation'],
  ['unknown', 'unknown'],
];

/**
 * One file of /sys/devices/system/cpu/vulnerabilities: "<State>[: <details>]", read as procfs
 * (v0.12+, every node_exporter with this collector) does: the state by its case-insensitive prefix,
 * the mitigation as the words after the first joined by single blanks, and any other text (e.g.
 * itlb_multihit's "KVM: Mitigation: VMX disabled") as state "unknown" with the whole text.
 */
export function parseVulnerability(codename: string, raw: string): Vulnerability {
  const text = raw.trim();
  const lower = text.toLowerCase();
  if (lower.startsWith('not affected')) return { codename, state: 'not affected', mitigation: '' };
  for (const [prefix, state] of STATES) {
    if (lower.startsWith(prefix)) return { codename, state, mitigation: text.split(/\s+/).slice(1).join(' ') };
  }
  return { codename, state: 'unknown', mitigation: text };
}
