import type { FakeResource, FakeSeed } from './model.js';

type Json = Record<string, unknown>;

/** 'ec2:instance' matches arn:aws:ec2:…:instance/i-1; 's3' (or 's3:') matches every S3 ARN. */
export function matchesResourceType(arn: string, filter: string): boolean {
  const [service, type] = filter.split(':');
  const parts = arn.split(':');
  if (parts[2] !== service) return false;
  if (!type) return true;
  const resource = parts.slice(5).join(':');
  return resource.startsWith(`${type}/`) || resource.startsWith(`${type}:`) || parts[5] === type;
}

function matchesTags(r: FakeResource, filters: Array<{ Key: string; Values?: string[] }>): boolean {
  return filters.every((f) => f.Key in r.tags && (!f.Values || f.Values.length === 0 || f.Values.includes(r.tags[f.Key] as string)));
}

/** Resource Groups Tagging API GetResources, paged by PaginationToken ("" on the last page). */
export function getResources(seed: FakeSeed, input: Json): Json {
  const types = (input['ResourceTypeFilters'] ?? []) as string[];
  const tagFilters = (input['TagFilters'] ?? []) as Array<{ Key: string; Values?: string[] }>;
  const matching = (seed.resources ?? []).filter((r) =>
    (types.length === 0 || types.some((t) => matchesResourceType(r.arn, t))) && matchesTags(r, tagFilters));
  const pageSize = seed.getResourcesPageSize ?? 100;
  const from = input['PaginationToken'] ? Number(input['PaginationToken']) : 0;
  const next = from + pageSize < matching.length ? String(from + pageSize) : '';
  return {
    PaginationToken: next,
    ResourceTagMappingList: matching.slice(from, from + pageSize).map((r) => ({
      ResourceARN: r.arn,
      Tags: Object.entries(r.tags).map(([Key, Value]) => ({ Key, Value })),
    })),
  };
}
