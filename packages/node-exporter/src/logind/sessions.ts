/** One logind session as the collector needs it (Manager.ListSessions + the Session's properties). */
export interface LogindSession {
  /** '' for a session without a seat (ssh, cron). */
  readonly seat: string;
  readonly remote: boolean;
  readonly type: string;
  readonly class: string;
}

export interface LogindSessionCount {
  readonly seat: string;
  readonly remote: string;
  readonly type: string;
  readonly class: string;
  readonly count: number;
}

/*
 * The label values node_exporter enumerates (logind's as of systemd v229); anything newer is
 * counted as "other", so the series set stays fixed and a missing series means zero.
 */
export const SESSION_REMOTE = ['true', 'false'] as const;
export const SESSION_TYPES = ['other', 'unspecified', 'tty', 'x11', 'wayland', 'mir', 'web'] as const;
export const SESSION_CLASSES = ['other', 'user', 'greeter', 'lock-screen', 'background'] as const;

function knownOrOther(value: string, known: readonly string[]): string {
  return known.includes(value) ? value : 'other';
}

/**
 * node_logind_sessions as node_exporter reports it: one count for every combination of remote,
 * type, class and seat (the seats logind lists, plus '' for seatless sessions), zeros included,
 * in node_exporter's order. Sessions on a seat logind did not list are not counted.
 */
export function logindSessionCounts(seats: readonly string[], sessions: readonly LogindSession[]): LogindSessionCount[] {
  const key = (seat: string, remote: string, type: string, cls: string): string => [seat, remote, type, cls].join('\u0000');
  const counts = new Map<string, number>();
  for (const s of sessions) {
    const k = key(s.seat, String(s.remote), knownOrOther(s.type, SESSION_TYPES), knownOrOther(s.class, SESSION_CLASSES));
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const allSeats = [...seats, ''];
  const out: LogindSessionCount[] = [];
  for (const remote of SESSION_REMOTE) {
    for (const type of SESSION_TYPES) {
      for (const cls of SESSION_CLASSES) {
        for (const seat of allSeats) out.push({ seat, remote, type, class: cls, count: counts.get(key(seat, remote, type, cls)) ?? 0 });
      }
    }
  }
  return out;
}
