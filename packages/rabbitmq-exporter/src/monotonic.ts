/**
 * A counter kept by the exporter from per-object counters that disappear with their object.
 *
 * The API only has per-exchange (or per-channel) counts; summing them each scrape would make the
 * total drop when an exchange is deleted or a channel closes, and a Prometheus counter must never
 * go down. So each object's last value is remembered and only its increases are added:
 * - a new object adds its whole value (it counted from 0 while we were not looking);
 * - an object whose value went down was replaced under the same key (or its statistics were
 *   reset): its new value is added, as for a new object;
 * - an object absent from a complete listing is forgotten after `graceListings` listings (paged
 *   listings can miss an object that moved between pages; it must not count twice on return).
 * The total starts at the sum seen by the first listing and only grows. Values are lost, not
 * double counted, when an object is deleted between two scrapes after having counted more.
 */
export class MonotonicTotal {
  private total = 0;
  private readonly last = new Map<string, { value: number; listing: number }>();
  private listing = 0;

  constructor(private readonly graceListings = 2) {}

  /**
   * Starts a listing: objects are reported with observe() and the listing applied with commit().
   * An aborted listing is never committed, so it changes nothing.
   */
  start(): { observe(key: string, value: number): void; commit(): number } {
    const seen = new Map<string, number>();
    return {
      observe: (key, value) => {
        // A paged listing can show an object twice (pages shift): the same object, not two.
        if (Number.isFinite(value) && value >= 0) seen.set(key, Math.max(seen.get(key) ?? 0, value));
      },
      commit: () => this.apply(seen),
    };
  }

  private apply(seen: ReadonlyMap<string, number>): number {
    this.listing++;
    for (const [key, value] of seen) {
      const before = this.last.get(key);
      if (before === undefined || value < before.value) this.total += value;
      else this.total += value - before.value;
      this.last.set(key, { value, listing: this.listing });
    }
    for (const [key, entry] of this.last) {
      if (this.listing - entry.listing >= this.graceListings) this.last.delete(key);
    }
    return this.total;
  }

  get value(): number {
    return this.total;
  }
}
