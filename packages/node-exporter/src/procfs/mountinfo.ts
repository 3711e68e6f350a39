import { ParseError, lines } from './errors.js';

/** One line of /proc/<pid>/mountinfo (proc(5)). */
export interface MountInfo {
  readonly majorMinor: string;
  readonly mountPoint: string;
  readonly mountOptions: readonly string[];
  readonly fsType: string;
  /** The mount source, reported by node_exporter as the `device` label. */
  readonly source: string;
  readonly superOptions: readonly string[];
}

/** The kernel escapes space, tab, newline and backslash in paths as 3-digit octal. */
export function unescapeMountPath(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(Number.parseInt(oct, 8)));
}

export function parseMountinfo(text: string): MountInfo[] {
  const out: MountInfo[] = [];
  for (const [line, no] of lines(text)) {
    const f = line.trim().split(' ');
    const sep = f.indexOf('-', 6);
    if (f.length < 10 || sep < 6 || f.length < sep + 4) {
      throw new ParseError(`mountinfo: malformed line ${JSON.stringify(line.slice(0, 80))}`, no);
    }
    out.push({
      majorMinor: f[2] as string,
      mountPoint: unescapeMountPath(f[4] as string),
      mountOptions: (f[5] as string).split(','),
      fsType: f[sep + 1] as string,
      source: unescapeMountPath(f[sep + 2] as string),
      superOptions: (f[sep + 3] as string).split(','),
    });
  }
  return out;
}
