import { describe, expect, it } from 'vitest';
import { parseUdevProperties } from '../../src/sysfs/udev.js';
import { readFixture } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('udev database entries', () => {
  it('reads every E: property of the fixture sda entry in file order, skipping S:, L: and G: lines', () => {
    expect([...parseUdevProperties(readFixture('udev/data/b8:0'))]).toEqual([
      ['ID_ATA', '1'],
      ['ID_TYPE', 'disk'],
      ['ID_BUS', 'ata'],
      ['ID_MODEL', 'EXAMPLE_SSD_1TB'],
      ['ID_REVISION', '2B6Q'],
      ['ID_SERIAL', 'EXAMPLE_SSD_1TB_S3Z9NB0K123456'],
      ['ID_SERIAL_SHORT', 'S3Z9NB0K123456'],
      ['ID_ATA_WRITE_CACHE', '1'],
      ['ID_ATA_WRITE_CACHE_ENABLED', '1'],
      ['ID_ATA_ROTATION_RATE_RPM', '0'],
      ['ID_WWN', '0x5002538e40a1b2c3'],
      ['ID_PATH', 'pci-0000:00:17.0-ata-1'],
    ]);
  });

  it('reads the fixture device-mapper entry, whose last line has no newline', () => {
    expect([...parseUdevProperties(readFixture('udev/data/b253:0'))]).toEqual([
      ['DM_NAME', 'vg0-root'],
      ['DM_UUID', 'LVM-abcdefABCDEF0123456789abcdefABCDEF0123456789abcdef012345'],
      ['DM_VG_NAME', 'vg0'],
      ['DM_LV_NAME', 'root'],
      ['ID_FS_TYPE', 'ext4'],
      ['ID_FS_USAGE', 'filesystem'],
      ['ID_FS_UUID', '6f1c2d3e-4b5a-4978-8877-665544332211'],
      ['ID_FS_VERSION', '1.0'],
    ]);
  });

  it.each([
    ['E:A=b=c\n', [['A', 'b=c']]],
    ['E:K= spaced value \n', [['K', ' spaced value ']]],
    ['E:K=\n', [['K', '']]],
    ['E:=v\n', [['', 'v']]],
    ['E:A=1\nE:B=2\nE:A=3\n', [['A', '3'], ['B', '2']]],
    ['E:A=1\r\nE:B=2\r\n', [['A', '1'], ['B', '2']]],
    ['E:A=1\r\r\n', [['A', '1\r']]],
    ['E:A=\r', [['A', '']]],
    ['E:NOVALUE\nS:disk/by-id/x=y\n E:A=1\nxE:B=2\ne:C=3\nE\n:D=4\n', []],
    ['', []],
  ])('reads %j as %j', (text, entries) => {
    expect([...parseUdevProperties(text)]).toEqual(entries);
  });
});

describe('udev parser under garbage input', () => {
  itSurvivesGarbage('udev', readFixture('udev/data/b8:0'), parseUdevProperties, { seed: 31676 });
});
