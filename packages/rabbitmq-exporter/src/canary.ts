import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import amqp from 'amqplib';
import type { Channel, ChannelModel } from 'amqplib';
import { redactString, type Logger } from '@scrapekit/exporter-kit';
import type { CanaryObjects } from './mapping/canary.js';

export interface CanaryResult {
  readonly success: boolean;
  /** Publish-to-delivery time of the canary message; only on success. */
  readonly roundTripSeconds?: number;
  /** The broker told this connection it blocks publishers (memory or disk alarm); undefined when not connected. */
  readonly blocked?: boolean;
  readonly error?: string;
}

/** Names the connection after this exporter instance, so two exporters' canaries can be told apart. */
export const CANARY_CONNECTION_NAME = `rabbitmq-exporter canary ${hostname()}/${process.pid}`;

interface Session {
  readonly model: ChannelModel;
  readonly channel: Channel;
  readonly queue: string;
  /** The client side of the TCP connection, which the broker reports as the connection's peer. */
  readonly objects: CanaryObjects;
}

/**
 * End-to-end check the plugin cannot give: publish a message to a private, server-named,
 * exclusive auto-delete queue and wait for our own consumer to receive it. One connection is
 * kept across scrapes (opening one per scrape would itself load the broker and show up in its
 * churn metrics) and is re-opened on the next check after it drops.
 */
export class Canary {
  private session?: Session;
  private opening?: Promise<Session>;
  private blocked = false;
  private readonly waiters = new Map<string, () => void>();

  constructor(
    private readonly url: string,
    private readonly timeoutMs: number,
    private readonly logger: Logger,
  ) {}

  /**
   * The broker objects the canary owns right now (queue, connection, its channel and consumer),
   * so the collectors can leave them out of the user's figures; undefined while not connected.
   */
  objects(): CanaryObjects | undefined {
    return this.session?.objects;
  }

  async check(deadline: number): Promise<CanaryResult> {
    const budget = Math.max(1, Math.min(this.timeoutMs, deadline - Date.now() - 50));
    const until = Date.now() + budget;
    let session: Session;
    try {
      session = await withTimeout(this.connect(budget), budget, 'connecting');
    } catch (err) {
      return { success: false, error: redactString((err as Error).message) };
    }
    const id = randomUUID();
    const started = process.hrtime.bigint();
    const arrived = new Promise<void>((resolve) => this.waiters.set(id, resolve));
    try {
      // The expiration keeps a message that arrives after we gave up (broker blocked, then
      // unblocked) from piling up in the queue.
      session.channel.sendToQueue(session.queue, Buffer.from(id), { correlationId: id, expiration: String(budget) });
      await withTimeout(arrived, Math.max(1, until - Date.now()), 'waiting for the canary message');
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      return { success: true, roundTripSeconds: seconds, blocked: this.blocked };
    } catch (err) {
      const blocked = this.session ? this.blocked : undefined;
      // A message lost on a connection the broker did not declare blocked means the session
      // itself is suspect (half-open TCP, a wedged channel): start afresh on the next scrape.
      if (!this.blocked) this.recycle(session);
      return { success: false, blocked, error: (err as Error).message };
    } finally {
      this.waiters.delete(id);
    }
  }

  private recycle(session: Session): void {
    if (this.session === session) this.session = undefined;
    session.model.close().catch(() => {});
  }

  private connect(budgetMs: number): Promise<Session> {
    if (this.session) return Promise.resolve(this.session);
    if (!this.opening) {
      this.opening = this.open(budgetMs).finally(() => {
        this.opening = undefined;
      });
    }
    return this.opening;
  }

  private async open(budgetMs: number): Promise<Session> {
    // Named so operators can tell it apart in the management UI (and so tests can find it).
    const model = await amqp.connect(withHeartbeat(this.url), { timeout: budgetMs, clientProperties: { connection_name: CANARY_CONNECTION_NAME } });
    const drop = (why: string) => (err?: Error) => {
      if (this.session?.model === model) {
        this.logger.warn('canary connection lost; reconnecting on the next scrape', { why, err: err?.message });
        this.session = undefined;
      }
    };
    model.on('error', drop('error'));
    model.on('close', drop('close'));
    model.on('blocked', (reason: string) => {
      this.blocked = true;
      this.logger.warn('broker blocks the canary connection', { reason });
    });
    model.on('unblocked', () => {
      this.blocked = false;
    });
    try {
      const channel = await model.createChannel();
      channel.on('error', () => {});
      channel.on('close', drop('channel closed'));
      const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true, durable: false });
      await channel.consume(
        queue,
        (msg) => {
          const id = msg?.properties.correlationId;
          if (typeof id === 'string') this.waiters.get(id)?.();
        },
        { noAck: true },
      );
      this.blocked = false;
      // amqplib keeps the socket on the connection without typing it.
      const socket = (model.connection as unknown as { stream?: { localAddress?: string; localPort?: number } }).stream;
      const objects = { vhost: vhostOf(this.url), queue, peerHost: socket?.localAddress, peerPort: socket?.localPort };
      this.session = { model, channel, queue, objects };
      return this.session;
    } catch (err) {
      await model.close().catch(() => {});
      throw err;
    }
  }

  async close(): Promise<void> {
    const s = this.session;
    this.session = undefined;
    if (s) await s.model.close().catch(() => {});
  }
}

/** The vhost an AMQP URL names: its path, percent-decoded; no path means the default vhost "/". */
export function vhostOf(url: string): string {
  const path = new URL(url).pathname;
  return path === '' || path === '/' ? '/' : decodeURIComponent(path.slice(1));
}

/**
 * amqplib sends no heartbeats unless the URL asks for them, and without them a half-open TCP
 * connection is never noticed. The operator's own heartbeat= wins.
 */
export function withHeartbeat(url: string, seconds = 15): string {
  const u = new URL(url);
  if (!u.searchParams.has('heartbeat')) u.searchParams.set('heartbeat', String(seconds));
  return u.toString();
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms ${what}`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
