import type { MetricSink } from '@scrapekit/exporter-kit';

/** cloudwatch_exporter's action label values. */
export type CloudWatchAction = 'listMetrics' | 'getMetricData';

interface Count {
  readonly labels: Readonly<Record<string, string>>;
  value: number;
}

class LabelledCounter {
  private readonly counts = new Map<string, Count>();

  add(labels: Readonly<Record<string, string>>, by = 1): void {
    const key = Object.values(labels).join('\u0000');
    const c = this.counts.get(key);
    if (c) c.value += by;
    else this.counts.set(key, { labels, value: by });
  }

  /** Sum over the series whose `label` has `value` (every series without a label). */
  total(label?: string, value?: string): number {
    let n = 0;
    for (const c of this.counts.values()) if (label === undefined || c.labels[label] === value) n += c.value;
    return n;
  }

  get(labels: Readonly<Record<string, string>>): number {
    return this.counts.get(Object.values(labels).join('\u0000'))?.value ?? 0;
  }

  write(out: MetricSink, name: string, help: string): void {
    for (const c of this.counts.values()) out.counter(name, help, c.value, c.labels);
  }
}

/**
 * What this exporter has asked AWS for since it started: the figures the bill is made of
 * (requests per operation, GetMetricData metrics requested). Lives across scrapes and reloads.
 */
export class ApiUsage {
  private readonly cloudwatchRequests = new LabelledCounter();
  private readonly metricsRequested = new LabelledCounter();
  private readonly taggingRequests = new LabelledCounter();
  private readonly errors = new LabelledCounter();

  recordCloudWatchRequest(action: CloudWatchAction, namespace: string): void {
    this.cloudwatchRequests.add({ action, namespace });
  }

  /** GetMetricData is billed per query ("metric requested") sent, page after page. */
  recordMetricsRequested(metricName: string, namespace: string, queries: number): void {
    this.metricsRequested.add({ metric_name: metricName, namespace }, queries);
  }

  recordTaggingRequest(resourceType: string): void {
    this.taggingRequests.add({ action: 'getResources', resource_type: resourceType });
  }

  /** A failed attempt (throttled, 5xx, denied): not billed by AWS, but the reason scrapes are slow or empty. */
  recordError(action: string, code: string): void {
    this.errors.add({ action, code });
  }

  cloudWatchRequests(action: CloudWatchAction, namespace: string): number {
    return this.cloudwatchRequests.get({ action, namespace });
  }

  /** YACE's names for the same counts (yace_cloudwatch_*), summed over namespaces. */
  writeYace(out: MetricSink): void {
    const requests = 'Help is not implemented yet.';
    for (const [action, apiName] of [['listMetrics', 'ListMetrics'], ['getMetricData', 'GetMetricData']] as const) {
      out.counter('yace_cloudwatch_requests_total', requests, this.cloudwatchRequests.total('action', action), { api_name: apiName });
    }
    out.counter('yace_cloudwatch_getmetricdata_metrics_requested_total', requests, this.metricsRequested.total());
    out.counter('yace_cloudwatch_resourcegrouptaggingapi_requests_total', requests, this.taggingRequests.total());
    this.errors.write(out, 'cloudwatch_exporter_api_errors_total', 'AWS API attempts that failed, by action and error code (throttled attempts are retried).');
  }

  /** cloudwatch_exporter's self metrics plus our error counter. */
  write(out: MetricSink): void {
    this.cloudwatchRequests.write(out, 'cloudwatch_requests_total', 'API requests made to CloudWatch');
    this.metricsRequested.write(out, 'cloudwatch_metrics_requested_total', 'Metrics requested by either GetMetricStatistics or GetMetricData');
    this.taggingRequests.write(out, 'tagging_api_requests_total', 'API requests made to the Resource Groups Tagging API');
    this.errors.write(out, 'cloudwatch_exporter_api_errors_total', 'AWS API attempts that failed, by action and error code (throttled attempts are retried).');
  }
}
