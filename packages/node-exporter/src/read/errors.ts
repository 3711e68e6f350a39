/**
 * How the node exporter classifies a failed read, following node_exporter and prometheus/procfs:
 *
 * - missing (ENOENT, ENOTDIR, ENODEV, ENXIO): the kernel feature, module or device is not there.
 *   A collector's own root file or directory missing is "no data" (NoDataError: success, nothing
 *   emitted, logged at debug); a single missing attribute is skipped.
 * - absent attribute (missing, or EINVAL, EOPNOTSUPP, ENODATA, EAGAIN, EBUSY, EIO, ETIMEDOUT):
 *   the kernel says "this attribute has no value right now" (speed of a down link, a broken
 *   hwmon driver); procfs's sysfs readers skip these, so do we.
 * - permission (EACCES, EPERM): procfs skips root-only attributes (DMI serials, cpufreq's
 *   cpuinfo_cur_freq, thermal and net class files) and node_exporter turns a permission error on
 *   a whole feature into no data (rapl, netclass, thermal_zone, watchdog, dmmultipath, timex).
 *   Core /proc files (meminfo, stat, ...) are world-readable, so there a permission error is
 *   a real failure: the callers that skip permission errors say so (readAttrLenient, lenient).
 * - anything else (EISDIR, EMFILE, a ParseError, an aborted scrape) fails the collector.
 */
function code(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

const MISSING_CODES = new Set(['ENOENT', 'ENOTDIR', 'ENODEV', 'ENXIO']);
const NO_VALUE_CODES = new Set(['EINVAL', 'EOPNOTSUPP', 'ENOTSUP', 'ENODATA', 'EAGAIN', 'EBUSY', 'EIO', 'ETIMEDOUT']);

export function isMissing(err: unknown): boolean {
  const c = code(err);
  return c !== undefined && MISSING_CODES.has(c);
}

export function isAbsentAttr(err: unknown): boolean {
  const c = code(err);
  return c !== undefined && (MISSING_CODES.has(c) || NO_VALUE_CODES.has(c));
}

export function isPermission(err: unknown): boolean {
  const c = code(err);
  return c === 'EACCES' || c === 'EPERM';
}
