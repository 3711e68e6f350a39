import { defineCollector } from '@scrapekit/exporter-kit';
import { writeCloudWatchExporterMetrics, writeCollectionHealth } from '../output/cloudwatch-exporter.js';
import { writeYaceMetrics } from '../output/yace.js';
import type { CloudWatchTarget } from '../runtime.js';

/**
 * Every CloudWatch rule of the config, in one collector: the rules share GetMetricData calls, so
 * they are collected together. Also writes the scrape/rule health gauges and the API usage
 * counters, so a scrape whose AWS calls all failed still says why (scrape_error 1).
 */
export const cloudwatchCollector = defineCollector<CloudWatchTarget>({
  name: 'cloudwatch',
  help: 'CloudWatch metrics of the configured rules (GetMetricData), with the scrape health and API usage.',
  defaultEnabled: true,
  async collect({ target, signal }, out) {
    const collection = await target.collection(signal);
    const { rules, flavor } = target.config;
    if (flavor === 'yace') {
      writeYaceMetrics(collection, rules, out);
      target.usage.writeYace(out);
    } else {
      writeCloudWatchExporterMetrics(collection, rules, out);
      target.usage.write(out);
    }
    writeCollectionHealth(collection, rules, out);
  },
});
