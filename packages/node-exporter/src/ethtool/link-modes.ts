/**
 * ETHTOOL_LINK_MODE_* bits (linux/ethtool.h) that fit the legacy 32-bit supported/advertising
 * masks node_exporter reads, with the speed, duplex and PHY node_exporter labels them with.
 */

export interface SpeedMode {
  readonly bit: number;
  readonly megabits: number;
  readonly duplex: 'full' | 'half';
  readonly phy: string;
}

export const AUTONEG_BIT = 6;
export const PAUSE_BIT = 13;
export const ASYM_PAUSE_BIT = 14;

export const PORT_BITS: ReadonlyArray<readonly [string, number]> = [
  ['TP', 7], ['AUI', 8], ['MII', 9], ['FIBRE', 10], ['BNC', 11], ['Backplane', 16],
];

const mode = (bit: number, megabits: number, phy: string, duplex: 'full' | 'half' = 'full'): SpeedMode => ({ bit, megabits, duplex, phy });

export const SPEED_MODES: readonly SpeedMode[] = [
  mode(0, 10, 'T', 'half'), mode(1, 10, 'T'), mode(2, 100, 'T', 'half'), mode(3, 100, 'T'),
  mode(4, 1000, 'T', 'half'), mode(5, 1000, 'T'), mode(12, 10000, 'T'),
  mode(17, 1000, 'KX'), mode(18, 10000, 'KX4'), mode(19, 10000, 'KR'), mode(20, 10000, 'R_FEC'),
  mode(21, 20000, 'MLD2'), mode(22, 20000, 'KR2'), mode(23, 40000, 'KR4'), mode(24, 40000, 'CR4'),
  mode(25, 40000, 'SR4'), mode(26, 40000, 'LR4'), mode(27, 56000, 'KR4'), mode(28, 56000, 'CR4'),
  mode(29, 56000, 'SR4'), mode(30, 56000, 'LR4'), mode(31, 25000, 'CR'),
];

export const hasBit = (mask: number, bit: number): boolean => ((mask >>> bit) & 1) === 1;
