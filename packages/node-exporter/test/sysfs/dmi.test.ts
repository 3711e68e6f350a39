import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dmiInfoLabels } from '../../src/sysfs/dmi.js';
import { FIXTURES, readFixture } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

/** Every file of /sys/class/dmi/id node_exporter reads, plus chassis_type, which is no label. */
const DMI_FILES = [
  'bios_date', 'bios_release', 'bios_vendor', 'bios_version', 'board_asset_tag', 'board_name', 'board_serial',
  'board_vendor', 'board_version', 'chassis_asset_tag', 'chassis_serial', 'chassis_type', 'chassis_vendor', 'chassis_version',
  'product_family', 'product_name', 'product_serial', 'product_sku', 'product_uuid', 'product_version', 'sys_vendor',
];

describe('DMI info labels', () => {
  it('labels the fixture files that exist, trimmed, and leaves out the root-only serials and uuid it lacks', () => {
    const files = Object.fromEntries(DMI_FILES.map((f) => [f, existsSync(`${FIXTURES}/sys/class/dmi/id/${f}`) ? readFixture(`sys/class/dmi/id/${f}`) : undefined]));
    expect(dmiInfoLabels(files)).toEqual({
      bios_date: '04/15/2025',
      bios_release: '5.27',
      bios_vendor: 'ExampleSoft',
      bios_version: '2.4.1',
      board_name: 'X12-DEMO',
      board_vendor: 'Example Boards Inc.',
      board_version: '1.02',
      chassis_asset_tag: 'ASSET-00917',
      chassis_vendor: 'Example Chassis',
      chassis_version: 'A',
      product_family: 'Rack Server',
      product_name: 'RS-220',
      product_sku: 'RS220-SKU7',
      product_version: '0.1',
      system_vendor: 'Example Systems',
    });
  });

  it('maps every file to its label (sys_vendor to system_vendor), keeps an empty value, and ignores chassis_type', () => {
    // Each file holds its own name, padded, so the value shows which file fed which label.
    const files = Object.fromEntries(DMI_FILES.map((f) => [f, ` ${f}\n`]));
    expect(dmiInfoLabels({ ...files, product_uuid: '\n' })).toEqual({
      bios_date: 'bios_date', bios_release: 'bios_release', bios_vendor: 'bios_vendor', bios_version: 'bios_version',
      board_asset_tag: 'board_asset_tag', board_name: 'board_name', board_serial: 'board_serial', board_vendor: 'board_vendor',
      board_version: 'board_version', chassis_asset_tag: 'chassis_asset_tag', chassis_serial: 'chassis_serial',
      chassis_vendor: 'chassis_vendor', chassis_version: 'chassis_version', product_family: 'product_family',
      product_name: 'product_name', product_serial: 'product_serial', product_sku: 'product_sku', product_uuid: '',
      product_version: 'product_version', system_vendor: 'sys_vendor',
    });
  });

  it('gives no labels when no file is readable', () => {
    expect(dmiInfoLabels({})).toEqual({});
  });
});

describe('dmi parser under garbage input', () => {
  itSurvivesGarbage('dmi', 'X12\n', (t) => dmiInfoLabels({ bios_date: t, sys_vendor: t }));
});
