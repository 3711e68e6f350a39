import { describe, expect, it } from 'vitest';
import { NoDataError } from '@scrapekit/exporter-kit';
import { bondingCollector } from '../../src/collectors/bonding.js';
import { softnetCollector } from '../../src/collectors/softnet.js';
import { schedstatCollector } from '../../src/collectors/schedstat.js';
import { thermalZoneCollector } from '../../src/collectors/thermal_zone.js';
import { cpufreqCollector } from '../../src/collectors/cpufreq.js';
import { netclassCollector } from '../../src/collectors/netclass.js';
import { hwmonCollector } from '../../src/collectors/hwmon.js';
import { fixtureContext, labelSets, run, value, family } from './helpers.js';

const EMPTY = fixtureContext({}, '/nonexistent-fixture-root');

describe('bonding', () => {
  it('counts configured and MII-up slaves per master (bond0 degraded: eth1 down)', async () => {
    const f = await run(bondingCollector);
    expect(value(f, 'node_bonding_slaves', { master: 'bond0' })).toBe(2);
    expect(value(f, 'node_bonding_active', { master: 'bond0' })).toBe(1);
    expect(family(f, 'node_bonding_active').type).toBe('gauge');
  });
  it('reports no data without the bonding module', async () => {
    await expect(run(bondingCollector, EMPTY)).rejects.toBeInstanceOf(NoDataError);
  });
});

describe('softnet', () => {
  it('maps the hex columns per CPU', async () => {
    const f = await run(softnetCollector);
    expect(value(f, 'node_softnet_processed_total', { cpu: '0' })).toBe(0x2a1f3);
    expect(value(f, 'node_softnet_dropped_total', { cpu: '1' })).toBe(5);
    expect(value(f, 'node_softnet_times_squeezed_total', { cpu: '0' })).toBe(0x1c);
    expect(family(f, 'node_softnet_dropped_total').type).toBe('counter');
    expect(f.map((x) => x.name).sort()).toEqual(['node_softnet_dropped_total', 'node_softnet_processed_total', 'node_softnet_times_squeezed_total']);
    expect(labelSets(f, 'node_softnet_processed_total')).toEqual(['cpu=0', 'cpu=1', 'cpu=2', 'cpu=3']);
  });
});

describe('schedstat', () => {
  it('converts nanoseconds to seconds', async () => {
    const f = await run(schedstatCollector);
    expect(value(f, 'node_schedstat_running_seconds_total', { cpu: '0' })).toBeCloseTo(2051.343887154, 9);
    expect(value(f, 'node_schedstat_waiting_seconds_total', { cpu: '1' })).toBeCloseTo(97.25, 9);
    expect(value(f, 'node_schedstat_timeslices_total', { cpu: '3' })).toBe(11000042);
    expect(family(f, 'node_schedstat_timeslices_total').type).toBe('counter');
  });
  it('reports no data when the kernel lacks schedstats', async () => {
    await expect(run(schedstatCollector, EMPTY)).rejects.toBeInstanceOf(NoDataError);
  });
});

describe('thermal_zone', () => {
  it('reports zone temperatures and cooling devices', async () => {
    const f = await run(thermalZoneCollector);
    expect(value(f, 'node_thermal_zone_temp', { zone: '0', type: 'x86_pkg_temp' })).toBe(52);
    expect(value(f, 'node_thermal_zone_temp', { zone: '1', type: 'acpitz' })).toBe(27.8);
    expect(value(f, 'node_cooling_device_cur_state', { name: '1', type: 'intel_powerclamp' })).toBe(1);
    expect(value(f, 'node_cooling_device_max_state', { name: '0', type: 'Processor' })).toBe(10);
  });
});

describe('cpufreq', () => {
  it('reports Hz per CPU with a driver, skipping offline CPUs', async () => {
    const f = await run(cpufreqCollector);
    expect(value(f, 'node_cpu_frequency_hertz', { cpu: '0' })).toBe(3_100_000_000);
    expect(value(f, 'node_cpu_scaling_frequency_hertz', { cpu: '0' })).toBe(2_900_123_000);
    expect(value(f, 'node_cpu_frequency_max_hertz', { cpu: '1' })).toBe(3_600_000_000);
    expect(value(f, 'node_cpu_scaling_frequency_min_hertz', { cpu: '1' })).toBe(800_000_000);
    expect(labelSets(f, 'node_cpu_frequency_hertz')).toEqual(['cpu=0']); // cpu1 has no cpuinfo_cur_freq
    expect(labelSets(f, 'node_cpu_scaling_frequency_hertz')).toEqual(['cpu=0', 'cpu=1']); // cpu2: no driver, cpu3: offline
    expect(value(f, 'node_cpu_scaling_governor', { cpu: '1', governor: 'powersave' })).toBe(1);
    expect(value(f, 'node_cpu_scaling_governor', { cpu: '1', governor: 'performance' })).toBe(0);
  });
});

describe('netclass', () => {
  it('reports link properties and the info labels', async () => {
    const f = await run(netclassCollector);
    expect(labelSets(f, 'node_network_up')).toEqual(['device=bond0', 'device=eth0', 'device=eth1', 'device=lo']);
    expect(value(f, 'node_network_up', { device: 'eth0' })).toBe(1);
    expect(value(f, 'node_network_up', { device: 'lo' })).toBe(0);
    expect(value(f, 'node_network_info', { device: 'eth0', address: '52:54:00:3a:1c:07', broadcast: 'ff:ff:ff:ff:ff:ff', duplex: 'full', operstate: 'up', ifalias: 'uplink-a' })).toBe(1);
    expect(value(f, 'node_network_info', { device: 'eth1', operstate: 'down', duplex: 'unknown' })).toBe(1);
    expect(value(f, 'node_network_info', { device: 'lo', duplex: '' })).toBe(1);
    expect(value(f, 'node_network_speed_bytes', { device: 'eth0' })).toBe(1_250_000_000);
    expect(value(f, 'node_network_speed_bytes', { device: 'eth1' })).toBe(-125000);
    expect(value(f, 'node_network_flags', { device: 'eth0' })).toBe(0x1803);
    expect(value(f, 'node_network_mtu_bytes', { device: 'lo' })).toBe(65536);
    expect(value(f, 'node_network_protocol_type', { device: 'lo' })).toBe(772);
    expect(value(f, 'node_network_transmit_queue_length', { device: 'eth0' })).toBe(1000);
    expect(value(f, 'node_network_carrier_changes_total', { device: 'eth1' })).toBe(6);
    expect(family(f, 'node_network_carrier_changes_total').type).toBe('counter');
    expect(labelSets(f, 'node_network_carrier')).toEqual(['device=bond0', 'device=eth0', 'device=lo']); // eth1 down: no carrier file
    expect(labelSets(f, 'node_network_name_assign_type')).toEqual(['device=bond0', 'device=eth0', 'device=eth1']);
  });
  it('honours ignored-devices and ignore-invalid-speed', async () => {
    const f = await run(netclassCollector, fixtureContext({ 'collector.netclass.ignored-devices': '^(lo|bond.*)$', 'collector.netclass.ignore-invalid-speed': true }));
    expect(labelSets(f, 'node_network_up')).toEqual(['device=eth0', 'device=eth1']);
    expect(labelSets(f, 'node_network_speed_bytes')).toEqual(['device=eth0']);
  });
});

describe('hwmon', () => {
  it('names chips from the device link, the name file or the hwmon directory', async () => {
    const f = await run(hwmonCollector);
    expect(labelSets(f, 'node_hwmon_chip_names')).toEqual([
      'chip=acpitz,chip_name=acpitz',
      'chip=nct6779,chip_name=nct6779',
      'chip=platform_coretemp_0,chip_name=coretemp',
    ]);
  });
  it('converts units as node_exporter does', async () => {
    const f = await run(hwmonCollector);
    const c = { chip: 'platform_coretemp_0' };
    expect(value(f, 'node_hwmon_temp_celsius', { ...c, sensor: 'temp1' })).toBe(45);
    expect(value(f, 'node_hwmon_temp_crit_celsius', { ...c, sensor: 'temp1' })).toBe(100);
    expect(value(f, 'node_hwmon_temp_crit_alarm_celsius', { ...c, sensor: 'temp1' })).toBe(0);
    expect(value(f, 'node_hwmon_sensor_label', { ...c, sensor: 'temp1', label: 'Package id 0' })).toBe(1);
    const n = { chip: 'nct6779' };
    expect(value(f, 'node_hwmon_in_volts', { ...n, sensor: 'in0' })).toBeCloseTo(1.016, 12);
    expect(value(f, 'node_hwmon_in_max_volts', { ...n, sensor: 'in0' })).toBeCloseTo(1.744, 12);
    expect(value(f, 'node_hwmon_in_alarm', { ...n, sensor: 'in0' })).toBe(0);
    expect(value(f, 'node_hwmon_in_beep_enabled', { ...n, sensor: 'in0' })).toBe(0);
    expect(value(f, 'node_hwmon_fan_rpm', { ...n, sensor: 'fan1' })).toBe(1205);
    expect(value(f, 'node_hwmon_fan_min_rpm', { ...n, sensor: 'fan1' })).toBe(300);
    expect(value(f, 'node_hwmon_pwm', { ...n, sensor: 'pwm1' })).toBe(128);
    expect(value(f, 'node_hwmon_pwm_enable', { ...n, sensor: 'pwm1' })).toBe(2);
    expect(value(f, 'node_hwmon_beep_enabled', { ...n, sensor: 'beep_enable0' })).toBe(1);
    expect(value(f, 'node_hwmon_intrusion_alarm', { ...n, sensor: 'intrusion0' })).toBe(1);
    expect(value(f, 'node_hwmon_power_watt', { ...n, sensor: 'power1' })).toBe(12.5);
    expect(value(f, 'node_hwmon_energy_joule_total', { ...n, sensor: 'energy1' })).toBeCloseTo(123.456789, 9);
    expect(family(f, 'node_hwmon_energy_joule_total').type).toBe('counter');
    expect(value(f, 'node_hwmon_curr_amps', { ...n, sensor: 'curr1' })).toBe(1.5);
    expect(value(f, 'node_hwmon_temp_type', { ...n, sensor: 'temp1' })).toBe(4);
    expect(value(f, 'node_hwmon_humidity', { ...n, sensor: 'humidity1' })).toBe(41.5);
    expect(value(f, 'node_hwmon_update_interval_seconds', { ...n, sensor: 'update_interval0' })).toBe(1);
  });
  it('filters chips and chip;sensor pairs', async () => {
    const f = await run(hwmonCollector, fixtureContext({ 'collector.hwmon.chip-include': '^platform', 'collector.hwmon.sensor-exclude': ';temp2$' }));
    expect(labelSets(f, 'node_hwmon_temp_celsius')).toEqual(['chip=platform_coretemp_0,sensor=temp1']);
  });
  it('reports no data without /sys/class/hwmon', async () => {
    await expect(run(hwmonCollector, EMPTY)).rejects.toBeInstanceOf(NoDataError);
  });
});

import { disambiguateChips } from '../../src/sysfs/hwmon.js';

describe('hwmon chip label collisions', () => {
  it('leaves unique labels alone and suffixes shared ones with the driver name, else the hwmonN name', () => {
    expect(
      disambiguateChips([
        { base: 'platform_asus_nb_wmi', name: 'asus', dir: 'hwmon3' },
        { base: 'platform_asus_nb_wmi', name: 'asus_wmi', dir: 'hwmon4' },
        { base: 'ieee80211_phy0', name: 'mt7996_phy0', dir: 'hwmon5' },
        { base: 'ieee80211_phy0', name: 'mt7996_phy0', dir: 'hwmon6' },
        { base: 'platform_coretemp_0', name: 'coretemp', dir: 'hwmon0' },
      ]),
    ).toEqual(['platform_asus_nb_wmi_asus', 'platform_asus_nb_wmi_asus_wmi', 'ieee80211_phy0_hwmon5', 'ieee80211_phy0_hwmon6', 'platform_coretemp_0']);
  });
});
