/** Quoting for the few statements that embed user-supplied names (flags), never server data. */

/** A single-quoted SQL string literal. */
export function sqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** A backquoted identifier. */
export function sqlIdent(name: string): string {
  return '`' + name.replace(/`/g, '``') + '`';
}
