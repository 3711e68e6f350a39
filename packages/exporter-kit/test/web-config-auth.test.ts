import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { AUTH_CACHE_SIZE, AuthCache, BasicAuthenticator, DUMMY_BCRYPT_HASH, parseBasicAuth } from '../src/web-config-auth.js';
import { TokenBucket } from '../src/web-config-ratelimit.js';
import { subjectAltNames } from '../src/web-config-tls.js';

const aliceHash = bcrypt.hashSync('alice123', 4);
const users = new Map([['alice', aliceHash]]);
const realCompare = (p: string, h: string): Promise<boolean> => bcrypt.compare(p, h);

describe('BasicAuthenticator', () => {
  it('accepts only a known user with the matching password', async () => {
    const auth = new BasicAuthenticator();
    expect(await auth.check(users, 'alice', 'alice123')).toBe(true);
    expect(await auth.check(users, 'alice', 'alice12')).toBe(false);
    expect(await auth.check(users, 'Alice', 'alice123')).toBe(false);
  });

  it('derives distinct cache keys for triples whose concatenation is equal, and keeps no plaintext', () => {
    const auth = new BasicAuthenticator();
    const keys = [['ab', 'c', 'd'], ['a', 'bc', 'd'], ['a', 'b', 'cd'], ['a:b', 'c', 'd'], ['a', 'b:c', 'd']]
      .map(([u, h, p]) => auth.cacheKey(u, h, p));
    expect(new Set(keys).size).toBe(keys.length);
    const key = auth.cacheKey('alice', aliceHash, 'alice123');
    expect(key).not.toContain('alice');
    expect(key).not.toContain(Buffer.from('alice123').toString('hex'));
    expect(key).not.toContain(Buffer.from('alice123').toString('base64'));
  });

  it('cannot be poisoned even by someone who knows the dummy password (CVE-2022-46146 shape)', async () => {
    // Worst case: the attacker knows a password matching the dummy hash.
    const compare = (p: string, h: string): Promise<boolean> => (h === DUMMY_BCRYPT_HASH ? Promise.resolve(p === 'dummy') : realCompare(p, h));
    const auth = new BasicAuthenticator(compare);
    // Step 1: an unknown user name carrying alice's hash, with the dummy password: refused, and cached as refused.
    expect(await auth.check(users, `alice${aliceHash}`, `${DUMMY_BCRYPT_HASH}dummy`)).toBe(false);
    expect(await auth.check(users, `alice${aliceHash}${DUMMY_BCRYPT_HASH}`, 'dummy')).toBe(false);
    // Step 2: alice with a password that completes the same concatenation must still be checked by bcrypt.
    expect(await auth.check(users, 'alice', `${DUMMY_BCRYPT_HASH}dummy`)).toBe(false);
    expect(await auth.check(users, 'alice', 'dummy')).toBe(false);
    expect(await auth.check(users, 'alice', 'alice123')).toBe(true);
  });

  it('refuses an unknown user even when bcrypt says the password matches the dummy hash', async () => {
    let calls = 0;
    const auth = new BasicAuthenticator(async () => {
      calls++;
      return true;
    });
    expect(await auth.check(users, 'ghost', 'x')).toBe(false);
    expect(await auth.check(users, 'ghost', 'x')).toBe(false);
    expect(calls).toBe(1);
  });

  it('a wrong password stays wrong when it comes again from the cache', async () => {
    const auth = new BasicAuthenticator();
    expect([await auth.check(users, 'alice', 'guess'), await auth.check(users, 'alice', 'guess')]).toEqual([false, false]);
    expect([await auth.check(users, 'alice', 'alice123'), await auth.check(users, 'alice', 'alice123')]).toEqual([true, true]);
  });

  it('a comparison that throws (a malformed hash) refuses the login', async () => {
    const auth = new BasicAuthenticator(async () => {
      throw new Error('Invalid salt version');
    });
    expect(await auth.check(users, 'alice', 'alice123')).toBe(false);
  });

  it('a right password cached does not let a wrong one in', async () => {
    const auth = new BasicAuthenticator();
    expect(await auth.check(users, 'alice', 'alice123')).toBe(true);
    expect(await auth.check(users, 'alice', 'alice123')).toBe(true);
    expect(await auth.check(users, 'alice', 'alice1234')).toBe(false);
    expect(await auth.check(users, 'alice', '')).toBe(false);
  });

  it('runs at most one bcrypt comparison at a time and compares each new triple once', async () => {
    let running = 0;
    let peak = 0;
    let calls = 0;
    const auth = new BasicAuthenticator(async (p, h) => {
      calls++;
      running++;
      peak = Math.max(peak, running);
      try {
        return await realCompare(p, h);
      } finally {
        running--;
      }
    });
    const attempts = ['alice123', 'a', 'b', 'alice123', 'c', 'alice123'];
    const results = await Promise.all(attempts.map((p) => auth.check(users, 'alice', p)));
    expect(results).toEqual([true, false, false, true, false, true]);
    expect(peak).toBe(1);
    expect(calls).toBe(4); // the repeated right password waits for the first and then reads the cache
  });

  it('keeps its cache bounded under a flood of distinct logins', async () => {
    const auth = new BasicAuthenticator(async () => false);
    for (let i = 0; i < 250; i++) await auth.check(users, `u${i}`, `p${i}`);
    expect(auth.cache.size).toBeLessThanOrEqual(AUTH_CACHE_SIZE);
    expect(auth.cache.size).toBeGreaterThan(AUTH_CACHE_SIZE / 2);
  });
});

describe('AuthCache', () => {
  it('evicts the oldest tenth plus one when full', () => {
    const cache = new AuthCache(100);
    for (let i = 0; i < 100; i++) cache.set(`k${i}`, true);
    expect(cache.size).toBe(100);
    cache.set('new', false);
    expect(cache.size).toBe(90);
    expect(cache.get('k0')).toBeUndefined();
    expect(cache.get('k10')).toBeUndefined();
    expect(cache.get('k11')).toBe(true);
    expect(cache.get('new')).toBe(false);
  });
});

describe('parseBasicAuth', () => {
  const b64 = (s: string): string => Buffer.from(s).toString('base64');
  it.each([
    [`Basic ${b64('alice:pa:ss')}`, { user: 'alice', password: 'pa:ss' }],
    [`basic ${b64('alice:')}`, { user: 'alice', password: '' }],
    [`Basic ${b64('ünï:cödé')}`, { user: 'ünï', password: 'cödé' }],
    // As Go's Request.BasicAuth (strings.Cut at the first colon): an empty user name is a user name.
    [`Basic ${b64(':secret')}`, { user: '', password: 'secret' }],
  ])('%s', (header, expected) => expect(parseBasicAuth(header)).toEqual(expected));
  it.each([
    undefined, '', 'Bearer abc', `Basic ${b64('no-colon')}`, 'Basic !!!',
    // The scheme must start the header and the credentials must end it.
    `XBasic ${b64('alice:alice123')}`, `Basic ${b64('alice:alice123')} extra`,
  ])('rejects %j', (header) => {
    expect(parseBasicAuth(header)).toBeUndefined();
  });
});

describe('TokenBucket', () => {
  it('starts full, refills one token per interval, never above burst', () => {
    let now = 0;
    const bucket = new TokenBucket(1000, 2, () => now);
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
    now = 999;
    expect(bucket.take()).toBe(false);
    now = 2000;
    expect(bucket.take()).toBe(true);
    now = 100_000;
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
  });

  it('refuses everything with burst 0', () => {
    let now = 0;
    const bucket = new TokenBucket(1000, 0, () => now);
    expect(bucket.take()).toBe(false);
    now = 60_000;
    expect(bucket.take()).toBe(false);
  });
});

describe('subjectAltNames', () => {
  it('reads DNS, e-mail, URI and IP entries, in Go\'s IP spelling', () => {
    expect(subjectAltNames('DNS:a.example, email:x@y.z, URI:spiffe://t/p, IP Address:10.0.0.1, IP Address:0:0:0:0:0:0:0:1, '
      + 'IP Address:2001:DB8:0:0:1:0:0:1, IP Address:0:0:0:0:0:FFFF:A00:1, DirName:CN=x'))
      .toEqual(['a.example', 'x@y.z', 'spiffe://t/p', '10.0.0.1', '::1', '2001:db8::1:0:0:1', '10.0.0.1']);
  });
  it('decodes values node quotes because they contain separators', () => {
    expect(subjectAltNames('DNS:"a, DNS:evil.example", DNS:b.example')).toEqual(['a, DNS:evil.example', 'b.example']);
  });
  it('is empty without SANs', () => expect(subjectAltNames(undefined)).toEqual([]));
});
