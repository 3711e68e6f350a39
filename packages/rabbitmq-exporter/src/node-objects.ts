import type { RabbitTarget } from './target.js';

/**
 * Pages through a cluster-wide list endpoint (/api/channels, /api/connections) and hands over
 * the records whose process runs on the scrape's node; one page is held at a time.
 */
export async function forEachOnNode<T extends { node?: string }>(
  target: RabbitTarget,
  path: string,
  columns: readonly string[],
  signal: AbortSignal,
  visit: (record: T) => void,
): Promise<void> {
  for await (const page of target.api.pages<T>(path, columns, signal)) {
    for (const item of page) if (item.node === target.node.name) visit(item);
  }
}
