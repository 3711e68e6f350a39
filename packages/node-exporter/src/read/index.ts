/**
 * The node exporter's one file-reading layer for procfs, sysfs and the root filesystem. Paths
 * come from NodeContext (proc(), sys(), rootfsPath(): --path.procfs, --path.sysfs,
 * --path.rootfs); every collector reads through these functions, passing the scrape's
 * AbortSignal so a scrape past its deadline stops reading.
 *
 * file.ts         the one open/read/close and directory listing: synchronous, or on the libuv
 *                 pool for a directory where one was slow (readPolicy); pooled buffers
 * buffers.ts      the read buffer pool
 * errors.ts       missing / absent / permission: node_exporter's "no data" rules
 * optional.ts     single reads and listings under those rules (undefined or NoDataError)
 * attrs.ts        a directory's attributes in one batch
 * scrape-cache.ts one read per scrape of a file two collectors need
 * map-limit.ts    bounded concurrency
 */
export { READ_BUFFER_SIZE } from './buffers.js';
export { pooledDirectories, readDirNames, readPolicy, readProcFile, readSysfsFile } from './file.js';
export { isAbsentAttr, isMissing, isPermission } from './errors.js';
export { listDir, listFeatureDir, readAttr, readAttrLenient, readFeatureFile, readTextIfExists } from './optional.js';
export { readAttrs } from './attrs.js';
export { readProcFileOnce } from './scrape-cache.js';
export { mapLimit, READ_CONCURRENCY } from './map-limit.js';
