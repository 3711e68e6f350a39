/**
 * The scrapekit overview dashboard as code (@grafana/grafana-foundation-sdk): one row per
 * exporter with the panels an on-call engineer opens first. `scrapekit-overview.json` beside this
 * file is its output, checked in for Grafana's file provisioning (docker/grafana); the test in
 * this directory keeps the two in step (regenerate with `npm run dashboards`), and
 * test/e2e-prometheus.test.ts runs every panel's query against a real Prometheus.
 */
import { DashboardBuilder, DatasourceVariableBuilder, RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';

/** One panel: its title, unit and the PromQL it plots (one series per legend entry). */
export interface PanelSpec {
  readonly title: string;
  readonly unit: string;
  readonly description: string;
  readonly queries: ReadonlyArray<{ readonly expr: string; readonly legend: string }>;
}

export interface RowSpec {
  readonly title: string;
  readonly panels: readonly PanelSpec[];
}

const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };

export const ROWS: readonly RowSpec[] = [
  {
    title: 'Hosts (node-exporter)',
    panels: [
      { title: 'CPU busy', unit: 'percent', description: 'Share of CPU time not idle, per host.',
        queries: [{ expr: '100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[$__rate_interval])))', legend: '{{instance}}' }] },
      { title: 'Memory used', unit: 'percent', description: 'Memory not available to new programs (MemAvailable against MemTotal).',
        queries: [{ expr: '100 * (1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes)', legend: '{{instance}}' }] },
      { title: 'Root filesystem used', unit: 'percent', description: 'Space used on / (what the filesystem alerts watch).',
        queries: [{ expr: '100 * (1 - node_filesystem_avail_bytes{mountpoint="/", fstype!=""} / node_filesystem_size_bytes{mountpoint="/", fstype!=""})', legend: '{{instance}} {{device}}' }] },
      { title: 'Disk I/O', unit: 'Bps', description: 'Bytes read and written per second, all block devices of a host.',
        queries: [
          { expr: 'sum by (instance) (rate(node_disk_read_bytes_total[$__rate_interval]))', legend: '{{instance}} read' },
          { expr: 'sum by (instance) (rate(node_disk_written_bytes_total[$__rate_interval]))', legend: '{{instance}} written' },
        ] },
      { title: 'Network', unit: 'Bps', description: 'Bytes received and sent per second, loopback excluded.',
        queries: [
          { expr: 'sum by (instance) (rate(node_network_receive_bytes_total{device!="lo"}[$__rate_interval]))', legend: '{{instance}} received' },
          { expr: 'sum by (instance) (rate(node_network_transmit_bytes_total{device!="lo"}[$__rate_interval]))', legend: '{{instance}} sent' },
        ] },
    ],
  },
  {
    title: 'MySQL / MariaDB (mysql-exporter)',
    panels: [
      { title: 'Queries per second', unit: 'reqps', description: 'Statements the server executed (Queries status counter).',
        queries: [{ expr: 'rate(mysql_global_status_queries[$__rate_interval])', legend: '{{instance}}' }] },
      { title: 'Connections', unit: 'short', description: 'Open connections against max_connections.',
        queries: [
          { expr: 'mysql_global_status_threads_connected', legend: '{{instance}} connected' },
          { expr: 'mysql_global_variables_max_connections', legend: '{{instance}} max' },
        ] },
      { title: 'Replication lag', unit: 's', description: 'Seconds behind the source minus any configured SQL_Delay; empty on a server that replicates from nothing.',
        queries: [{ expr: 'mysql_slave_status_seconds_behind_master - mysql_slave_status_sql_delay', legend: '{{instance}} {{channel_name}}' }] },
    ],
  },
  {
    title: 'RabbitMQ (rabbitmq-exporter)',
    panels: [
      { title: 'Messages ready', unit: 'short', description: 'Messages waiting for a consumer.',
        queries: [{ expr: 'sum by (instance) (rabbitmq_queue_messages_ready)', legend: '{{instance}}' }] },
      { title: 'Messages unacknowledged', unit: 'short', description: 'Messages delivered and not yet acknowledged.',
        queries: [{ expr: 'sum by (instance) (rabbitmq_queue_messages_unacked)', legend: '{{instance}}' }] },
      { title: 'Publish rate', unit: 'short', description: 'Messages published per second, all channels.',
        queries: [{ expr: 'sum by (instance) (rate(rabbitmq_channel_messages_published_total[$__rate_interval]))', legend: '{{instance}}' }] },
    ],
  },
  {
    title: 'CloudWatch (cloudwatch-exporter)',
    panels: [
      { title: 'API requests', unit: 'reqps', description: 'CloudWatch API requests per second by operation: what the bill is made of.',
        queries: [{ expr: 'sum by (instance, action) (rate(cloudwatch_requests_total[$__rate_interval]))', legend: '{{instance}} {{action}}' }] },
      { title: 'Scrape errors', unit: 'short', description: '1 while a collection has a failed rule (credentials, permissions, throttling).',
        queries: [{ expr: 'max by (instance) (cloudwatch_exporter_scrape_error)', legend: '{{instance}}' }] },
    ],
  },
];

/** The dashboard model Grafana imports. */
export function overviewDashboard(): object {
  const builder = new DashboardBuilder('scrapekit overview')
    .uid('scrapekit-overview')
    .tags(['scrapekit', 'prometheus'])
    .refresh('30s')
    .time({ from: 'now-1h', to: 'now' })
    .timezone('browser')
    .withVariable(new DatasourceVariableBuilder('datasource').label('Data source').type('prometheus'));
  for (const row of ROWS) {
    builder.withRow(new RowBuilder(row.title));
    for (const panel of row.panels) {
      const p = new PanelBuilder().title(panel.title).description(panel.description).unit(panel.unit).datasource(DATASOURCE);
      for (const q of panel.queries) p.withTarget(new DataqueryBuilder().expr(q.expr).legendFormat(q.legend).datasource(DATASOURCE));
      builder.withPanel(p);
    }
  }
  return builder.build();
}
