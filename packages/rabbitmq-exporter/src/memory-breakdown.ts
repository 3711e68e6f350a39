import type { Logger } from '@scrapekit/exporter-kit';
import type { MemoryBreakdown } from './api-types.js';
import type { ManagementApi } from './management-api.js';

interface Entry {
  memory?: MemoryBreakdown;
  fetchedAt: number;
  refreshing?: Promise<void>;
}

/** Bound on the cached nodes (probe targets are arbitrary URLs). */
const MAX_ENTRIES = 256;

/**
 * `/api/nodes/<node>?memory=true` makes the broker walk every process to attribute its memory,
 * which on a large broker costs far more than a scrape should. The breakdown is therefore read
 * on its own schedule: at most once per interval per node, in the background, and scrapes use
 * the last answer. Only the very first scrape of a node waits for it, for at most a second (a
 * large broker's first breakdown then arrives with a later scrape).
 */
export class MemoryBreakdownCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly intervalMs: number,
    private readonly fetchTimeoutMs = 30_000,
    private readonly now: () => number = Date.now,
    /** How long the first scrape of a node waits for its first breakdown (a large broker takes longer). */
    private readonly firstWaitMs = 1_000,
  ) {}

  async get(api: ManagementApi, node: string, signal: AbortSignal, logger: Logger): Promise<MemoryBreakdown | undefined> {
    const key = `${api.baseUrl.toString()}\u0000${node}`;
    let entry = this.entries.get(key);
    if (!entry) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      entry = { fetchedAt: -Infinity };
      this.entries.set(key, entry);
    }
    if (!entry.refreshing && this.now() - entry.fetchedAt >= this.intervalMs) entry.refreshing = this.refresh(entry, api, node, logger);
    if (entry.memory === undefined && entry.refreshing) {
      let timer: NodeJS.Timeout | undefined;
      const givenUp = new Promise<void>((resolve) => {
        signal.addEventListener('abort', () => resolve(), { once: true });
        timer = setTimeout(resolve, this.firstWaitMs);
      });
      await Promise.race([entry.refreshing, givenUp]);
      clearTimeout(timer);
    }
    return entry.memory;
  }

  private async refresh(entry: Entry, api: ManagementApi, node: string, logger: Logger): Promise<void> {
    try {
      const record = await api.nodeMemory(node, AbortSignal.timeout(this.fetchTimeoutMs));
      if (record && typeof record.memory === 'object' && record.memory !== null) entry.memory = record.memory;
    } catch (err) {
      logger.warn('could not read the node\'s memory breakdown; retrying at the next interval', { node, err: (err as Error).message });
    } finally {
      // A failure also waits for the next interval: the breakdown is what is costly to ask for.
      entry.fetchedAt = this.now();
      entry.refreshing = undefined;
    }
  }
}
