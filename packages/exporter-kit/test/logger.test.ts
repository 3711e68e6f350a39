import { describe, expect, it } from 'vitest';
import { REDACTED, createLogger, redact, redactString } from '../src/index.js';

function capture(format: 'logfmt' | 'json', level: 'debug' | 'info' | 'warn' | 'error' = 'info') {
  const lines: string[] = [];
  return { lines, logger: createLogger({ format, level, write: (l) => lines.push(l) }) };
}

describe('logger', () => {
  it('writes logfmt with quoting where needed', () => {
    const { lines, logger } = capture('logfmt');
    logger.info('Listening on', { address: '127.0.0.1:9100', note: 'two words', empty: '', n: 3 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^time=\S+ level=info msg="Listening on" address=127\.0\.0\.1:9100 note="two words" empty="" n=3$/);
  });

  it('writes JSON lines', () => {
    const { lines, logger } = capture('json');
    logger.child({ collector: 'cpu' }).warn('slow', { seconds: 1.5 });
    const rec = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(rec).toMatchObject({ level: 'warn', msg: 'slow', collector: 'cpu', seconds: 1.5 });
  });

  it('filters by level', () => {
    const { lines, logger } = capture('logfmt', 'warn');
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.error('d');
    expect(lines.map((l) => /msg=(\w)/.exec(l)![1])).toEqual(['c', 'd']);
    expect(logger.isEnabled('info')).toBe(false);
  });

  it('never writes secrets: secret-looking keys, URL credentials, DSN passwords, nested objects, error messages', () => {
    const { lines, logger } = capture('json');
    logger.error('connect to amqp://guest:s3cretA@rabbit:5672/ failed', {
      password: 's3cretB',
      dsn: 'exporter:s3cretC@tcp(db:3306)/',
      config: { user: 'exporter', mysqld_password: 's3cretD', nested: { api_key: 's3cretE' } },
      url: 'https://admin:s3cretF@example.com/api',
      err: new Error('Access denied; password=s3cretG'),
      headers: { authorization: 'Basic czNjcmV0SA==' },
    });
    const line = lines[0]!;
    for (const secret of ['s3cretA', 's3cretB', 's3cretC', 's3cretD', 's3cretE', 's3cretF', 's3cretG', 'czNjcmV0SA==']) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('amqp://guest:<redacted>@rabbit:5672/');
    expect(line).toContain('exporter');
  });

  it('redact keeps harmless values and empty secrets as they are', () => {
    expect(redact({ password: '', user: 'u', port: 3306 })).toEqual({ password: '', user: 'u', port: 3306 });
    expect(redactString('mysql://root@localhost:3306')).toBe('mysql://root@localhost:3306');
    expect(redact('x', 'token')).toBe(REDACTED);
  });
});
