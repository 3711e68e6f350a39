import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { NoDataError, type Collector, type MetricSink, type FlagSpec } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { UNIT_STATES, parseListUnits, parseShowBlocks, parseSystemdVersion, parseTimestampSeconds, type UnitRow } from '../systemd/parse.js';

/** The collector's flags, under node_exporter's names and defaults (Go RE2 regexes, applied unanchored unless `anchor` says otherwise). */
export const systemdFlags: readonly FlagSpec[] = [
  { kind: 'regex', anchor: 'full', name: 'collector.systemd.unit-include', description: 'Regexp of systemd units to report (anchored, as in node_exporter).', default: '.+',
    deprecatedAliases: ['collector.systemd.unit-whitelist'] },
  {
    name: 'collector.systemd.unit-exclude',
    kind: 'regex',
    anchor: 'full',
    description: 'Regexp of systemd units to leave out (anchored, as in node_exporter).',
    default: '.+\\.(automount|device|mount|scope|slice)',
    deprecatedAliases: ['collector.systemd.unit-blacklist'],
  },
  { name: 'collector.systemd.enable-task-metrics', kind: 'boolean', description: 'Export node_systemd_unit_tasks_current/_max.', default: false },
  { name: 'collector.systemd.enable-restarts-metrics', kind: 'boolean', description: 'Export node_systemd_service_restart_total.', default: false },
  { name: 'collector.systemd.enable-start-time-metrics', kind: 'boolean', description: 'Export node_systemd_unit_start_time_seconds.', default: false },
];

/** Runs `systemctl <args>` and returns stdout; injectable so tests need no systemd. */
export type SystemctlRunner = (args: readonly string[], signal: AbortSignal) => Promise<string>;

export interface SystemdDeps {
  readonly systemctl: SystemctlRunner;
  /** Whether the host was booted with systemd (sd_booted(3): /run/systemd/system exists). */
  readonly booted: () => Promise<boolean>;
}

const execSystemctl: SystemctlRunner = (args, signal) =>
  new Promise((resolve, reject) => {
    execFile('systemctl', [...args], { signal, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, SYSTEMD_COLORS: '0', LC_ALL: 'C' } }, (err, stdout) => {
      // is-system-running exits non-zero for "degraded" while still printing the state.
      if (err && stdout === '') reject(err);
      else resolve(stdout);
    });
  });

const defaultDeps: SystemdDeps = {
  systemctl: execSystemctl,
  booted: () => access('/run/systemd/system').then(
    () => true,
    () => false,
  ),
};

const SHOW_BATCH = 200;

/** Whether this systemctl knows --timestamp=unix (systemd >= 248); learned on the first failure. */
interface ShowMode {
  unixTimestamps: boolean;
}

async function showProperties(
  deps: SystemdDeps,
  mode: ShowMode,
  units: readonly string[],
  props: readonly string[],
  signal: AbortSignal,
): Promise<Map<string, Record<string, string>>> {
  const out = new Map<string, Record<string, string>>();
  for (let i = 0; i < units.length; i += SHOW_BATCH) {
    const batch = units.slice(i, i + SHOW_BATCH);
    const args = (unix: boolean): string[] => ['show', '--no-pager', ...(unix ? ['--timestamp=unix'] : []), ...['Id', ...props].flatMap((p) => ['-p', p]), '--', ...batch];
    const unix = mode.unixTimestamps;
    let text: string;
    try {
      text = await deps.systemctl(args(unix), signal);
    } catch (err) {
      // Older systemd (RHEL 8's 239) rejects --timestamp: retry without it and remember.
      if (!unix || signal.aborted) throw err;
      mode.unixTimestamps = false;
      text = await deps.systemctl(args(false), signal);
    }
    for (const block of parseShowBlocks(text)) if (block.Id) out.set(block.Id, block);
  }
  return out;
}

function emitUnits(out: MetricSink, units: readonly UnitRow[], serviceTypes: Map<string, Record<string, string>>): void {
  for (const u of units) {
    const type = u.name.endsWith('.service') ? (serviceTypes.get(u.name)?.Type ?? '') : '';
    for (const state of UNIT_STATES) {
      out.gauge('node_systemd_unit_state', 'Systemd unit state; 1 marks the current ActiveState.', state === u.active ? 1 : 0, { name: u.name, state, type });
    }
  }
}

/**
 * systemd units, read through `systemctl` (the only collector allowed a child process: it is
 * opt-in, and talking D-Bus natively would need a dependency). Disabled by default, as in
 * node_exporter.
 */
export function createSystemdCollector(deps: SystemdDeps = defaultDeps): Collector<NodeContext> {
  return {
    name: 'systemd',
    flags: systemdFlags,
    help: 'systemd unit states via systemctl.',
    defaultEnabled: false,
    async collect(ctx, out) {
      if (!(await deps.booted())) throw new NoDataError('host not booted with systemd');
      const t = ctx.target;
      // Declared anchor: 'full' — node_exporter wraps these two in ^(?:…)$, unlike its device filters.
      const include = t.regex('collector.systemd.unit-include');
      const exclude = t.regex('collector.systemd.unit-exclude');
      const [listText, runningText] = await Promise.all([
        deps.systemctl(['list-units', '--all', '--plain', '--no-legend', '--no-pager', '--full'], ctx.signal),
        deps.systemctl(['is-system-running'], ctx.signal),
      ]);
      const all = parseListUnits(listText);
      const version = t.state<{ v?: { value: number; label: string } }>('systemd.version', () => ({}));
      if (version.v === undefined) version.v = parseSystemdVersion(await deps.systemctl(['--version'], ctx.signal));

      const counts = new Map<string, number>(UNIT_STATES.map((s) => [s, 0]));
      for (const u of all) if (counts.has(u.active)) counts.set(u.active, (counts.get(u.active) as number) + 1);
      for (const [state, n] of counts) out.gauge('node_systemd_units', 'Number of systemd units in each ActiveState.', n, { state });
      out.gauge('node_systemd_system_running', 'Whether the system state is "running" (1) or not (0).', runningText.trim() === 'running' ? 1 : 0);
      out.gauge('node_systemd_version', 'Version of systemd; the full version string is the label.', version.v.value, { version: version.v.label });

      const units = all.filter((u) => (include === undefined || include.test(u.name)) && !(exclude?.test(u.name) ?? false));
      const services = units.filter((u) => u.name.endsWith('.service')).map((u) => u.name);
      const timers = units.filter((u) => u.name.endsWith('.timer')).map((u) => u.name);
      const sockets = units.filter((u) => u.name.endsWith('.socket')).map((u) => u.name);
      const restarts = t.bool('collector.systemd.enable-restarts-metrics');
      const startTimes = t.bool('collector.systemd.enable-start-time-metrics');
      const tasks = t.bool('collector.systemd.enable-task-metrics');
      const serviceProps = ['Type', ...(restarts ? ['NRestarts'] : []), ...(tasks ? ['TasksCurrent', 'TasksMax'] : [])];
      const mode = t.state<ShowMode>('systemd.show', () => ({ unixTimestamps: true }));
      const [svc, tmr, sck, started] = await Promise.all([
        showProperties(deps, mode, services, serviceProps, ctx.signal),
        showProperties(deps, mode, timers, ['LastTriggerUSec'], ctx.signal),
        showProperties(deps, mode, sockets, ['NAccepted', 'NConnections', 'NRefused'], ctx.signal),
        startTimes
          ? showProperties(deps, mode, units.map((u) => u.name), ['ActiveEnterTimestamp'], ctx.signal)
          : Promise.resolve(new Map<string, Record<string, string>>()),
      ]);

      emitUnits(out, units, svc);
      for (const [name, p] of svc) {
        if (restarts && /^\d+$/.test(p.NRestarts ?? '')) out.counter('node_systemd_service_restart_total', 'Restarts of the service (NRestarts).', Number(p.NRestarts), { name });
        if (tasks && /^\d+$/.test(p.TasksCurrent ?? '')) out.gauge('node_systemd_unit_tasks_current', 'Tasks currently in the unit.', Number(p.TasksCurrent), { name });
        if (tasks && /^\d+$/.test(p.TasksMax ?? '')) out.gauge('node_systemd_unit_tasks_max', 'Task limit of the unit.', Number(p.TasksMax), { name });
      }
      for (const [name, p] of tmr) {
        const s = parseTimestampSeconds(p.LastTriggerUSec);
        if (s !== undefined) out.gauge('node_systemd_timer_last_trigger_seconds', 'Unix time the timer last triggered.', s, { name });
      }
      for (const [name, p] of sck) {
        if (/^\d+$/.test(p.NAccepted ?? '')) out.counter('node_systemd_socket_accepted_connections_total', 'Connections accepted by the socket.', Number(p.NAccepted), { name });
        if (/^\d+$/.test(p.NConnections ?? '')) out.gauge('node_systemd_socket_current_connections', 'Open connections of the socket.', Number(p.NConnections), { name });
        if (/^\d+$/.test(p.NRefused ?? '')) out.counter('node_systemd_socket_refused_connections_total', 'Connections refused by the socket.', Number(p.NRefused), { name });
      }
      for (const u of units) {
        const s = parseTimestampSeconds(started.get(u.name)?.ActiveEnterTimestamp);
        if (startTimes) out.gauge('node_systemd_unit_start_time_seconds', 'Unix time the unit last entered the active state (0 if never).', s ?? 0, { name: u.name });
      }
    },
  };
}

export const systemdCollector = createSystemdCollector();
