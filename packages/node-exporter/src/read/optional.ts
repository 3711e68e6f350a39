import { NoDataError } from '@scrapekit/exporter-kit';
import { isAbsentAttr, isMissing, isPermission } from './errors.js';
import { readDirNames, readProcFile, readSysfsFile } from './file.js';

/** The node_exporter "no data" rules of errors.ts applied to single reads. */

/** Reads a small text file; undefined when it does not exist (a missing feature, not an error). */
export async function readTextIfExists(path: string, signal?: AbortSignal): Promise<string | undefined> {
  try {
    return await readProcFile(path, signal);
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
}

/** Reads one sysfs attribute; undefined when the kernel reports it absent. Other errors throw. */
export async function readAttr(path: string, signal?: AbortSignal): Promise<string | undefined> {
  try {
    return await readSysfsFile(path, signal);
  } catch (err) {
    if (isAbsentAttr(err)) return undefined;
    throw err;
  }
}

/** Like readAttr but also treats permission errors as absent (root-only attributes such as DMI serials). */
export async function readAttrLenient(path: string, signal?: AbortSignal): Promise<string | undefined> {
  try {
    return await readSysfsFile(path, signal);
  } catch (err) {
    if (isAbsentAttr(err) || isPermission(err)) return undefined;
    throw err;
  }
}

/**
 * Reads the one file a collector is built on. Its absence means the kernel feature or
 * hardware is not there (NoDataError: nothing emitted, success 0 as node_exporter's ErrNoData); any other error throws.
 */
export async function readFeatureFile(path: string, signal: AbortSignal, feature: string): Promise<string> {
  try {
    return await readProcFile(path, signal);
  } catch (err) {
    if (isMissing(err)) throw new NoDataError(`${feature}: ${path} not found`);
    throw err;
  }
}

/** Directory entries sorted by name; undefined when the directory does not exist. */
export async function listDir(path: string): Promise<string[] | undefined> {
  try {
    return (await readDirNames(path)).sort();
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
}

/** Lists the directory a collector is built on (a sysfs class, a kstat dir); absent → NoDataError. */
export async function listFeatureDir(path: string, feature: string): Promise<string[]> {
  const entries = await listDir(path);
  if (entries === undefined) throw new NoDataError(`${feature}: ${path} not found`);
  return entries;
}
