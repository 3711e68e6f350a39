import { CloudWatchClient, type CloudWatchClientConfig } from '@aws-sdk/client-cloudwatch';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import type { STSClient } from '@aws-sdk/client-sts';
import type { AwsScope } from '../rules.js';

export interface ScopeClients {
  readonly cloudwatch: CloudWatchClient;
  /** Loaded on first use: only aws_tag_select needs it, and every SDK client costs memory. */
  tagging(): Promise<ResourceGroupsTaggingAPIClient>;
  /** STS and IAM, loaded on first use: only YACE's account_id and account_alias labels need them. */
  sts(): Promise<STSClient>;
  iam(): Promise<IAMClient>;
  destroy(): void;
}

/** cloudwatch_exporter's STS session name. */
const ROLE_SESSION_NAME = 'cloudwatch_exporter';

type Credentials = NonNullable<CloudWatchClientConfig['credentials']>;

/**
 * With a role: STS AssumeRole on top of the SDK's default chain (environment, shared config and
 * credentials files with profiles, web identity / IRSA, ECS and EC2 roles); the SDK caches the
 * session and asks again 5 minutes before it expires. Without one: undefined, and each client
 * uses that default chain itself.
 */
async function roleCredentials(scope: AwsScope): Promise<Credentials | undefined> {
  if (!scope.roleArn) return undefined;
  const { fromTemporaryCredentials } = await import('@aws-sdk/credential-providers');
  return fromTemporaryCredentials({
    params: {
      RoleArn: scope.roleArn,
      RoleSessionName: ROLE_SESSION_NAME,
      ...(scope.externalId ? { ExternalId: scope.externalId } : {}),
    },
    clientConfig: scope.region ? { region: scope.region } : {},
  });
}

/**
 * The SDK clients of one scope. Endpoints come from the SDK's own configuration (AWS_ENDPOINT_URL,
 * AWS_ENDPOINT_URL_CLOUDWATCH, profile endpoint_url); retries are ours (aws/backoff.ts), so the
 * SDK makes exactly one attempt per call and every attempt is counted.
 */
export async function createScopeClients(scope: AwsScope): Promise<ScopeClients> {
  const credentials = await roleCredentials(scope);
  const common = { maxAttempts: 1, ...(credentials ? { credentials } : {}), ...(scope.region ? { region: scope.region } : {}) };
  const cloudwatch = new CloudWatchClient(common);
  let tagging: Promise<ResourceGroupsTaggingAPIClient> | undefined;
  let sts: Promise<STSClient> | undefined;
  let iam: Promise<IAMClient> | undefined;
  return {
    cloudwatch,
    tagging() {
      tagging ??= import('@aws-sdk/client-resource-groups-tagging-api').then(({ ResourceGroupsTaggingAPIClient }) => new ResourceGroupsTaggingAPIClient(common));
      return tagging;
    },
    sts() {
      sts ??= import('@aws-sdk/client-sts').then(({ STSClient }) => new STSClient(common));
      return sts;
    },
    iam() {
      iam ??= import('@aws-sdk/client-iam').then(({ IAMClient }) => new IAMClient(common));
      return iam;
    },
    destroy() {
      cloudwatch.destroy();
      for (const client of [tagging, sts, iam]) void client?.then((c) => c.destroy());
    },
  };
}

/** The region the SDK will use for a scope, or undefined when neither the config nor the environment gives one. */
export async function resolveRegion(client: CloudWatchClient): Promise<string | undefined> {
  try {
    return await client.config.region();
  } catch {
    return undefined;
  }
}
