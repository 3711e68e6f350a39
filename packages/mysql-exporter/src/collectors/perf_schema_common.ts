import { versionAtLeast, type MysqlTarget } from '../target.js';

/** performance_schema timers are picoseconds. */
export const PICOSECONDS = 1e12;

/** performance_schema summary tables exist from MySQL 5.6 / MariaDB 10.0 on. */
export function hasPerfSchema56(t: Pick<MysqlTarget, 'isMariaDB' | 'serverVersion'>): boolean {
  return t.isMariaDB || versionAtLeast(t.serverVersion, 5, 6);
}

export function hasPerfSchema57(t: Pick<MysqlTarget, 'isMariaDB' | 'serverVersion'>): boolean {
  return t.isMariaDB || versionAtLeast(t.serverVersion, 5, 7);
}
