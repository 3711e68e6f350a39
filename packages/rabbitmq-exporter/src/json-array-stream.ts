/**
 * Splits a JSON array of objects arriving in chunks into its items, parsing each item on its own.
 * Memory is one item plus one chunk, whatever the size of the array: this is what lets the
 * unpaged listing (`--rabbitmq.queue-listing=stream`) read 10k+ queues in one request without
 * ever holding the whole answer. Only the structural characters outside strings are tracked;
 * JSON.parse still validates every item.
 */
const MAX_ITEM_CHARS = 1024 * 1024;

export class JsonArraySplitter<T> {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private started = false;
  /** Start of the current item inside its first chunk, with the earlier chunks' part in `carry`. */
  private carry = '';
  private inItem = false;

  /** Feeds one decoded chunk; returns the items it completed. */
  push(text: string): T[] {
    const done: T[] = [];
    let itemStart = this.inItem ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c /* \ */) this.escaped = true;
        else if (c === 0x22 /* " */) this.inString = false;
        continue;
      }
      if (c === 0x22) {
        this.inString = true;
      } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
        if (!this.started) {
          if (c !== 0x5b) throw new SyntaxError('expected a JSON array');
          this.started = true;
        }
        this.depth++;
        if (this.depth === 2) {
          if (c !== 0x7b) throw new SyntaxError('expected an array of objects');
          itemStart = i;
          this.inItem = true;
        }
      } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
        this.depth--;
        if (this.depth === 1 && this.inItem) {
          done.push(JSON.parse(this.carry + text.slice(itemStart, i + 1)) as T);
          this.carry = '';
          this.inItem = false;
          itemStart = -1;
        } else if (this.depth < 0) {
          throw new SyntaxError('unbalanced JSON');
        }
      } else if (c > 0x20 && !this.inItem) {
        // Outside items only whitespace, commas and the brackets may appear.
        if (!this.started) throw new SyntaxError('expected a JSON array');
        if (c !== 0x2c /* , */) throw new SyntaxError('expected an array of objects');
      }
    }
    if (this.inItem) {
      this.carry += text.slice(itemStart);
      // A queue record is well under a kilobyte; an "item" this large is not the API talking.
      if (this.carry.length > MAX_ITEM_CHARS) throw new SyntaxError('an item larger than 1 MiB');
    }
    return done;
  }

  /** Throws unless the array was complete. */
  end(): void {
    if (!this.started || this.depth !== 0 || this.inString) throw new SyntaxError('truncated JSON array');
  }
}
