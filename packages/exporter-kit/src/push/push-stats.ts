import type { MetricFamily } from '../metrics.js';
import { MetricSink } from '../metrics.js';

export type PushTargetKind = 'pushgateway' | 'remote_write';

/** Counters of one push target; the push code only adds, the scrape reads. */
export class PushTargetStats {
  requests = 0;
  retries = 0;
  requestFailures = 0;
  samplesSent = 0;
  samplesFailed = 0;
  samplesDropped = 0;
  queueSamples = 0;
  lastSuccessSeconds = 0;

  constructor(readonly target: PushTargetKind, readonly queueCapacity?: number) {}
}

/**
 * The scrapekit_push_* self metrics, one series per push target. They are part of every
 * collection, so a Pushgateway or remote_write receiver gets them too (with one collection's lag).
 */
export class PushStats {
  readonly targets: PushTargetStats[] = [];

  add(target: PushTargetStats): PushTargetStats {
    this.targets.push(target);
    return target;
  }

  families(): MetricFamily[] {
    const out = new MetricSink();
    for (const t of this.targets) {
      const l = { target: t.target };
      out.counter('scrapekit_push_requests_total', 'Push requests sent, retries included.', t.requests, l);
      out.counter('scrapekit_push_retries_total', 'Push requests that repeated a failed one (5xx, 429, connection error).', t.retries, l);
      out.counter('scrapekit_push_request_failures_total', 'Push requests that did not succeed.', t.requestFailures, l);
      out.counter('scrapekit_push_samples_sent_total', 'Samples the push target accepted.', t.samplesSent, l);
      out.counter('scrapekit_push_samples_failed_total', 'Samples given up on: rejected with a 4xx, or still failing after --push.give-up-after.', t.samplesFailed, l);
      out.gauge('scrapekit_push_last_success_timestamp_seconds', 'When the push target last accepted a push (Unix time); 0 before the first.', t.lastSuccessSeconds, l);
      if (t.queueCapacity !== undefined) {
        out.counter('scrapekit_push_samples_dropped_total', 'Samples dropped, oldest first, because the send queue was full.', t.samplesDropped, l);
        out.gauge('scrapekit_push_queue_samples', 'Samples waiting in the send queue.', t.queueSamples, l);
        out.gauge('scrapekit_push_queue_capacity_samples', 'Most samples the send queue holds (--push.queue.capacity).', t.queueCapacity, l);
      }
    }
    return out.toFamilies();
  }
}
