/** The integration suite (integration-suite.ts) on the real MariaDB at 127.0.0.1:3306. */
import { describe } from 'vitest';
import { LOCAL_MARIADB, mariadbAvailable } from './harness.js';
import { integrationSuite } from './integration-suite.js';

const available = await mariadbAvailable();

describe.runIf(available)('mysql-exporter against MariaDB (dedicated user, documented grants)', () => {
  integrationSuite(() => LOCAL_MARIADB);
});
