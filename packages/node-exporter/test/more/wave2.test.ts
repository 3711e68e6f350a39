import { describe, expect, it } from 'vitest';
import { NoDataError } from '@scrapekit/exporter-kit';
import { arpCollector } from '../../src/collectors/arp.js';
import { udpQueuesCollector } from '../../src/collectors/udp_queues.js';
import { selinuxCollector } from '../../src/collectors/selinux.js';
import { kernelHungCollector } from '../../src/collectors/kernel_hung.js';
import { raplCollector } from '../../src/collectors/rapl.js';
import { dmiCollector } from '../../src/collectors/dmi.js';
import { watchdogCollector } from '../../src/collectors/watchdog.js';
import { edacCollector } from '../../src/collectors/edac.js';
import { nvmeCollector } from '../../src/collectors/nvme.js';
import { powerSupplyClassCollector } from '../../src/collectors/powersupplyclass.js';
import { FIXTURES, family, fixtureContext, labelSets, run, value } from './helpers.js';

const EMPTY = fixtureContext({}, '/nonexistent-fixture-root');

describe('arp', () => {
  it('counts entries per device, incomplete ones included', async () => {
    const f = await run(arpCollector);
    expect(value(f, 'node_arp_entries', { device: 'bond0' })).toBe(3);
    expect(value(f, 'node_arp_entries', { device: 'eth1' })).toBe(1);
  });
  it('applies device-exclude', async () => {
    const f = await run(arpCollector, fixtureContext({ 'collector.arp.device-exclude': '^eth' }));
    expect(labelSets(f, 'node_arp_entries')).toEqual(['device=bond0']);
  });
});

describe('udp_queues', () => {
  it('sums tx and rx queue bytes per IP version', async () => {
    const f = await run(udpQueuesCollector);
    expect(value(f, 'node_udp_queues', { ip: 'v4', queue: 'tx' })).toBe(0x200);
    expect(value(f, 'node_udp_queues', { ip: 'v4', queue: 'rx' })).toBe(0xa00);
    expect(value(f, 'node_udp_queues', { ip: 'v6', queue: 'rx' })).toBe(0x100);
    expect(value(f, 'node_udp_queues', { ip: 'v6', queue: 'tx' })).toBe(0);
  });
  it('reports no data without either file', async () => {
    await expect(run(udpQueuesCollector, EMPTY)).rejects.toBeInstanceOf(NoDataError);
  });
});

describe('selinux', () => {
  it('reports enabled, current (permissive) and configured (enforcing) modes', async () => {
    const f = await run(selinuxCollector);
    expect(value(f, 'node_selinux_enabled')).toBe(1);
    expect(value(f, 'node_selinux_current_mode')).toBe(0);
    expect(value(f, 'node_selinux_config_mode')).toBe(1);
  });
  it('reports enabled 0 without selinuxfs', async () => {
    const f = await run(selinuxCollector, EMPTY);
    expect(f.map((x) => x.name)).toEqual(['node_selinux_enabled']);
    expect(value(f, 'node_selinux_enabled')).toBe(0);
  });
});

describe('kernel_hung', () => {
  it('reads the detection counter', async () => {
    const f = await run(kernelHungCollector);
    expect(value(f, 'node_kernel_hung_tasks_total')).toBe(2);
    expect(family(f, 'node_kernel_hung_tasks_total').type).toBe('counter');
  });
});

describe('rapl', () => {
  it('names metrics after the zone and numbers repeated bare names', async () => {
    const f = await run(raplCollector);
    const base = `${FIXTURES}/sys/class/powercap`;
    expect(value(f, 'node_rapl_package_joules_total', { index: '0', path: `${base}/intel-rapl:0` })).toBeCloseTo(36264.514712, 6);
    expect(value(f, 'node_rapl_core_joules_total', { index: '0' })).toBeCloseTo(19384.8293, 6);
    expect(value(f, 'node_rapl_dram_joules_total', { index: '0', path: `${base}/intel-rapl:0:1` })).toBeCloseTo(4518.12903, 6);
    expect(value(f, 'node_rapl_dram_joules_total', { index: '1', path: `${base}/intel-rapl:1:1` })).toBeCloseTo(0.01001, 9);
  });
});

describe('rapl with --collector.rapl.enable-zone-label', () => {
  it('puts the zone in a label of node_rapl_joules_total', async () => {
    const f = await run(raplCollector, fixtureContext({ 'collector.rapl.enable-zone-label': true }));
    expect(f.map((x) => x.name)).toEqual(['node_rapl_joules_total']);
    expect(value(f, 'node_rapl_joules_total', { rapl_zone: 'dram', index: '1' })).toBeCloseTo(0.01001, 9);
    expect(value(f, 'node_rapl_joules_total', { rapl_zone: 'package', index: '0' })).toBeCloseTo(36264.514712, 6);
  });
});

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

describe('watchdog', () => {
  it('reports the info labels and numeric attributes', async () => {
    const f = await run(watchdogCollector);
    expect(value(f, 'node_watchdog_info', { name: 'watchdog0', identity: 'iTCO_wdt', state: 'active', options: '0x8180', status: '0x8000', pretimeout_governor: 'noop' })).toBe(1);
    expect(value(f, 'node_watchdog_timeout_seconds', { name: 'watchdog0' })).toBe(300);
    expect(value(f, 'node_watchdog_timeleft_seconds', { name: 'watchdog0' })).toBe(298);
    expect(value(f, 'node_watchdog_fw_version', { name: 'watchdog0' })).toBe(3);
    expect(f.some((x) => x.name === 'node_watchdog_pretimeout_seconds')).toBe(false);
  });
});

describe('edac', () => {
  it('reports controller and csrow counters, unattributed errors as csrow="unknown"', async () => {
    const f = await run(edacCollector);
    expect(value(f, 'node_edac_correctable_errors_total', { controller: '0' })).toBe(7);
    expect(value(f, 'node_edac_uncorrectable_errors_total', { controller: '0' })).toBe(1);
    expect(value(f, 'node_edac_csrow_correctable_errors_total', { controller: '0', csrow: 'unknown' })).toBe(1);
    expect(value(f, 'node_edac_csrow_correctable_errors_total', { controller: '0', csrow: '0' })).toBe(4);
    expect(value(f, 'node_edac_csrow_uncorrectable_errors_total', { controller: '0', csrow: '1' })).toBe(0);
  });
});

describe('nvme', () => {
  it('trims the padded identity strings', async () => {
    const f = await run(nvmeCollector);
    expect(labelSets(f, 'node_nvme_info')).toEqual([
      'cntlid=4,device=nvme0,firmware_revision=2B2QEXM7,model=Example NVMe SSD 970 1TB,serial=S4EWNX0R123456,state=live',
    ]);
  });
});

describe('powersupplyclass', () => {
  it('converts units and labels info with the non-empty text attributes', async () => {
    const f = await run(powerSupplyClassCollector);
    expect(value(f, 'node_power_supply_online', { power_supply: 'AC' })).toBe(1);
    expect(value(f, 'node_power_supply_capacity', { power_supply: 'BAT0' })).toBe(63);
    expect(value(f, 'node_power_supply_cyclecount', { power_supply: 'BAT0' })).toBe(231);
    expect(value(f, 'node_power_supply_voltage_volt', { power_supply: 'BAT0' })).toBe(12.091);
    expect(value(f, 'node_power_supply_power_watt', { power_supply: 'BAT0' })).toBe(9.812);
    expect(value(f, 'node_power_supply_energy_watthour', { power_supply: 'BAT0' })).toBe(31.12);
    expect(value(f, 'node_power_supply_temp_celsius', { power_supply: 'BAT0' })).toBe(29.1);
    expect(labelSets(f, 'node_power_supply_info')).toEqual([
      'capacity_level=Normal,manufacturer=SMP,model_name=DELL 7FHKT,power_supply=BAT0,serial_number=4242,status=Discharging,technology=Li-ion,type=Battery',
      'power_supply=AC,type=Mains',
    ]);
  });
  it('honours ignored-supplies', async () => {
    const f = await run(powerSupplyClassCollector, fixtureContext({ 'collector.powersupply.ignored-supplies': '^BAT' }));
    expect(labelSets(f, 'node_power_supply_info')).toEqual(['power_supply=AC,type=Mains']);
  });
});
