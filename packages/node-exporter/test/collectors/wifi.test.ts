import { NoDataError } from '@scrapekit/exporter-kit';
import { describe, expect, it } from 'vitest';
import { wifiCollectorFrom } from '../../src/collectors/wifi.js';
import { NetlinkError } from '../../src/netlink/route-messages.js';
import { fixtureContext, labelSets, run, value } from '../more/helpers.js';

describe('wifi collector', () => {
  it('reports the frequency of each named wireless interface in hertz, skipping nameless ones', async () => {
    const families = await run(wifiCollectorFrom(async () => [
      { index: 3, name: 'wlan0', type: 2, frequencyMegahertz: 2412 },
      { index: 0, name: '', type: 10, frequencyMegahertz: 0 },
    ]), fixtureContext());
    expect(labelSets(families, 'node_wifi_interface_frequency_hertz')).toEqual(['device=wlan0']);
    expect(value(families, 'node_wifi_interface_frequency_hertz', { device: 'wlan0' })).toBe(2.412e9);
  });

  it('has no data (NoDataError) when the host has no nl80211 family or refuses to tell', async () => {
    for (const errno of [2, 1, 13]) {
      const collector = wifiCollectorFrom(async () => { throw new NetlinkError(errno); });
      await expect(run(collector, fixtureContext())).rejects.toBeInstanceOf(NoDataError);
    }
  });

  it('fails on any other netlink error', async () => {
    const collector = wifiCollectorFrom(async () => { throw new NetlinkError(105); });
    await expect(run(collector, fixtureContext())).rejects.toThrow('error 105');
  });
});
