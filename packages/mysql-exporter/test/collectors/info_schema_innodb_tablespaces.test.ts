import { describe, expect, it } from 'vitest';
import { innodbTablespacesCollector, innodbTablespacesQuery } from '../../src/collectors/info_schema_innodb_tablespaces.js';
import { parseServerVersion } from '../../src/target.js';
import { fakeTarget, result, run, value } from '../fake-target.js';

describe('info_schema.innodb_tablespaces', () => {
  it('picks the table and columns each server has', () => {
    const q = (version: string) => innodbTablespacesQuery({ isMariaDB: /mariadb/i.test(version), serverVersion: parseServerVersion(version) });
    expect(q('8.4.3')).toMatch(/'NONE' AS FILE_FORMAT.*IFNULL\(SPACE_TYPE, 'NONE'\).*INNODB_TABLESPACES$/);
    expect(q('5.7.44')).toMatch(/IFNULL\(FILE_FORMAT, 'NONE'\).*INNODB_SYS_TABLESPACES$/);
    expect(q('10.11.19-MariaDB')).toMatch(/'NONE' AS FILE_FORMAT.*'NONE' AS SPACE_TYPE.*INNODB_SYS_TABLESPACES$/);
  });
  it('space id as the info value, sizes by tablespace', async () => {
    const f = await run(innodbTablespacesCollector, fakeTarget([[/TABLESPACES/, result(
      ['SPACE', 'NAME', 'FILE_FORMAT', 'ROW_FORMAT', 'SPACE_TYPE', 'FILE_SIZE', 'ALLOCATED_SIZE'], [['7', 'shop/orders', 'NONE', 'Dynamic', 'Single', '98304', '81920']],
    )]], { version: '8.0.36' }));
    expect(value(f, 'mysql_info_schema_innodb_tablespace_space_info', { tablespace_name: 'shop/orders', row_format: 'Dynamic', space_type: 'Single', file_format: 'NONE' })).toBe(7);
    expect(value(f, 'mysql_info_schema_innodb_tablespace_file_size_bytes', { tablespace_name: 'shop/orders' })).toBe(98304);
    expect(value(f, 'mysql_info_schema_innodb_tablespace_allocated_size_bytes', { tablespace_name: 'shop/orders' })).toBe(81920);
  });
});
