import { closestMatch } from '@scrapekit/exporter-kit';
import { STANDARD_STATISTICS } from '../rules.js';
import { fail } from './fields.js';

/** Spellings users type for the standard statistics (Avg, max, count) → CloudWatch's name. */
const ALIASES: Readonly<Record<string, string>> = {
  avg: 'Average', mean: 'Average', max: 'Maximum', min: 'Minimum', count: 'SampleCount', samples: 'SampleCount', total: 'Sum',
};

/** Percentile and trimmed/windsorized statistics CloudWatch accepts in GetMetricData: p99, p99.9, tm90, wm99, tc90, ts90. */
const EXTENDED = /^(?:p|tm|wm|tc|ts)(?:100|\d{1,2})(?:\.\d+)?$/;

export function isExtendedStatistic(stat: string): boolean {
  return EXTENDED.test(stat);
}

/** Validates one of aws_statistics; the message suggests the right spelling. */
export function checkStandardStatistic(stat: string, path: string): string {
  if ((STANDARD_STATISTICS as readonly string[]).includes(stat)) return stat;
  const hint = ALIASES[stat.toLowerCase()] ?? closestMatch(stat, STANDARD_STATISTICS);
  if (isExtendedStatistic(stat)) fail(path, `${JSON.stringify(stat)} is an extended statistic; list it under aws_extended_statistics`);
  return fail(path, `${JSON.stringify(stat)} is not a statistic; use ${hint ?? STANDARD_STATISTICS.join(', ')}`);
}

export function checkExtendedStatistic(stat: string, path: string): string {
  if (isExtendedStatistic(stat)) return stat;
  if ((STANDARD_STATISTICS as readonly string[]).includes(stat)) fail(path, `${JSON.stringify(stat)} is a standard statistic; list it under aws_statistics`);
  return fail(path, `${JSON.stringify(stat)} is not an extended statistic; use a percentile such as p99 or p99.9`);
}
