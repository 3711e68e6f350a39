import { statfs } from 'node:fs/promises';
import { flagFilter, numberFlag, type Collector, type Logger, type MetricSink, type FlagSpec } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { parseMountinfo, type MountInfo } from '../procfs/mountinfo.js';
import { isMissing, mapLimit, readProcFile } from '../read/index.js';

export const FILESYSTEM_MOUNT_POINTS_EXCLUDE =
  '^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+)($|/)';
export const FILESYSTEM_FS_TYPES_EXCLUDE =
  '^(autofs|binfmt_misc|bpf|cgroup2?|configfs|debugfs|devpts|devtmpfs|fusectl|hugetlbfs|iso9660|mqueue|nsfs|overlay|proc|procfs|pstore|rpc_pipefs|securityfs|selinuxfs|squashfs|sysfs|tracefs)$';
/** The collector's flags, under node_exporter's names and defaults (Go RE2 regexes, applied unanchored unless `anchor` says otherwise). */
export const filesystemFlags: readonly FlagSpec[] = [
  { kind: 'regex', name: 'collector.filesystem.mount-points-exclude', description: 'Regexp of mount points the filesystem collector leaves out.', default: FILESYSTEM_MOUNT_POINTS_EXCLUDE,
    deprecatedAliases: ['collector.filesystem.ignored-mount-points'] },
  { kind: 'regex', name: 'collector.filesystem.mount-points-include', description: 'Regexp of mount points to report; all others are left out (replaces the exclude default).', default: '',
    excludeFlag: 'collector.filesystem.mount-points-exclude' },
  { kind: 'regex', name: 'collector.filesystem.fs-types-exclude', description: 'Regexp of filesystem types the filesystem collector leaves out.', default: FILESYSTEM_FS_TYPES_EXCLUDE,
    deprecatedAliases: ['collector.filesystem.ignored-fs-types'] },
  { kind: 'regex', name: 'collector.filesystem.fs-types-include', description: 'Regexp of filesystem types to report; all others are left out (replaces the exclude default).', default: '',
    excludeFlag: 'collector.filesystem.fs-types-exclude' },
  { name: 'collector.filesystem.mount-timeout', kind: 'duration', description: 'How long to wait for a statfs answer before reporting the mount with device_error and skipping it until it answers.', default: '5s' },
  { name: 'collector.filesystem.stat-workers', kind: 'number', description: 'Concurrent statfs calls (each holds a libuv thread while it waits).', default: 2 },
];

/**
 * statfs calls that have not answered yet, shared by every scrape. A dead NFS server makes statfs
 * block for minutes, and each blocked call holds one of libuv's four pool threads (which every
 * file read also needs). So: a mount whose call timed out is not asked again until that call
 * returns, and while `limit` calls are unresolved, mounts that never answered are not asked.
 */
export interface StatfsTracker {
  /** Unresolved calls by mount point (in flight or hung). */
  readonly pending: Map<string, Promise<StatOutcome>>;
  /** Mount points whose pending call outlived the timeout. */
  readonly hung: Set<string>;
  /** Mount points whose last call answered (success or error). */
  readonly answered: Set<string>;
}

export const MAX_HUNG = 2;

/** A type alias, not an interface, so it is assignable to the kit's label record. */
export type FsLabels = {
  readonly device: string;
  readonly mountpoint: string;
  readonly fstype: string;
};

export interface FsStats {
  readonly size: number;
  readonly free: number;
  readonly avail: number;
  readonly files: number;
  readonly filesFree: number;
}

export type StatOutcome = { kind: 'ok'; stats: FsStats } | { kind: 'error'; message: string } | { kind: 'timeout' } | { kind: 'skipped' };

export type StatfsFn = (path: string) => Promise<FsStats>;

async function realStatfs(path: string): Promise<FsStats> {
  const s = await statfs(path);
  return { size: s.blocks * s.bsize, free: s.bfree * s.bsize, avail: s.bavail * s.bsize, files: s.files, filesFree: s.ffree };
}

/** Strips --path.rootfs from a mount point, as node_exporter reports host paths. */
export function stripRootfs(rootfs: string, mountPoint: string): string {
  if (rootfs === '/' || rootfs === '') return mountPoint;
  const prefix = rootfs.endsWith('/') ? rootfs.slice(0, -1) : rootfs;
  if (mountPoint === prefix) return '/';
  if (mountPoint.startsWith(`${prefix}/`)) return mountPoint.slice(prefix.length);
  return mountPoint;
}

export function isReadOnly(m: MountInfo): boolean {
  return m.mountOptions.includes('ro') || m.superOptions.includes('ro') || m.superOptions.includes('emergency_ro');
}

/** Collector factory: `statfsFn` is replaceable so tests can simulate a hung mount. */
export function createFilesystemCollector(statfsFn: StatfsFn = realStatfs): Collector<NodeContext> {
  return {
    name: 'filesystem',
    flags: filesystemFlags,
    help: 'Filesystem sizes and inode counts via statfs(2) for the mounts in /proc/1/mountinfo.',
    defaultEnabled: true,
    async collect(ctx, out) {
      const t = ctx.target;
      const mounts = await readMounts(t, ctx.signal);
      const keep = mountFilter(t);
      const tracker = t.state<StatfsTracker>('filesystem.statfs', () => ({ pending: new Map(), hung: new Set(), answered: new Set() }));
      const timeoutMs = numberFlag(t.flags, 'collector.filesystem.mount-timeout') ?? 5000;
      const workers = Math.max(1, Number(t.flags['collector.filesystem.stat-workers'] ?? 2) || 2);

      const seen = new Set<string>();
      const selected: Array<{ labels: FsLabels; ro: boolean }> = [];
      for (const m of mounts) {
        const mountpoint = stripRootfs(t.rootfs, m.mountPoint);
        if (!keep(mountpoint, m.fsType)) continue;
        const labels = { device: m.source, mountpoint, fstype: m.fsType };
        // Bind mounts and stacked mounts repeat a label set; report it once.
        const key = `${labels.device}\u0000${labels.mountpoint}\u0000${labels.fstype}`;
        if (seen.has(key)) continue;
        seen.add(key);
        selected.push({ labels, ro: isReadOnly(m) });
      }

      const outcomes = await mapLimit(selected, workers, (s) =>
        statWithTimeout(tracker, statfsFn, t.rootfsPath(s.labels.mountpoint), s.labels.mountpoint, timeoutMs, Math.max(MAX_HUNG, workers), ctx.logger));
      selected.forEach((s, i) => emit(out, s.labels, s.ro, outcomes[i] as StatOutcome, ctx.logger));
    },
  };
}

export const filesystemCollector = createFilesystemCollector();

async function readMounts(t: NodeContext, signal: AbortSignal): Promise<MountInfo[]> {
  try {
    return parseMountinfo(await readProcFile(t.proc('1', 'mountinfo'), signal));
  } catch (err) {
    // hidepid=2 hides /proc/1 from unprivileged users; our own mount namespace is the fallback.
    if (!isMissing(err) && (err as NodeJS.ErrnoException).code !== 'EACCES') throw err;
    return parseMountinfo(await readProcFile(t.proc('self', 'mountinfo'), signal));
  }
}

function mountFilter(t: NodeContext): (mountpoint: string, fstype: string) => boolean {
  // An include pattern replaces the default exclude (settled at start-up by the kit).
  const mp = flagFilter(t.flags, { include: 'collector.filesystem.mount-points-include', exclude: 'collector.filesystem.mount-points-exclude' });
  const fs = flagFilter(t.flags, { include: 'collector.filesystem.fs-types-include', exclude: 'collector.filesystem.fs-types-exclude' });
  return (mountpoint, fstype) => !mp.ignored(mountpoint) && !fs.ignored(fstype);
}

async function statWithTimeout(
  tracker: StatfsTracker,
  statfsFn: StatfsFn,
  path: string,
  mountpoint: string,
  timeoutMs: number,
  limit: number,
  logger: Logger,
): Promise<StatOutcome> {
  let call = tracker.pending.get(mountpoint);
  if (call && tracker.hung.has(mountpoint)) return { kind: 'timeout' };
  if (!call) {
    if (tracker.pending.size >= limit && !tracker.answered.has(mountpoint)) {
      logger.warn('too many statfs calls unanswered; not asking a mount that never answered', { mountpoint, pending: tracker.pending.size });
      return { kind: 'skipped' };
    }
    const started: Promise<StatOutcome> = statfsFn(path).then(
      (stats) => ({ kind: 'ok', stats }),
      (err: unknown) => ({ kind: 'error', message: (err as Error).message }),
    );
    tracker.pending.set(mountpoint, started);
    void started.then(() => {
      tracker.pending.delete(mountpoint);
      tracker.answered.add(mountpoint);
      if (tracker.hung.delete(mountpoint)) logger.info('statfs answered again', { mountpoint });
    });
    call = started;
  }
  // A concurrent scrape may already be waiting on the same call: share it rather than ask twice.
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<StatOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs);
  });
  const first = await Promise.race([call, timeout]);
  clearTimeout(timer);
  if (first.kind === 'timeout' && tracker.pending.has(mountpoint)) {
    logger.warn('statfs did not answer in time; skipping this mount until it does', { mountpoint, timeout_ms: timeoutMs });
    tracker.hung.add(mountpoint);
    tracker.answered.delete(mountpoint);
  }
  return first;
}

function emit(out: MetricSink, labels: FsLabels, ro: boolean, o: StatOutcome, logger: Logger): void {
  const failed = o.kind !== 'ok';
  if (o.kind === 'error') logger.debug('statfs failed', { mountpoint: labels.mountpoint, err: o.message });
  out.gauge('node_filesystem_device_error', 'Whether statfs of the mount failed or did not answer in time.', failed ? 1 : 0, labels);
  out.gauge('node_filesystem_readonly', 'Whether the filesystem is mounted read-only.', ro ? 1 : 0, labels);
  if (o.kind !== 'ok') return;
  const s = o.stats;
  out.gauge('node_filesystem_size_bytes', 'Total size of the filesystem, in bytes.', s.size, labels);
  out.gauge('node_filesystem_free_bytes', 'Free bytes, including those reserved for root.', s.free, labels);
  out.gauge('node_filesystem_avail_bytes', 'Bytes available to unprivileged users.', s.avail, labels);
  out.gauge('node_filesystem_files', 'Inodes in total.', s.files, labels);
  out.gauge('node_filesystem_files_free', 'Free inodes.', s.filesFree, labels);
}
