/**
 * A command line written for node_exporter's systemd unit that turns on the netlink and ioctl
 * collectors starts, and each of them answers on the live host.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { scrapeText, startOurs, type RunningNodeExporter } from './exporters.js';

const UNIT_ARGS = ['--collector.network_route', '--collector.qdisc', '--collector.ethtool', '--collector.wifi', '--collector.qdisk.device-exclude=^lo$'];

describe('systemd-style command line with network_route, qdisc, ethtool and wifi', () => {
  let exporter: RunningNodeExporter | undefined;
  let text = '';
  beforeEach((ctx) => {
    if (process.platform !== 'linux') ctx.skip('netlink and SIOCETHTOOL are Linux-only');
  });
  beforeAll(async () => {
    if (process.platform !== 'linux') return; // every test skips with the reason above
    exporter = await startOurs(UNIT_ARGS);
    text = await scrapeText(exporter.url);
  });
  afterAll(async () => {
    await exporter?.stop();
  });

  const success = (collector: string): string | undefined => new RegExp(`^node_scrape_collector_success\\{collector="${collector}"\\} (\\d)$`, 'm').exec(text)?.[1];

  it('starts, warning once about the deprecated qdisk spelling', () => {
    expect(exporter?.logs()).toMatch(/collector\.qdisk\.device-exclude is deprecated/);
  });

  it('reports network_route, qdisc and ethtool as successful, with routes and root qdiscs of this host', () => {
    expect({ network_route: success('network_route'), qdisc: success('qdisc'), ethtool: success('ethtool') }, exporter?.logs())
      .toEqual({ network_route: '1', qdisc: '1', ethtool: '1' });
    expect(text).toMatch(/^node_network_routes\{device="[^"]*"\} \d+$/m);
    // Every device has a root qdisc (lo's is noqueue); lo's is left out by the exclude flag.
    expect(text).toMatch(/^node_qdisc_bytes_total\{device="[^"]+",kind="[^"]+"\} /m);
    expect(text).not.toMatch(/^node_qdisc_bytes_total\{device="lo"/m);
  });

  it('reports wifi: its interfaces, or no data logged at debug when the host has no wireless', () => {
    expect(success('wifi')).toMatch(/^[01]$/);
    if (!/^node_wifi_/m.test(text)) expect(exporter?.logs()).toMatch(/msg="collector returned no data" collector=wifi err="wifi: nl80211 is not available/);
  });
});
