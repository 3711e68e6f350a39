import { describe, expect, it } from 'vitest';
import { createFilesystemCollector, MAX_HUNG, stripRootfs, type FsStats } from '../../src/collectors/filesystem.js';
import { family, labelSets, run, value } from '../collect.js';
import { defaultsContext, FIXTURES } from '../fixture-tree.js';

const STATS: FsStats = { size: 1000 * 4096, free: 400 * 4096, avail: 300 * 4096, files: 5000, filesFree: 4200 };

/** A statfs stand-in: answers from a table, or hangs for paths listed in `hang` until released. */
function fakeStatfs(hang: Set<string> = new Set()) {
  const calls: string[] = [];
  const releases: Array<() => void> = [];
  const fn = (path: string): Promise<FsStats> => {
    calls.push(path);
    if ([...hang].some((h) => path.endsWith(h))) {
      return new Promise((resolve) => releases.push(() => resolve(STATS)));
    }
    if (path.endsWith('/mnt/nfs share')) return Promise.reject(new Error('ENOENT: no such file'));
    return Promise.resolve(STATS);
  };
  return {
    fn,
    calls,
    release: () => {
      hang.clear();
      releases.splice(0).forEach((r) => r());
    },
  };
}

describe('filesystem', () => {
  it('selects mounts with the default excludes, strips --path.rootfs, reports each label set once', async () => {
    const fake = fakeStatfs();
    const fams = await run(createFilesystemCollector(fake.fn), defaultsContext());
    expect(labelSets(fams, 'node_filesystem_readonly')).toEqual([
      'device=/dev/mapper/vg0-root,fstype=ext4,mountpoint=/',
      'device=/dev/md0,fstype=ext4,mountpoint=/srv/raid',
      'device=/dev/nvme0n1p1,fstype=vfat,mountpoint=/boot/efi',
      'device=/dev/sda1,fstype=xfs,mountpoint=/srv/data',
      'device=fileserver:/export,fstype=nfs4,mountpoint=/mnt/nfs share',
      'device=tmpfs,fstype=tmpfs,mountpoint=/run',
      'device=tmpfs,fstype=tmpfs,mountpoint=/run/user/1000',
    ]);
    expect(fake.calls).toContain(`${FIXTURES}/srv/data`);
    expect(fake.calls.filter((c) => c.endsWith('/srv/data'))).toHaveLength(1);
    const root = { mountpoint: '/' };
    expect(value(fams, 'node_filesystem_size_bytes', root)).toBe(4096000);
    expect(value(fams, 'node_filesystem_free_bytes', root)).toBe(1638400);
    expect(value(fams, 'node_filesystem_avail_bytes', root)).toBe(1228800);
    expect(value(fams, 'node_filesystem_files', root)).toBe(5000);
    expect(value(fams, 'node_filesystem_files_free', root)).toBe(4200);
    expect(value(fams, 'node_filesystem_device_error', root)).toBe(0);
    expect(value(fams, 'node_filesystem_readonly', root)).toBe(0);
    expect(value(fams, 'node_filesystem_readonly', { mountpoint: '/srv/raid' })).toBe(1);
    for (const f of fams) expect(f.type).toBe('gauge');
  });

  it('a failing statfs gives device_error 1 and readonly only', async () => {
    const fams = await run(createFilesystemCollector(fakeStatfs().fn), defaultsContext());
    const nfs = { mountpoint: '/mnt/nfs share' };
    expect(value(fams, 'node_filesystem_device_error', nfs)).toBe(1);
    // ro comes from the superblock options of the NFS mount.
    expect(value(fams, 'node_filesystem_readonly', nfs)).toBe(1);
    expect(family(fams, 'node_filesystem_size_bytes').samples.some((s) => s.labels.mountpoint === '/mnt/nfs share')).toBe(false);
  });

  it('works with the real statfs: existing fixture dirs answer, missing mount points are device errors', async () => {
    const fams = await run(createFilesystemCollector(), defaultsContext());
    expect(value(fams, 'node_filesystem_device_error', { mountpoint: '/' })).toBe(0);
    expect(value(fams, 'node_filesystem_size_bytes', { mountpoint: '/' })).toBeGreaterThan(0);
    expect(value(fams, 'node_filesystem_device_error', { mountpoint: '/run/user/1000' })).toBe(1);
  });

  it('a hung statfs times out, is not asked again while pending, and recovers once it answers', async () => {
    const fake = fakeStatfs(new Set(['/srv/data']));
    const collector = createFilesystemCollector(fake.fn);
    const ctx = defaultsContext({ 'collector.filesystem.mount-timeout': '30ms' });
    const first = await run(collector, ctx);
    expect(value(first, 'node_filesystem_device_error', { mountpoint: '/srv/data' })).toBe(1);
    expect(family(first, 'node_filesystem_size_bytes').samples.map((s) => s.labels.mountpoint)).not.toContain('/srv/data');
    expect(value(first, 'node_filesystem_device_error', { mountpoint: '/' })).toBe(0);

    const second = await run(collector, ctx);
    expect(value(second, 'node_filesystem_device_error', { mountpoint: '/srv/data' })).toBe(1);
    expect(fake.calls.filter((c) => c.endsWith('/srv/data'))).toHaveLength(1);

    fake.release();
    await new Promise((r) => setImmediate(r));
    const third = await run(collector, ctx);
    expect(value(third, 'node_filesystem_device_error', { mountpoint: '/srv/data' })).toBe(0);
    expect(value(third, 'node_filesystem_size_bytes', { mountpoint: '/srv/data' })).toBe(4096000);
    expect(fake.calls.filter((c) => c.endsWith('/srv/data'))).toHaveLength(2);
  });

  it(`never keeps more than ${MAX_HUNG} hung calls when every mount hangs`, async () => {
    const fake = fakeStatfs(new Set(['']));
    const collector = createFilesystemCollector(fake.fn);
    const ctx = defaultsContext({ 'collector.filesystem.mount-timeout': '20ms' });
    const fams = await run(collector, ctx);
    await run(collector, ctx);
    expect(fake.calls).toHaveLength(MAX_HUNG);
    expect(family(fams, 'node_filesystem_device_error').samples.every((s) => s.value === 1)).toBe(true);
    fake.release();
  });

  it('include patterns replace the default excludes', async () => {
    const fams = await run(createFilesystemCollector(fakeStatfs().fn), defaultsContext({
      'collector.filesystem.mount-points-include': '^/(sys|srv/.*)$',
      'collector.filesystem.fs-types-include': '^(sysfs|xfs|ext4)$',
    }));
    expect(labelSets(fams, 'node_filesystem_readonly').map((l) => l.split(',').pop())).toEqual([
      'mountpoint=/srv/raid', 'mountpoint=/srv/data', 'mountpoint=/sys',
    ]);
  });

  it('stripRootfs maps host paths back', () => {
    expect(stripRootfs('/host', '/host')).toBe('/');
    expect(stripRootfs('/host/', '/host/var')).toBe('/var');
    expect(stripRootfs('/', '/var')).toBe('/var');
    expect(stripRootfs('/host', '/hostile')).toBe('/hostile');
  });
});
