import type { MetricFamily } from './metrics.js';
import { MetricSink } from './metrics.js';

/** Why the metrics handler failed inside: rendering the answer, or gathering the families. */
export type HandlerErrorCause = 'encoding' | 'gathering';

/** Status codes client_golang's promhttp exposes from the start (at 0); others appear when they happen. */
const INITIAL_CODES = ['200', '500', '503'];

/**
 * The promhttp_metric_handler_* families client_golang's promhttp exposes, with node_exporter's
 * rules: requests by status code and requests in flight only with exporter metrics on (it wraps
 * its handler with them only then), handler errors by cause always. A request counts once its
 * response is finished, so a scrape never sees itself in requests_total but does in in_flight.
 * Requests refused as malformed (a bad collect[], 400) are answered before node_exporter's
 * instrumented handler, so they are not counted. One instance per server.
 */
export class HandlerMetrics {
  private inFlight = 0;
  private readonly requests = new Map<string, number>(INITIAL_CODES.map((c) => [c, 0]));
  private readonly errors = new Map<HandlerErrorCause, number>([['encoding', 0], ['gathering', 0]]);

  constructor(private readonly countRequests: boolean) {}

  /** A request of the metrics path starts; call the returned function with its final status code. */
  started(): (status: number | undefined) => void {
    this.inFlight++;
    let done = false;
    return (status) => {
      if (done) return;
      done = true;
      this.inFlight--;
      if (status === undefined) return;
      const code = String(status);
      this.requests.set(code, (this.requests.get(code) ?? 0) + 1);
    };
  }

  error(cause: HandlerErrorCause): void {
    this.errors.set(cause, (this.errors.get(cause) ?? 0) + 1);
  }

  families(): MetricFamily[] {
    const out = new MetricSink();
    for (const [cause, n] of this.errors) {
      out.counter('promhttp_metric_handler_errors_total', 'Errors of the metrics handler itself, by cause (encoding the answer, gathering the metrics).', n, { cause });
    }
    if (this.countRequests) {
      out.gauge('promhttp_metric_handler_requests_in_flight', 'Scrapes of the metrics path being answered right now.', this.inFlight);
      const codes = [...this.requests.keys()].sort();
      for (const code of codes) {
        out.counter('promhttp_metric_handler_requests_total', 'Scrapes of the metrics path answered, by HTTP status code.', this.requests.get(code) ?? 0, { code });
      }
    }
    return out.toFamilies();
  }
}
