import { randomBytes } from 'node:crypto';

/** STS and IAM speak the AWS query protocol: form-encoded requests, XML answers. */
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

/** The query protocol's error document, in a service's XML namespace. */
function queryErrorResponse(xmlns: string, code: string, message: string, type: 'Sender' | 'Receiver'): string {
  return `<ErrorResponse xmlns="${xmlns}">
  <Error><Type>${type}</Type><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error>
  <RequestId>fake-request</RequestId>
</ErrorResponse>`;
}

export function stsErrorResponse(code: string, message: string, type: 'Sender' | 'Receiver'): string {
  return queryErrorResponse('https://sts.amazonaws.com/doc/2011-06-15/', code, message, type);
}

export function getCallerIdentityResponse(account: string, arn: string): string {
  return `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>${xmlEscape(arn)}</Arn>
    <UserId>AIDAFAKEUSER</UserId>
    <Account>${xmlEscape(account)}</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata><RequestId>fake-request</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`;
}

export function listAccountAliasesResponse(aliases: readonly string[]): string {
  return `<ListAccountAliasesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
  <ListAccountAliasesResult>
    <IsTruncated>false</IsTruncated>
    <AccountAliases>${aliases.map((a) => `<member>${xmlEscape(a)}</member>`).join('')}</AccountAliases>
  </ListAccountAliasesResult>
  <ResponseMetadata><RequestId>fake-request</RequestId></ResponseMetadata>
</ListAccountAliasesResponse>`;
}

export function iamErrorResponse(code: string, message: string, type: 'Sender' | 'Receiver'): string {
  return queryErrorResponse('https://iam.amazonaws.com/doc/2010-05-08/', code, message, type);
}
