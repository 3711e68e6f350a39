/** What the SDK's errors carry that we look at (service exceptions and CredentialsProviderError). */
interface SdkErrorShape {
  name?: string;
  message?: string;
  Code?: string;
  code?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number };
}

const THROTTLING_CODES = new Set([
  'Throttling', 'ThrottlingException', 'ThrottledException', 'RequestThrottled', 'RequestThrottledException',
  'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown',
]);

function shape(err: unknown): SdkErrorShape {
  return err !== null && typeof err === 'object' ? (err as SdkErrorShape) : { message: String(err) };
}

/** The query-compatible code ('Throttling') when the service sent one, else the exception name. */
export function awsErrorCode(err: unknown): string {
  const e = shape(err);
  return e.Code ?? e.name ?? e.code ?? 'Error';
}

/** CloudWatch says `Throttling` / `Rate exceeded`; the Tagging API says `ThrottledException`. */
export function isThrottling(err: unknown): boolean {
  const e = shape(err);
  return [e.Code, e.name, e.code].some((c) => c !== undefined && THROTTLING_CODES.has(c)) || /rate exceeded/i.test(e.message ?? '');
}

/** Worth another attempt: throttling, a 5xx, or the connection failing under us. */
export function isRetryable(err: unknown): boolean {
  if (isThrottling(err)) return true;
  const e = shape(err);
  if (e.name === 'AbortError') return false;
  if (e.$fault === 'server' || (e.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  return ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'TimeoutError'].includes(e.code ?? e.name ?? '');
}

/** Access key ids, in case a service ever echoes one: never in a log line. */
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b/g;

/** One line for the log: the code and the service's message, with anything key-like redacted. */
export function describeAwsError(err: unknown): string {
  const e = shape(err);
  const code = awsErrorCode(err);
  const message = (e.message ?? '').split('\n')[0]?.replace(ACCESS_KEY_ID, '<redacted>') ?? '';
  if (e.name === 'CredentialsProviderError' || /credential/i.test(code)) {
    return `no usable AWS credentials: ${message || code} (set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, a web identity token or an instance role)`;
  }
  return message && message !== code ? `${code}: ${message}` : code;
}
