/**
 * Where the exporter's credentials come from, read and checked in one place: at start-up and on
 * every reload. The option file, DATA_SOURCE_NAME, --mysqld.address/--mysqld.username and
 * MYSQLD_EXPORTER_PASSWORD become auth modules, or a ConfigError naming the file, line and fix.
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { ConfigError } from '@scrapekit/exporter-kit';
import { parseMysqlAddress, resolveAuthModules, TargetError, type AuthModule } from './config.js';
import { DataSourceNameError, parseDataSourceName } from './data-source-name.js';
import { MyCnfError, parseMyCnf, requireClientSection, unknownKeys } from './my-cnf.js';

export interface CredentialSources {
  readonly cnfPath: string;
  /** False for the default path: then a missing file is fine (flags and env suffice). */
  readonly cnfExplicit: boolean;
  readonly address: string;
  readonly username: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface LoadedCredentials {
  readonly modules: ReadonlyMap<string, AuthModule>;
  /** Log lines for the caller: skipped sections (error) and unknown keys (warning). */
  readonly skipped: readonly string[];
  readonly warnings: readonly string[];
}

export const DATA_SOURCE_NAME_DEPRECATION =
  'DATA_SOURCE_NAME is deprecated (mysqld_exporter 0.15 removed it): move the credentials to the [client] section of --config.my-cnf, or use --mysqld.address, --mysqld.username and MYSQLD_EXPORTER_PASSWORD';

function readCnf(path: string, explicit: boolean): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (!explicit && code === 'ENOENT') return undefined;
    throw new ConfigError(`--config.my-cnf: cannot read ${path} (${code ?? 'error'}); fix the path or drop the flag`);
  }
}

function fileProblem(path: string): string | undefined {
  try {
    accessSync(path, constants.R_OK);
    return undefined;
  } catch (err) {
    return `cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'}); fix the path`;
  }
}

/** Reads and checks everything; throws ConfigError for anything the user must fix. */
export function loadCredentials(src: CredentialSources): LoadedCredentials {
  const dsn = src.env.DATA_SOURCE_NAME;
  // 0.14 did not read the file at all when DATA_SOURCE_NAME was set: then it may be missing.
  const text = readCnf(src.cnfPath, src.cnfExplicit && !dsn);
  const warnings: string[] = [];
  const inFile = (err: MyCnfError): ConfigError =>
    new ConfigError(`--config.my-cnf: ${src.cnfPath}${err.line ? ` line ${err.line}` : ''}: ${err.message}`);
  try {
    const sections = text === undefined ? undefined : parseMyCnf(text);
    let dataSource: AuthModule | undefined;
    if (dsn) {
      dataSource = parseDataSourceName(dsn);
      warnings.push(DATA_SOURCE_NAME_DEPRECATION);
    } else if (sections) {
      requireClientSection(sections);
    }
    for (const u of sections ? unknownKeys(sections) : []) {
      warnings.push(`--config.my-cnf: ${src.cnfPath} line ${u.line}: unknown key '${u.key}' in [${u.section}] is ignored${u.closest ? ` (closest known key: '${u.closest}')` : ''}`);
    }
    try {
      if (src.address.trim() !== '') parseMysqlAddress(src.address.trim());
    } catch (err) {
      if (err instanceof TargetError) throw new ConfigError(`--mysqld.address: ${err.message}`);
      throw err;
    }
    const { modules, problems } = resolveAuthModules(sections, { env: src.env, address: src.address, username: src.username, dataSource, fileProblem });
    if (modules.size === 0) {
      const why = problems.length > 0 ? ` (${problems.join('; ')})` : '';
      throw new ConfigError(`no usable configuration${why}: set user in the [client] section of --config.my-cnf, or pass --mysqld.username`);
    }
    return { modules, skipped: problems, warnings };
  } catch (err) {
    if (err instanceof MyCnfError) throw inFile(err);
    if (err instanceof DataSourceNameError) throw new ConfigError(err.message);
    throw err;
  }
}
