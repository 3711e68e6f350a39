/**
 * The plugin's three endpoints, which let users choose what a scrape costs:
 * - aggregated (its /metrics): node totals only, no per-queue series;
 * - per-object (/metrics/per-object): one series per queue for the queue families;
 * - detailed (/metrics/detailed?family=…&vhost=…): only the families asked for, named
 *   rabbitmq_detailed_*, queues optionally restricted to some vhosts.
 */
export type Endpoint =
  | { readonly kind: 'aggregated' }
  | { readonly kind: 'per-object' }
  | { readonly kind: 'detailed'; readonly families: ReadonlySet<DetailedFamily>; readonly vhosts?: ReadonlySet<string> };

/** The plugin's family names this exporter can serve on the detailed endpoint. */
export const DETAILED_FAMILIES = [
  'queue_coarse_metrics', 'queue_consumer_count', 'queue_metrics',
  'node_coarse_metrics', 'node_metrics', 'node_persister_metrics', 'connection_churn_metrics',
] as const;

export type DetailedFamily = (typeof DETAILED_FAMILIES)[number];

export const AGGREGATED: Endpoint = { kind: 'aggregated' };
export const PER_OBJECT: Endpoint = { kind: 'per-object' };

function isDetailedFamily(name: string): name is DetailedFamily {
  return (DETAILED_FAMILIES as readonly string[]).includes(name);
}

/**
 * The endpoint a /probe request asks for: `endpoint=aggregated|per-object|detailed`, and for
 * detailed the plugin's own parameters, `family=` and `vhost=` (each repeatable). `family=`
 * alone implies detailed. Returns a message for the user when the request is wrong.
 */
export function endpointFromParams(params: URLSearchParams, fallback: Endpoint): Endpoint | string {
  const families = params.getAll('family');
  const kind = params.get('endpoint') ?? (families.length > 0 ? 'detailed' : undefined);
  if (kind === undefined) return fallback;
  if (kind === 'aggregated') return AGGREGATED;
  if (kind === 'per-object') return PER_OBJECT;
  if (kind !== 'detailed') return `endpoint=${kind}: use aggregated, per-object or detailed`;
  if (families.length === 0) return `endpoint=detailed needs at least one family=… (${DETAILED_FAMILIES.join(', ')})`;
  const unknown = families.filter((f) => !isDetailedFamily(f));
  if (unknown.length > 0) return `family=${unknown.join(',')}: not served by this exporter; use ${DETAILED_FAMILIES.join(', ')}`;
  const vhosts = params.getAll('vhost');
  return { kind: 'detailed', families: new Set(families as DetailedFamily[]), vhosts: vhosts.length > 0 ? new Set(vhosts) : undefined };
}

/** Whether a detailed scrape asked for any of `families` (always true on the other endpoints). */
export function wants(endpoint: Endpoint, ...families: DetailedFamily[]): boolean {
  return endpoint.kind !== 'detailed' || families.some((f) => endpoint.families.has(f));
}
