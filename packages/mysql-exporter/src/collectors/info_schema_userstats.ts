import { statsTableCollector, type StatsTable } from './user_client_stats.js';

export const USER_STATISTICS: StatsTable = {
  table: 'user_statistics',
  label: 'user',
  unmapped: new Set(['MAX_STATEMENT_TIME_EXCEEDED']),
};

export const userStatsCollector = statsTableCollector(
  'info_schema.userstats',
  'If running with userstat=1, set to true to collect user statistics',
  USER_STATISTICS,
);
