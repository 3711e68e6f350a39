import { readProcFile } from './file.js';

const perScrape = new WeakMap<AbortSignal, Map<string, Promise<string>>>();

/**
 * readProcFile shared by the collectors of one scrape: the kit gives every collector of a scrape
 * the same AbortSignal, so it identifies the scrape. /proc/stat, which cpu and stat both need, is
 * then read once per scrape; the cache dies with the scrape's signal.
 */
export function readProcFileOnce(path: string, signal: AbortSignal): Promise<string> {
  let files = perScrape.get(signal);
  if (!files) {
    files = new Map();
    perScrape.set(signal, files);
  }
  let pending = files.get(path);
  if (!pending) {
    pending = readProcFile(path, signal);
    files.set(path, pending);
  }
  return pending;
}
