import { randomBytes } from 'node:crypto';

/** STS speaks the AWS query protocol: form-encoded requests, XML answers. */
export interface IssuedSession {
  readonly accessKeyId: string;
  readonly roleArn: string;
  readonly expiresAtMs: number;
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function issueSession(roleArn: string, lifetimeSeconds: number, nowMs: number): IssuedSession {
  return { accessKeyId: `ASIAFAKE${randomBytes(6).toString('hex').toUpperCase()}`, roleArn, expiresAtMs: nowMs + lifetimeSeconds * 1000 };
}

export function assumeRoleResponse(session: IssuedSession, sessionName: string): string {
  const expiration = new Date(session.expiresAtMs).toISOString();
  return `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <Credentials>
      <AccessKeyId>${session.accessKeyId}</AccessKeyId>
      <SecretAccessKey>fake-secret-${session.accessKeyId.toLowerCase()}</SecretAccessKey>
      <SessionToken>fake-session-token-${session.accessKeyId.toLowerCase()}</SessionToken>
      <Expiration>${expiration}</Expiration>
    </Credentials>
    <AssumedRoleUser>
      <Arn>${xmlEscape(session.roleArn.replace(':iam:', ':sts:').replace(':role/', ':assumed-role/'))}/${xmlEscape(sessionName)}</Arn>
      <AssumedRoleId>AROAFAKE:${xmlEscape(sessionName)}</AssumedRoleId>
    </AssumedRoleUser>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>fake-request</RequestId></ResponseMetadata>
</AssumeRoleResponse>`;
}

export function stsErrorResponse(code: string, message: string, type: 'Sender' | 'Receiver'): string {
  return `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error><Type>${type}</Type><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error>
  <RequestId>fake-request</RequestId>
</ErrorResponse>`;
}
