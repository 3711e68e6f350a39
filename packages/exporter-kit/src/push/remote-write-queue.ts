import type { WriteSeries } from './remote-write-proto.js';

/**
 * The samples waiting to be sent, oldest first, never more than `capacity`: when a collection
 * does not fit, the oldest samples make room (the newest say most about now) and the number
 * dropped is returned for counting. Each entry is one series with one sample.
 */
export class SampleQueue {
  private entries: WriteSeries[] = [];
  private head = 0;

  constructor(readonly capacity: number) {}

  get length(): number {
    return this.entries.length - this.head;
  }

  /** Appends; returns how many of the oldest samples were dropped to stay within capacity. */
  push(series: readonly WriteSeries[]): number {
    let dropped = 0;
    const incoming = series.length > this.capacity ? series.slice(series.length - this.capacity) : series;
    dropped += series.length - incoming.length;
    const overflow = this.length + incoming.length - this.capacity;
    if (overflow > 0) {
      this.head += overflow;
      dropped += overflow;
    }
    this.compact();
    for (const s of incoming) this.entries.push(s);
    return dropped;
  }

  /** Removes and returns up to `max` of the oldest samples. */
  take(max: number): WriteSeries[] {
    const batch = this.entries.slice(this.head, this.head + max);
    this.head += batch.length;
    this.compact();
    return batch;
  }

  /** Drops the consumed head once it is a good part of the array, so memory follows the length. */
  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    } else if (this.head === this.entries.length) {
      this.entries = [];
      this.head = 0;
    }
  }
}
