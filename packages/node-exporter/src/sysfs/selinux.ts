/**
 * SELINUX= in /etc/selinux/config → node_exporter's mode number (1 enforcing, 0 permissive, -1 disabled),
 * read as go-selinux's readConfig/DefaultEnforceMode (what node_exporter calls) do: the first line whose
 * key is exactly "SELINUX" wins, its value loses surrounding double quotes, and any other value (another
 * case, a trailing comment, nothing) or no SELINUX line at all means disabled.
 */
export function parseSelinuxConfigMode(text: string): number {
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line.startsWith('SELINUX=')) continue;
    const value = line.slice('SELINUX='.length).replace(/^"+|"+$/g, '');
    if (value === 'enforcing') return 1;
    if (value === 'permissive') return 0;
    return -1;
  }
  return -1;
}
