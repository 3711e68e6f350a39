/**
 * basic_auth_users: bcrypt checks with the protections exporter-toolkit has, done the node way.
 * - An unknown user is compared against a fixed dummy hash, so timing does not reveal which users exist.
 * - Results are cached (bcrypt is slow on purpose). The cache key is an HMAC, under a per-process
 *   random key, over length-prefixed user, hash and password: no plaintext is kept, and no two
 *   different (user, hash, password) triples can share a key — the ambiguity behind CVE-2022-46146,
 *   where a concatenated key let a known hash stand in for the password.
 * - One bcrypt comparison at a time: it is CPU-heavy and the exporter shares the machine it watches.
 */
import { bcryptLib, cryptoLib } from './lazy-deps.js';

/** bcrypt (cost 10, like the toolkit's) of a random string nobody knows; only its timing matters. */
export const DUMMY_BCRYPT_HASH = '$2b$10$7VrjVQH.xvXQ81rSylacteUcU0JCKO3C3GkkjOEQa34BcFWhfmHy.';

export const AUTH_CACHE_SIZE = 100;

export type BcryptCompare = (password: string, hash: string) => Promise<boolean>;

/** bcryptjs's async compare yields to the event loop between rounds, so scrapes keep flowing. */
const bcryptjsCompare: BcryptCompare = (password, hash) => bcryptLib().compare(password, hash);

/** A bounded map; when full, the oldest tenth (plus one) goes, so a flood of bad logins cannot grow it. */
export class AuthCache {
  private readonly entries = new Map<string, boolean>();

  constructor(readonly capacity = AUTH_CACHE_SIZE) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): boolean | undefined {
    return this.entries.get(key);
  }

  set(key: string, ok: boolean): void {
    if (!this.entries.has(key) && this.entries.size >= this.capacity) {
      let drop = Math.max(Math.floor(this.entries.size / 10), 1) + 1;
      for (const k of this.entries.keys()) {
        if (drop-- <= 0) break;
        this.entries.delete(k);
      }
    }
    this.entries.set(key, ok);
  }
}

export interface BasicCredentials {
  user: string;
  password: string;
}

/** The credentials of an `Authorization: Basic …` header, or undefined when there are none. */
export function parseBasicAuth(header: string | undefined): BasicCredentials | undefined {
  if (!header) return undefined;
  const m = /^basic +([A-Za-z0-9+/]+=*) *$/i.exec(header);
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export class BasicAuthenticator {
  readonly cache = new AuthCache();
  private readonly keySecret = cryptoLib().randomBytes(32);
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly compare: BcryptCompare = bcryptjsCompare) {}

  /** Cache key over length-delimited fields; see the file comment for why. */
  cacheKey(user: string, hash: string, password: string): string {
    const mac = cryptoLib().createHmac('sha256', this.keySecret);
    for (const field of [user, hash, password]) {
      const bytes = Buffer.from(field, 'utf8');
      const len = Buffer.alloc(4);
      len.writeUInt32BE(bytes.length);
      mac.update(len).update(bytes);
    }
    return mac.digest('base64');
  }

  /** True only for a configured user whose password matches its hash. */
  async check(users: ReadonlyMap<string, string>, user: string, password: string): Promise<boolean> {
    const stored = users.get(user);
    const known = stored !== undefined;
    const hash = stored ?? DUMMY_BCRYPT_HASH;
    const key = this.cacheKey(user, hash, password);
    const cached = this.cache.get(key);
    if (cached !== undefined) return known && cached;
    const ok = await this.exclusive(async () => {
      // A concurrent request for the same credentials may have finished while this one queued.
      const again = this.cache.get(key);
      if (again !== undefined) return again;
      let match = false;
      try {
        match = await this.compare(password, hash);
      } catch {
        match = false;
      }
      const result = known && match;
      this.cache.set(key, result);
      return result;
    });
    return known && ok;
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.then(() => undefined, () => undefined);
    return run;
  }
}
