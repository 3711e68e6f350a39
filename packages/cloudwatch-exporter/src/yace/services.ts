/**
 * YACE's discovery table (pkg/config/services.go) for the namespaces this exporter supports:
 * which resource types GetResources is asked for, and how a resource's ARN yields the dimension
 * values its metrics carry. The named groups are dimension names. Built-in constants, not user
 * input: they are written as JavaScript regexes directly.
 */
export interface ServiceDiscovery {
  readonly namespace: string;
  readonly resourceFilters: readonly string[];
  readonly dimensionRegexps: readonly RegExp[];
}

export const SUPPORTED_SERVICES: readonly ServiceDiscovery[] = [
  { namespace: 'AWS/ApiGateway', resourceFilters: ['apigateway'], dimensionRegexps: [
    /\/restapis\/(?<ApiName>[^/]+)$/, /\/restapis\/(?<ApiName>[^/]+)\/stages\/(?<Stage>[^/]+)$/,
    /\/apis\/(?<ApiId>[^/]+)$/, /\/apis\/(?<ApiId>[^/]+)\/stages\/(?<Stage>[^/]+)$/, /\/apis\/(?<ApiId>[^/]+)\/routes\/(?<Route>[^/]+)$/,
  ] },
  { namespace: 'AWS/ApplicationELB', resourceFilters: ['elasticloadbalancing:loadbalancer/app', 'elasticloadbalancing:targetgroup'],
    dimensionRegexps: [/:(?<TargetGroup>targetgroup\/.+)/, /:loadbalancer\/(?<LoadBalancer>.+)$/] },
  { namespace: 'AWS/DynamoDB', resourceFilters: ['dynamodb:table'], dimensionRegexps: [/:table\/(?<TableName>[^/]+)/] },
  { namespace: 'AWS/EBS', resourceFilters: ['ec2:volume'], dimensionRegexps: [/volume\/(?<VolumeId>[^/]+)/] },
  { namespace: 'AWS/EC2', resourceFilters: ['ec2:instance'], dimensionRegexps: [/instance\/(?<InstanceId>[^/]+)/] },
  { namespace: 'AWS/ECS', resourceFilters: ['ecs:cluster', 'ecs:service'],
    dimensionRegexps: [/:cluster\/(?<ClusterName>[^/]+)$/, /:service\/(?<ClusterName>[^/]+)\/(?<ServiceName>[^/]+)$/] },
  { namespace: 'AWS/ElastiCache', resourceFilters: ['elasticache:cluster', 'elasticache:serverlesscache'],
    dimensionRegexps: [/cluster:(?<CacheClusterId>[^/]+)/, /serverlesscache:(?<clusterId>[^/]+)/] },
  { namespace: 'AWS/ELB', resourceFilters: ['elasticloadbalancing:loadbalancer'], dimensionRegexps: [/:loadbalancer\/(?<LoadBalancerName>.+)$/] },
  { namespace: 'AWS/Lambda', resourceFilters: ['lambda:function'], dimensionRegexps: [/:function:(?<FunctionName>[^/]+)/] },
  { namespace: 'AWS/NATGateway', resourceFilters: ['ec2:natgateway'], dimensionRegexps: [/natgateway\/(?<NatGatewayId>[^/]+)/] },
  { namespace: 'AWS/NetworkELB', resourceFilters: ['elasticloadbalancing:loadbalancer/net', 'elasticloadbalancing:targetgroup'],
    dimensionRegexps: [/:(?<TargetGroup>targetgroup\/.+)/, /:loadbalancer\/(?<LoadBalancer>.+)$/] },
  { namespace: 'AWS/RDS', resourceFilters: ['rds:db', 'rds:cluster', 'rds:db-proxy'],
    dimensionRegexps: [/:cluster:(?<DBClusterIdentifier>[^/]+)/, /:db:(?<DBInstanceIdentifier>[^/]+)/, /:db-proxy:(?<ProxyIdentifier>[^/]+)/] },
  { namespace: 'AWS/S3', resourceFilters: ['s3'], dimensionRegexps: [/(?<BucketName>[^:]+)$/] },
  { namespace: 'AWS/SNS', resourceFilters: ['sns'], dimensionRegexps: [/(?<TopicName>[^:]+)$/] },
  { namespace: 'AWS/SQS', resourceFilters: ['sqs'], dimensionRegexps: [/(?<QueueName>[^:]+)$/] },
];

export function serviceFor(namespace: string): ServiceDiscovery | undefined {
  return SUPPORTED_SERVICES.find((s) => s.namespace === namespace);
}
