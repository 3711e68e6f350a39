import { readFile } from 'node:fs/promises';
import type { Agent as HttpAgent, IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { Agent, request as httpRequest } from 'node:http';
import { httpsLib } from '../lazy-deps.js';
import { ConfigError } from '../spec.js';
import { SecretFile } from './secret-file.js';

export interface TlsClientOptions {
  readonly caFile?: string;
  readonly certFile?: string;
  readonly keyFile?: string;
  readonly serverName?: string;
  readonly insecureSkipVerify?: boolean;
}

/** How to reach a push target: Prometheus's http client config (basic_auth, authorization, tls_config, headers). */
export interface HttpClientOptions {
  readonly basicAuth?: { readonly username: string; readonly passwordFile?: string };
  readonly bearerTokenFile?: string;
  readonly tls: TlsClientOptions;
  readonly headers: ReadonlyArray<readonly [name: string, value: string]>;
}

export interface HttpRequest {
  readonly method: 'PUT' | 'POST' | 'DELETE';
  readonly url: URL;
  readonly body?: string | Uint8Array;
  readonly headers?: OutgoingHttpHeaders;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** The start of the body (error answers), at most MAX_BODY bytes. */
  readonly body: string;
}

const MAX_BODY = 4096;

async function readTlsFile(path: string | undefined, flag: string): Promise<Buffer | undefined> {
  if (!path) return undefined;
  try {
    return await readFile(path);
  } catch (err) {
    throw new ConfigError(`--${flag}: cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/**
 * One HTTP client for both push targets: credentials, TLS, extra headers, a keep-alive agent per
 * scheme and a per-request timeout. Connection errors and timeouts reject; every HTTP answer
 * resolves, whatever its status, so callers decide what to retry.
 */
export class HttpSender {
  private constructor(
    private readonly httpAgent: HttpAgent,
    private readonly httpsAgent: HttpAgent | undefined,
    private readonly fixedHeaders: OutgoingHttpHeaders,
    private readonly password: SecretFile | undefined,
    private readonly username: string | undefined,
    private readonly bearerToken: SecretFile | undefined,
  ) {}

  /** Reads every file once (a missing one is a ConfigError at start-up). */
  static async create(opts: HttpClientOptions, userAgent: string, needsHttps: boolean): Promise<HttpSender> {
    const password = opts.basicAuth?.passwordFile ? await SecretFile.open(opts.basicAuth.passwordFile, 'push.basic-auth.password-file') : undefined;
    const bearerToken = opts.bearerTokenFile ? await SecretFile.open(opts.bearerTokenFile, 'push.bearer-token-file') : undefined;
    const [ca, cert, key] = await Promise.all([
      readTlsFile(opts.tls.caFile, 'push.tls.ca-file'),
      readTlsFile(opts.tls.certFile, 'push.tls.cert-file'),
      readTlsFile(opts.tls.keyFile, 'push.tls.key-file'),
    ]);
    const httpsAgent = needsHttps
      ? new (httpsLib().Agent)({
        keepAlive: true,
        ca,
        cert,
        key,
        servername: opts.tls.serverName,
        rejectUnauthorized: !opts.tls.insecureSkipVerify,
      })
      : undefined;
    const fixedHeaders: OutgoingHttpHeaders = { 'User-Agent': userAgent };
    for (const [name, value] of opts.headers) fixedHeaders[name] = value;
    return new HttpSender(new Agent({ keepAlive: true }), httpsAgent, fixedHeaders, password, opts.basicAuth?.username, bearerToken);
  }

  private async authorization(): Promise<string | undefined> {
    if (this.bearerToken) return `Bearer ${await this.bearerToken.read()}`;
    if (this.username !== undefined) {
      const password = this.password ? await this.password.read() : '';
      return `Basic ${Buffer.from(`${this.username}:${password}`).toString('base64')}`;
    }
    return undefined;
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    const headers: OutgoingHttpHeaders = { ...this.fixedHeaders, ...req.headers };
    const auth = await this.authorization();
    if (auth) headers.Authorization = auth;
    if (req.body !== undefined) headers['Content-Length'] = typeof req.body === 'string' ? Buffer.byteLength(req.body) : req.body.byteLength;
    const https = req.url.protocol === 'https:';
    const send = https ? httpsLib().request : httpRequest;
    return new Promise<HttpResponse>((resolve, reject) => {
      const request = send(req.url, {
        method: req.method,
        headers,
        agent: https ? this.httpsAgent : this.httpAgent,
        timeout: req.timeoutMs,
        signal: req.signal,
      }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (body.length < MAX_BODY) body += chunk.slice(0, MAX_BODY - body.length);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on('error', reject);
      });
      request.on('timeout', () => request.destroy(new Error(`no answer within ${req.timeoutMs} ms`)));
      request.on('error', reject);
      request.end(req.body);
    });
  }

  /** Closes the kept-alive connections so the process can exit. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent?.destroy();
  }
}
