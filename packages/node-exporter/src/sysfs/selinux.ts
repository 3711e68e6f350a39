/** SELINUX= in /etc/selinux/config → node_exporter's mode number (1 enforcing, 0 permissive, -1 disabled). */
export function parseSelinuxConfigMode(text: string): number | undefined {
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const m = /^SELINUX\s*=\s*"?([A-Za-z]+)"?$/.exec(line);
    if (!m) continue;
    switch ((m[1] as string).toLowerCase()) {
      case 'enforcing':
        return 1;
      case 'permissive':
        return 0;
      case 'disabled':
        return -1;
      default:
        return undefined;
    }
  }
  return undefined;
}
