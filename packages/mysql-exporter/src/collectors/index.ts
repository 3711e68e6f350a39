import type { Collector } from '@scrapekit/exporter-kit';
import type { MysqlTarget } from '../target.js';
import { binlogSizeCollector } from './binlog_size.js';
import { engineInnodbStatusCollector } from './engine_innodb_status.js';
import { engineTokudbStatusCollector } from './engine_tokudb_status.js';
import { globalStatusCollector } from './global_status.js';
import { globalVariablesCollector } from './global_variables.js';
import { heartbeatCollector } from './heartbeat.js';
import { autoIncrementCollector } from './info_schema_auto_increment.js';
import { clientStatsCollector } from './info_schema_clientstats.js';
import { innodbCmpCollector } from './info_schema_innodb_cmp.js';
import { innodbCmpmemCollector } from './info_schema_innodb_cmpmem.js';
import { innodbMetricsCollector } from './info_schema_innodb_metrics.js';
import { innodbTablespacesCollector } from './info_schema_innodb_tablespaces.js';
import { processlistCollector } from './info_schema_processlist.js';
import { queryResponseTimeCollector } from './info_schema_query_response_time.js';
import { replicaHostCollector } from './info_schema_replica_host.js';
import { rocksdbPerfContextCollector } from './info_schema_rocksdb_perf_context.js';
import { schemaStatsCollector } from './info_schema_schemastats.js';
import { tablesCollector } from './info_schema_tables.js';
import { tableStatsCollector } from './info_schema_tablestats.js';
import { userStatsCollector } from './info_schema_userstats.js';
import { mysqlUserCollector } from './mysql_user.js';
import { eventsStatementsCollector } from './perf_schema_eventsstatements.js';
import { eventsStatementsSumCollector } from './perf_schema_eventsstatementssum.js';
import { eventsWaitsCollector } from './perf_schema_eventswaits.js';
import { fileEventsCollector } from './perf_schema_file_events.js';
import { fileInstancesCollector } from './perf_schema_file_instances.js';
import { indexIoWaitsCollector } from './perf_schema_indexiowaits.js';
import { memoryEventsCollector } from './perf_schema_memory_events.js';
import { applierByWorkerCollector } from './perf_schema_replication_applier_status_by_worker.js';
import { groupMemberStatsCollector } from './perf_schema_replication_group_member_stats.js';
import { replicationGroupMembersCollector } from './perf_schema_replication_group_members.js';
import { tableIoWaitsCollector } from './perf_schema_tableiowaits.js';
import { tableLocksCollector } from './perf_schema_tablelocks.js';
import { slaveHostsCollector } from './slave_hosts.js';
import { slaveStatusCollector } from './slave_status.js';
import { userSummaryCollector } from './sys_user_summary.js';

/** The registry: one line per scraper; defaults as in mysqld_exporter. */
export const collectors: ReadonlyArray<Collector<MysqlTarget>> = [
  globalStatusCollector,
  globalVariablesCollector,
  slaveStatusCollector,
  innodbCmpCollector,
  innodbCmpmemCollector,
  queryResponseTimeCollector,
  processlistCollector,
  tablesCollector,
  tableStatsCollector,
  schemaStatsCollector,
  innodbMetricsCollector,
  userStatsCollector,
  clientStatsCollector,
  eventsStatementsCollector,
  eventsStatementsSumCollector,
  eventsWaitsCollector,
  tableIoWaitsCollector,
  indexIoWaitsCollector,
  tableLocksCollector,
  fileEventsCollector,
  memoryEventsCollector,
  replicationGroupMembersCollector,
  binlogSizeCollector,
  heartbeatCollector,
  engineInnodbStatusCollector,
  slaveHostsCollector,
  autoIncrementCollector,
  mysqlUserCollector,
  fileInstancesCollector,
  groupMemberStatsCollector,
  applierByWorkerCollector,
  userSummaryCollector,
  innodbTablespacesCollector,
  engineTokudbStatusCollector,
  replicaHostCollector,
  rocksdbPerfContextCollector,
];
