import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManagementApi, ManagementApiError } from '../src/management-api.js';

/** A stand-in for the management API that records requests and pages a list of 7 items. */
let server: Server;
let base = '';
const seen: URL[] = [];
const auths: string[] = [];
let mode: 'ok' | '401' | 'html' | 'hang' = 'ok';

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    seen.push(url);
    auths.push(req.headers.authorization ?? '');
    if (mode === 'hang') return;
    if (mode === '401') return void res.writeHead(401).end('{"error":"not_authorised"}');
    if (mode === 'html') return void res.writeHead(200).end('<html>login</html>');
    if (!url.searchParams.has('page')) {
      // Unpaged listing, sent in small pieces so items straddle chunk boundaries.
      const body = JSON.stringify(Array.from({ length: 7 }, (_, i) => ({ name: `q${i}`, note: '}{"][' })));
      res.writeHead(200, { 'content-type': 'application/json' });
      for (let i = 0; i < body.length; i += 5) res.write(body.slice(i, i + 5));
      return void res.end();
    }
    const size = Number(url.searchParams.get('page_size'));
    const page = Number(url.searchParams.get('page'));
    const all = Array.from({ length: 7 }, (_, i) => ({ name: `q${i}` }));
    const items = all.slice((page - 1) * size, page * size);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ items, page, page_size: size, page_count: Math.ceil(all.length / size), total_count: 7 }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const signal = () => AbortSignal.timeout(5000);

describe('ManagementApi', () => {
  it('pages with page_size and columns, one page at a time, until page_count', async () => {
    mode = 'ok';
    seen.length = 0;
    const api = new ManagementApi({ baseUrl: base, username: 'mon', password: 's3cret', pageSize: 3 });
    const pages: string[][] = [];
    for await (const p of api.pages<{ name: string }>('api/queues', ['name', 'messages'], signal())) pages.push(p.map((i) => i.name));
    expect(pages).toEqual([['q0', 'q1', 'q2'], ['q3', 'q4', 'q5'], ['q6']]);
    expect(seen.map((u) => [u.pathname, u.searchParams.get('page'), u.searchParams.get('page_size'), u.searchParams.get('columns')])).toEqual([
      ['/api/queues', '1', '3', 'name,messages'], ['/api/queues', '2', '3', 'name,messages'], ['/api/queues', '3', '3', 'name,messages'],
    ]);
    expect(auths.at(-1)).toBe('Basic ' + Buffer.from('mon:s3cret').toString('base64'));
  });

  it('streams an unpaged listing in batches of the page size, with one request', async () => {
    mode = 'ok';
    seen.length = 0;
    const api = new ManagementApi({ baseUrl: base, username: 'u', password: 'p', pageSize: 3 });
    const batches: string[][] = [];
    for await (const b of api.stream<{ name: string }>('api/queues', ['name', 'note'], signal())) batches.push(b.map((i) => i.name));
    expect(batches).toEqual([['q0', 'q1', 'q2'], ['q3', 'q4', 'q5'], ['q6']]);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.searchParams.get('columns')).toBe('name,note');
  });

  it('reports 401 on a streamed listing too', async () => {
    mode = '401';
    const api = new ManagementApi({ baseUrl: base, username: 'u', password: 'p' });
    const run = async () => {
      for await (const _ of api.stream('api/queues', ['name'], signal())) void _;
    };
    await expect(run()).rejects.toThrow(/HTTP 401/);
  });

  it('caps the page size at the API maximum of 500', async () => {
    mode = 'ok';
    seen.length = 0;
    const api = new ManagementApi({ baseUrl: base, username: 'u', password: 'p', pageSize: 5000 });
    for await (const _ of api.pages('api/queues', ['name'], signal())) void _;
    expect(seen[0]!.searchParams.get('page_size')).toBe('500');
  });

  it('keeps a path prefix of the base URL (API behind a proxy)', async () => {
    mode = 'ok';
    seen.length = 0;
    const api = new ManagementApi({ baseUrl: `${base}/rabbit`, username: 'u', password: 'p' });
    await api.get('api/overview', {}, signal());
    expect(seen[0]!.pathname).toBe('/rabbit/api/overview');
  });

  it('reports 401 with a hint and without the password', async () => {
    mode = '401';
    const api = new ManagementApi({ baseUrl: base, username: 'u', password: 'hunter2' });
    const err = await api.get('api/overview', {}, signal()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ManagementApiError);
    expect((err as ManagementApiError).status).toBe(401);
    expect((err as Error).message).toMatch(/HTTP 401.*--rabbitmq.password/);
    expect((err as Error).message).not.toContain('hunter2');
  });

  it('rejects an answer that is not JSON', async () => {
    mode = 'html';
    const api = new ManagementApi({ baseUrl: base, username: 'u', password: 'p' });
    await expect(api.get('api/overview', {}, signal())).rejects.toThrow(/not JSON/);
  });

  it('gives up at the deadline when the API never answers', async () => {
    mode = 'hang';
    const api = new ManagementApi({ baseUrl: base, username: 'u', password: 'p' });
    await expect(api.get('api/overview', {}, AbortSignal.timeout(200))).rejects.toThrow(/aborted at the scrape deadline/);
  });

  it('never puts URL credentials in requests or messages', async () => {
    mode = 'ok';
    auths.length = 0;
    seen.length = 0;
    const api = new ManagementApi({ baseUrl: base.replace('http://', 'http://x:leak@'), username: 'u', password: 'p' });
    expect(api.baseUrl.toString()).toBe(`${base}/`);
    await api.get('api/overview', {}, signal());
    expect(auths).toEqual(['Basic ' + Buffer.from('u:p').toString('base64')]);
    expect(seen.map((u) => u.href)).toEqual(['http://x/api/overview']);
    mode = '401';
    const err = await api.get('api/overview', {}, signal()).catch((e: unknown) => e);
    expect((err as Error).message).toBe(
      'GET /api/overview: HTTP 401 (the API refused the credentials: check --rabbitmq.user / --rabbitmq.password (or RABBIT_USER / RABBIT_PASSWORD, RABBITMQ_EXPORTER_RABBITMQ_USER / _PASSWORD))');
    const fromUrl = new ManagementApi({ baseUrl: base, username: 'u', password: 'p', credentialsFrom: 'the user:password in the target URL' });
    expect(((await fromUrl.get('api/overview', {}, signal()).catch((e: unknown) => e)) as Error).message)
      .toBe('GET /api/overview: HTTP 401 (the API refused the credentials: check the user:password in the target URL)');
  });
});
