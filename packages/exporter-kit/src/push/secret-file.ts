import { readFile, stat } from 'node:fs/promises';
import { ConfigError } from '../spec.js';

/**
 * A credential kept in a file (bearer token, password) and read again whenever the file changes,
 * so a rotated token is picked up without a restart. The value never leaves this object except
 * into an Authorization header.
 */
export class SecretFile {
  private value = '';
  private version = '';

  private constructor(readonly path: string, private readonly flag: string) {}

  /** Reads the file once at start-up: a missing or empty file is the user's to fix (exit 1). */
  static async open(path: string, flag: string): Promise<SecretFile> {
    const file = new SecretFile(path, flag);
    try {
      await file.read();
    } catch (err) {
      throw new ConfigError(`--${flag}: cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    if (!file.value) throw new ConfigError(`--${flag}: ${path} is empty; write the credential into it`);
    return file;
  }

  /** The current content, trimmed; re-read when size or mtime changed. Keeps the last good value on errors. */
  async read(): Promise<string> {
    try {
      const st = await stat(this.path);
      const version = `${st.mtimeMs}:${st.size}:${st.ino}`;
      if (version !== this.version) {
        const text = (await readFile(this.path, 'utf8')).trim();
        this.version = version;
        if (text) this.value = text;
      }
    } catch (err) {
      if (!this.version) throw err;
    }
    return this.value;
  }

  toString(): string {
    return `<secret from --${this.flag}>`;
  }
}
