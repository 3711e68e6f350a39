import { statsTableCollector, type StatsTable } from './user_client_stats.js';

export const CLIENT_STATISTICS: StatsTable = { table: 'client_statistics', label: 'client' };

export const clientStatsCollector = statsTableCollector(
  'info_schema.clientstats',
  'If running with userstat=1, set to true to collect client statistics',
  CLIENT_STATISTICS,
);
