import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsScope } from '../rules.js';

export interface ScopeClients {
  readonly cloudwatch: CloudWatchClient;
  readonly tagging: ResourceGroupsTaggingAPIClient;
  destroy(): void;
}

/** cloudwatch_exporter's STS session name. */
const ROLE_SESSION_NAME = 'cloudwatch_exporter';

/**
 * Credentials for a scope: the SDK's default chain (environment, shared config and credentials
 * files with profiles, web identity / IRSA, ECS and EC2 roles), or, with a role, STS AssumeRole on
 * top of it. The SDK caches the identity and asks again 5 minutes before it expires.
 */
export function scopeCredentials(scope: AwsScope): ReturnType<typeof fromNodeProviderChain> {
  if (!scope.roleArn) return fromNodeProviderChain();
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
export function createScopeClients(scope: AwsScope): ScopeClients {
  const credentials = scopeCredentials(scope);
  const common = { credentials, maxAttempts: 1, ...(scope.region ? { region: scope.region } : {}) };
  const cloudwatch = new CloudWatchClient(common);
  const tagging = new ResourceGroupsTaggingAPIClient(common);
  return {
    cloudwatch,
    tagging,
    destroy() {
      cloudwatch.destroy();
      tagging.destroy();
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
