import { existsSync } from 'node:fs';
import type { LogindSession } from './sessions.js';

const LOGIN1 = 'org.freedesktop.login1';
const LOGIN1_PATH = '/org/freedesktop/login1';
/** godbus's default, as node_exporter connects: the system bus unless DBUS_SYSTEM_BUS_ADDRESS says otherwise. */
const DEFAULT_SYSTEM_BUS = 'unix:path=/var/run/dbus/system_bus_socket';

interface DbusMessage {
  destination: string;
  path: string;
  interface: string;
  member: string;
  signature?: string;
  body?: unknown[];
}

interface DbusClient {
  invoke(msg: DbusMessage, callback: (err: unknown, ...values: unknown[]) => void): void;
  connection: { on(event: 'error', listener: (err: Error) => void): void; end(): void };
}

interface DbusModule {
  createClient(opts: { busAddress: string }): DbusClient;
}

export interface LogindState {
  readonly seats: string[];
  readonly sessions: LogindSession[];
}

/** The address of the system bus, and the socket path behind it when it is a unix path. */
export function systemBusAddress(env: NodeJS.ProcessEnv = process.env): { address: string; socketPath?: string } {
  const address = env.DBUS_SYSTEM_BUS_ADDRESS || DEFAULT_SYSTEM_BUS;
  const path = /^unix:(?:.*,)?path=([^,;]+)/.exec(address)?.[1];
  return path === undefined ? { address } : { address, socketPath: path };
}

/** dbus-native hands a variant over as [signature, [value]]. */
function variantValue(v: unknown): unknown {
  return Array.isArray(v) && v.length === 2 && Array.isArray(v[1]) ? v[1][0] : v;
}

/**
 * Seats and sessions from logind over the system bus (Manager.ListSeats, Manager.ListSessions,
 * then each session's properties), through @homebridge/dbus-native, a pure-JS D-Bus client
 * loaded only when the logind collector runs. One connection per scrape, as node_exporter does.
 */
export async function readLogind(signal: AbortSignal): Promise<LogindState> {
  const { address, socketPath } = systemBusAddress();
  if (socketPath !== undefined && !existsSync(socketPath)) {
    throw new Error(`no D-Bus system bus at ${socketPath} (logind needs systemd and the D-Bus system bus; set DBUS_SYSTEM_BUS_ADDRESS if it lives elsewhere)`);
  }
  const mod = (await import('@homebridge/dbus-native')) as unknown as { default?: DbusModule } & DbusModule;
  const dbus: DbusModule = mod.default ?? mod;
  const bus = dbus.createClient({ busAddress: address });
  let failure: Error | undefined;
  const failed = new Promise<never>((_, reject) => {
    bus.connection.on('error', (err) => reject((failure = new Error(`D-Bus system bus at ${address}: ${err.message}`))));
    signal.addEventListener('abort', () => reject(new Error('scrape deadline reached before logind answered')), { once: true });
  });
  failed.catch(() => {});
  const call = (msg: Omit<DbusMessage, 'destination'>): Promise<unknown> => {
    const reply = new Promise<unknown>((resolve, reject) => {
      bus.invoke({ destination: LOGIN1, ...msg }, (err, value) => {
        if (err) reject(new Error(`${msg.interface}.${msg.member}: ${describe(err)}`));
        else resolve(value);
      });
    });
    return Promise.race([reply, failed]);
  };
  try {
    const seats = (await call({ path: LOGIN1_PATH, interface: `${LOGIN1}.Manager`, member: 'ListSeats' })) as Array<[string, string]>;
    const list = (await call({ path: LOGIN1_PATH, interface: `${LOGIN1}.Manager`, member: 'ListSessions' })) as Array<[string, number, string, string, string]>;
    const sessions: LogindSession[] = [];
    for (const [, , , seat, path] of list) {
      let props: Array<[string, unknown]>;
      try {
        props = (await call({ path, interface: 'org.freedesktop.DBus.Properties', member: 'GetAll', signature: 's', body: [`${LOGIN1}.Session`] })) as Array<[string, unknown]>;
      } catch (err) {
        // As node_exporter: a session that vanished between the list and the query is skipped.
        if (failure !== undefined || signal.aborted) throw err;
        continue;
      }
      const p = new Map(props.map(([k, v]) => [k, variantValue(v)]));
      const type = p.get('Type');
      const cls = p.get('Class');
      if (typeof type !== 'string' || typeof cls !== 'string') continue;
      sessions.push({ seat, remote: p.get('Remote') === true, type, class: cls });
    }
    return { seats: seats.map(([id]) => id), sessions };
  } finally {
    bus.connection.end();
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (Array.isArray(err)) return err.map(String).join(' ');
  if (typeof err === 'object' && err !== null && 'message' in err) return String((err as { message: unknown }).message);
  return String(err);
}
