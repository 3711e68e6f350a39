/**
 * A udev database entry (/run/udev/data/b<major>:<minor>): the "E:KEY=value" lines are the
 * device's properties. Other line kinds (S:, L:, W:, I:, G:) are ignored. Never fails: udev data
 * only enriches labels, so an odd line is skipped.
 */
export function parseUdevProperties(text: string): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split('\n')) {
    // node_exporter reads with bufio.Scanner, whose lines lose a carriage return before the newline.
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!line.startsWith('E:')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    out.set(line.slice(2, eq), line.slice(eq + 1));
  }
  return out;
}
