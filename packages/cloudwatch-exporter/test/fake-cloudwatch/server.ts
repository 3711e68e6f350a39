import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeValidationError, getMetricData, getMetricStatistics, listMetrics } from './cloudwatch-operations.js';
import type { FakeCall, FakeFault, FakeSeed } from './model.js';
import {
  assumeRoleResponse, getCallerIdentityResponse, iamErrorResponse, type IssuedSession, issueSession, listAccountAliasesResponse, stsErrorResponse,
} from './sts.js';
import { getResources } from './tagging-operations.js';

type Json = Record<string, unknown>;
type Service = FakeCall['service'];
/** The account of the seeded access keys unless the seed names one. */
export const DEFAULT_ACCOUNT = '123456789012';

/** Answers 200 while the fake listens, like the exporters' /-/healthy. */
export const HEALTH_PATH = '/-/healthy';
const CLOUDWATCH_TARGET = 'GraniteServiceVersion20100801.';
const TAGGING_TARGET = 'ResourceGroupsTaggingAPI_20170126.';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** `AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/monitoring/aws4_request, …` → key id, region. */
function credentialScope(auth: string | undefined): { accessKeyId?: string; region?: string } {
  const m = /Credential=([^/]+)\/\d{8}\/([^/]+)\//.exec(auth ?? '');
  return m ? { accessKeyId: m[1], region: m[2] } : {};
}

function jsonError(status: number, type: string, code: string, message: string, fault: 'Sender' | 'Receiver'): Answer {
  // AWS JSON 1.0 with awsQueryCompatible: the query error code travels in x-amzn-query-error.
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-query-error': `${code};${fault}` },
    body: JSON.stringify({ __type: type, message }),
  };
}

/**
 * A local stand-in for CloudWatch, the Resource Groups Tagging API and STS that speaks what the
 * installed AWS SDK v3 sends: CloudWatch and Tagging as AWS JSON 1.0/1.1 (`POST /`,
 * `X-Amz-Target`, epoch-second timestamps, query-compatible errors in `x-amzn-query-error`), STS as
 * the query protocol with XML answers. Point the real SDK at it with AWS_ENDPOINT_URL.
 */
export class FakeAws {
  readonly calls: FakeCall[] = [];
  private readonly faults = new Map<string, FakeFault[]>();
  private readonly sessions = new Map<string, IssuedSession>();
  private readonly arrivals = new Map<string, number>();
  private readonly waiters: Array<{ operation: string; n: number; resolve: () => void }> = [];
  private server: Server | undefined;
  /** Epoch ms as the fake sees it (session expiry); tests may move it. */
  now: () => number = Date.now;

  constructor(public seed: FakeSeed) {}

  /** Queues faults for the next calls of `operation` (e.g. 'GetMetricData'), one per call. */
  inject(operation: string, ...faults: FakeFault[]): void {
    const list = this.faults.get(operation) ?? [];
    list.push(...faults);
    this.faults.set(operation, list);
  }

  /** Resolves once `n` calls of `operation` have arrived (answered or not). */
  received(operation: string, n: number): Promise<void> {
    if ((this.arrivals.get(operation) ?? 0) >= n) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ operation, n, resolve }));
  }

  private arrived(operation: string): void {
    const n = (this.arrivals.get(operation) ?? 0) + 1;
    this.arrivals.set(operation, n);
    for (const w of [...this.waiters]) {
      if (w.operation === operation && n >= w.n) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  count(operation: string, status?: number): number {
    return this.calls.filter((c) => c.operation === operation && (status === undefined || c.status === status)).length;
  }

  resetCalls(): void {
    this.calls.length = 0;
    this.arrivals.clear();
    this.faults.clear();
  }

  /** Loopback unless told otherwise: the demo image (main.ts) binds 0.0.0.0 inside its container. */
  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    // A port in use rejects (main.ts reports it) instead of an unhandled 'error' event.
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return `http://${host}:${(server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    const s = this.server;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Not an AWS call (every AWS call is a POST to /): the container health check, kept out of the call log.
    if (req.method === 'GET' && req.url === HEALTH_PATH) {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const target = String(req.headers['x-amz-target'] ?? '');
    const { accessKeyId, region } = credentialScope(req.headers.authorization);
    let service: Service;
    let operation: string;
    let input: Json;
    if (target.startsWith(CLOUDWATCH_TARGET) || target.startsWith(TAGGING_TARGET)) {
      service = target.startsWith(CLOUDWATCH_TARGET) ? 'cloudwatch' : 'tagging';
      operation = target.slice(target.indexOf('.') + 1);
      input = body ? (JSON.parse(body) as Json) : {};
    } else {
      const form = new URLSearchParams(body);
      operation = form.get('Action') ?? '';
      // Both query-protocol services share the endpoint (AWS_ENDPOINT_URL): IAM's one operation here tells them apart.
      service = operation === 'ListAccountAliases' ? 'iam' : 'sts';
      input = Object.fromEntries(form);
    }
    const answer = await this.answer(service, operation, input, accessKeyId, req);
    const header = (name: string): string | undefined => {
      const v = req.headers[name];
      return Array.isArray(v) ? v.join(',') : v;
    };
    const headers = { 'x-amz-target': header('x-amz-target'), 'content-type': header('content-type'), 'x-amzn-query-mode': header('x-amzn-query-mode') };
    this.calls.push({ service, operation, accessKeyId, region, input, status: answer.status, headers });
    res.writeHead(answer.status, { ...answer.headers, 'x-amzn-requestid': 'fake-request' }).end(answer.body);
  }

  private fault(operation: string, input: Json): FakeFault | undefined {
    const list = this.faults.get(operation) ?? [];
    const i = list.findIndex((f) => !f.when || f.when(input));
    return i < 0 ? undefined : list.splice(i, 1)[0];
  }

  private knownKey(accessKeyId: string | undefined): 'ok' | 'unknown' | 'expired' {
    if (!accessKeyId) return 'unknown';
    if ((this.seed.accessKeys ?? []).includes(accessKeyId)) return 'ok';
    const session = this.sessions.get(accessKeyId);
    if (!session) return 'unknown';
    return session.expiresAtMs > this.now() ? 'ok' : 'expired';
  }

  private async answer(service: Service, operation: string, input: Json, accessKeyId: string | undefined, req: IncomingMessage): Promise<Answer> {
    this.arrived(operation);
    let fault = this.fault(operation, input);
    while (fault?.kind === 'latency' || fault?.kind === 'hold') {
      if (fault.kind === 'hold') await fault.release;
      else await new Promise((r) => setTimeout(r, fault?.kind === 'latency' ? fault.ms : 0));
      fault = this.fault(operation, input);
    }
    if (service === 'sts') return this.answerSts(operation, input, accessKeyId, fault);
    if (service === 'iam') return this.answerIam(accessKeyId, fault);
    if (req.method !== 'POST' || !String(req.headers['content-type']).startsWith('application/x-amz-json-1.')) {
      return jsonError(400, 'SerializationException', 'SerializationException', 'expected POST with an AWS JSON body', 'Sender');
    }
    const key = this.knownKey(accessKeyId);
    if (key === 'unknown') return jsonError(403, 'com.amazon.coral.service#UnrecognizedClientException', 'InvalidClientTokenId', 'The security token included in the request is invalid.', 'Sender');
    if (key === 'expired') return jsonError(403, 'com.amazon.coral.service#ExpiredTokenException', 'ExpiredToken', 'The security token included in the request is expired', 'Sender');
    if (fault?.kind === 'throttle') {
      return service === 'tagging'
        ? jsonError(400, 'ThrottledException', 'ThrottledException', 'Rate exceeded', 'Sender')
        : jsonError(400, 'com.amazon.coral.availability#ThrottlingException', 'Throttling', 'Rate exceeded', 'Sender');
    }
    if (fault?.kind === 'server-error') return jsonError(500, 'com.amazon.coral.service#InternalFailure', 'InternalFailure', 'The request processing has failed because of an unknown error.', 'Receiver');
    if (fault?.kind === 'access-denied') return jsonError(403, 'com.amazon.coral.service#AccessDeniedException', 'AccessDenied', `User is not authorized to perform: ${operation}`, 'Sender');
    try {
      const out = service === 'tagging' ? this.tagging(operation, input) : this.cloudwatch(operation, input);
      return { status: 200, headers: { 'content-type': service === 'tagging' ? 'application/x-amz-json-1.1' : 'application/x-amz-json-1.0' }, body: JSON.stringify(out) };
    } catch (err) {
      if (err instanceof FakeValidationError) return jsonError(400, 'com.amazonaws.cloudwatch#InvalidParameterValueException', 'InvalidParameterValue', err.message, 'Sender');
      throw err;
    }
  }

  private cloudwatch(operation: string, input: Json): Json {
    switch (operation) {
      case 'ListMetrics': return listMetrics(this.seed, input);
      case 'GetMetricData': return getMetricData(this.seed, input);
      case 'GetMetricStatistics': return getMetricStatistics(this.seed, input);
      default: throw new FakeValidationError(`operation ${operation} is not implemented by the fake`);
    }
  }

  private tagging(operation: string, input: Json): Json {
    if (operation !== 'GetResources') throw new FakeValidationError(`operation ${operation} is not implemented by the fake`);
    return getResources(this.seed, input);
  }

  private answerIam(accessKeyId: string | undefined, fault: FakeFault | undefined): Answer {
    const xml = (status: number, body: string): Answer => ({ status, headers: { 'content-type': 'text/xml' }, body });
    if (this.knownKey(accessKeyId) !== 'ok') return xml(403, iamErrorResponse('InvalidClientTokenId', 'The security token included in the request is invalid.', 'Sender'));
    if (fault?.kind === 'throttle') return xml(400, iamErrorResponse('Throttling', 'Rate exceeded', 'Sender'));
    if (fault?.kind === 'server-error') return xml(500, iamErrorResponse('ServiceFailure', 'unknown error', 'Receiver'));
    if (fault?.kind === 'access-denied') return xml(403, iamErrorResponse('AccessDenied', 'User is not authorized to perform: iam:ListAccountAliases', 'Sender'));
    return xml(200, listAccountAliasesResponse(this.seed.accountAliases ?? []));
  }

  private answerSts(operation: string, input: Json, accessKeyId: string | undefined, fault: FakeFault | undefined): Answer {
    const xml = (status: number, body: string): Answer => ({ status, headers: { 'content-type': 'text/xml' }, body });
    if (operation !== 'AssumeRole' && operation !== 'GetCallerIdentity') return xml(400, stsErrorResponse('InvalidAction', `${operation} is not implemented by the fake`, 'Sender'));
    if (this.knownKey(accessKeyId) !== 'ok') return xml(403, stsErrorResponse('InvalidClientTokenId', 'The security token included in the request is invalid.', 'Sender'));
    if (fault?.kind === 'throttle') return xml(400, stsErrorResponse('Throttling', 'Rate exceeded', 'Sender'));
    if (fault?.kind === 'server-error') return xml(500, stsErrorResponse('InternalFailure', 'unknown error', 'Receiver'));
    if (operation === 'GetCallerIdentity') {
      // GetCallerIdentity needs no permission; a role session belongs to the role's account.
      const roleArn = this.sessions.get(accessKeyId ?? '')?.roleArn;
      const account = roleArn?.split(':')[4] ?? this.seed.accountId ?? DEFAULT_ACCOUNT;
      const arn = roleArn ? roleArn.replace(':iam:', ':sts:').replace(':role/', ':assumed-role/') : `arn:aws:iam::${account}:user/fake`;
      return xml(200, getCallerIdentityResponse(account, arn));
    }
    const roleArn = String(input['RoleArn'] ?? '');
    if (fault?.kind === 'access-denied' || !(this.seed.roles ?? []).includes(roleArn)) {
      return xml(403, stsErrorResponse('AccessDenied', `User is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, 'Sender'));
    }
    const session = issueSession(roleArn, this.seed.sessionSeconds ?? 3600, this.now());
    this.sessions.set(session.accessKeyId, session);
    return xml(200, assumeRoleResponse(session, String(input['RoleSessionName'] ?? '')));
  }
}
