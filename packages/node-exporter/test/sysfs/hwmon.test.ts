import { describe, expect, it } from 'vitest';
import { addSensorFile, disambiguateChips, explodeSensorFileName, hwmonChipName, hwmonSamples } from '../../src/sysfs/hwmon.js';
import { itSurvivesGarbage } from '../garbage.js';

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

describe('hwmon parser under garbage input', () => {
  itSurvivesGarbage('hwmon',
    '45000\n',
    (t) => {
      const data = new Map();
      for (const name of ['temp1_input', 'in0_max', 'fan1_input', 'power1_average_interval', 'freq1_input', 'freq1_label', 'vrm', t.slice(0, 12)]) {
        addSensorFile(data, name, t);
      }
      explodeSensorFileName(t);
      hwmonChipName(t, t, t);
      return hwmonSamples('c', data, () => false);
    },);
});
