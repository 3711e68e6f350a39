import { readFileSync } from 'node:fs';
import { Registry, collectDefaultMetrics } from 'prom-client';
import type { MetricFamily, MetricType, Sample } from './metrics.js';
import { MetricSink } from './metrics.js';

export interface BuildInfo {
  readonly version: string;
  readonly revision: string;
  readonly branch: string;
}

/**
 * prom-client's default metrics, less the three `nodejs_active_*_total` gauges: promlint rejects
 * a gauge ending in `_total`, and the same numbers are already there per type in
 * nodejs_active_{handles,requests,resources}.
 */
const DROPPED = new Set(['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total']);

/**
 * The exporter's own process metrics (process_*, nodejs_*), collected on scrape from a private
 * prom-client registry and converted into plain families, so they take the same exposition path
 * (negotiation, duplicate checks) as everything else.
 */
export class ProcessMetrics {
  private readonly registry = new Registry();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  async collect(): Promise<MetricFamily[]> {
    const json = await this.registry.getMetricsAsJSON();
    const out: MetricFamily[] = [];
    for (const m of json) {
      if (DROPPED.has(m.name)) continue;
      const type = String(m.type) as MetricType;
      const samples: Sample[] = [];
      for (const v of m.values) {
        const metricName = (v as { metricName?: string }).metricName ?? m.name;
        const suffix = metricName.slice(m.name.length) as Sample['suffix'];
        const labels: Record<string, string> = {};
        for (const [k, lv] of Object.entries(v.labels ?? {})) labels[k] = String(lv);
        samples.push({ suffix, labels, value: v.value });
      }
      out.push({ name: m.name, help: m.help, type, samples });
    }
    return out;
  }
}

export function buildInfoFamily(metricName: string, exporterName: string, info: BuildInfo): MetricFamily[] {
  return new MetricSink()
    .gauge(metricName, `A metric with a constant '1' value labeled by version, revision, branch and the Node.js version from which ${exporterName} was built.`, 1, {
      version: info.version,
      revision: info.revision,
      branch: info.branch,
      nodejs_version: process.version,
    })
    .toFamilies();
}

/**
 * Version from the exporter's package.json; revision and branch from SCRAPEKIT_REVISION /
 * SCRAPEKIT_BRANCH or a build-stamp file written at build time, 'unknown' otherwise.
 */
export function readBuildInfo(version: string, stampFile?: URL): BuildInfo {
  let revision = process.env.SCRAPEKIT_REVISION ?? '';
  let branch = process.env.SCRAPEKIT_BRANCH ?? '';
  if ((!revision || !branch) && stampFile) {
    try {
      const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { revision?: string; branch?: string };
      revision ||= stamp.revision ?? '';
      branch ||= stamp.branch ?? '';
    } catch {
      // no stamp: a development tree
    }
  }
  return { version, revision: revision || 'unknown', branch: branch || 'unknown' };
}
