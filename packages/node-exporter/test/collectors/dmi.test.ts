import { NoDataError } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import { dmiCollector } from '../../src/collectors/dmi.js';
import { labelSets, run } from '../collect.js';
import { expectNoData } from '../failure-modes.js';
import { fixtureContext } from '../fixture-tree.js';

const EMPTY = fixtureContext({}, '/nonexistent-fixture-root');

describe('dmi', () => {
  it('labels node_dmi_info with the readable DMI files only', async () => {
    const f = await run(dmiCollector);
    expect(labelSets(f, 'node_dmi_info')).toEqual([
      'bios_date=04/15/2025,bios_release=5.27,bios_vendor=ExampleSoft,bios_version=2.4.1,board_name=X12-DEMO,board_vendor=Example Boards Inc.,board_version=1.02,chassis_asset_tag=ASSET-00917,chassis_vendor=Example Chassis,chassis_version=A,product_family=Rack Server,product_name=RS-220,product_sku=RS220-SKU7,product_version=0.1,system_vendor=Example Systems',
    ]);
  });
  it('reports no data without /sys/class/dmi', async () => {
    await expect(run(dmiCollector, EMPTY)).rejects.toBeInstanceOf(NoDataError);
  });
});

describe('dmi failure modes', () => {
  it('absent feature → NoDataError (success, nothing emitted)', async () => {
    await expectNoData(dmiCollector);
  });
});
