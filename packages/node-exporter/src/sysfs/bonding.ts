/** Names listed in /sys/class/net/bonding_masters or a master's bonding/slaves file. */
export function parseNameList(text: string): string[] {
  return text.split(/\s+/).filter((s) => s !== '');
}

/** A slave's bonding_slave/mii_status: only "up" counts as an active slave. */
export function isMiiUp(text: string): boolean {
  return text.trim() === 'up';
}
