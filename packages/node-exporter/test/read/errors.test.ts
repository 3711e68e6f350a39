import { describe, expect, it } from 'vitest';
import { isAbsentAttr, isMissing, isPermission } from '../../src/read/errors.js';

const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code });

describe('read error classes (node_exporter and procfs "no data" rules)', () => {
  it('missing: the feature or device is not there', () => {
    for (const code of ['ENOENT', 'ENOTDIR', 'ENODEV', 'ENXIO']) expect(isMissing(errno(code)), code).toBe(true);
    for (const code of ['EACCES', 'EINVAL', 'EISDIR', 'EIO']) expect(isMissing(errno(code)), code).toBe(false);
    expect(isMissing(new Error('no code'))).toBe(false);
    expect(isMissing(undefined)).toBe(false);
  });

  it('absent attribute: missing, or the kernel has no value right now', () => {
    for (const code of ['ENOENT', 'EINVAL', 'EOPNOTSUPP', 'ENODATA', 'EAGAIN', 'EBUSY', 'EIO', 'ETIMEDOUT']) expect(isAbsentAttr(errno(code)), code).toBe(true);
    for (const code of ['EACCES', 'EPERM', 'EISDIR', 'EMFILE']) expect(isAbsentAttr(errno(code)), code).toBe(false);
  });

  it('permission: EACCES and EPERM only', () => {
    expect(isPermission(errno('EACCES'))).toBe(true);
    expect(isPermission(errno('EPERM'))).toBe(true);
    expect(isPermission(errno('ENOENT'))).toBe(false);
  });
});
