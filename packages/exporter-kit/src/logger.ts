/**
 * logfmt / JSON logger with levels. Every value passes through redact(): keys that look like
 * secrets are masked and credentials embedded in URLs or DSNs are removed, so a password can
 * never reach a log line even when a caller logs a whole config object or an error message.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFormat = 'logfmt' | 'json';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
  isEnabled(level: LogLevel): boolean;
}

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };
export const LOG_LEVELS = Object.keys(ORDER) as LogLevel[];
export const LOG_FORMATS: LogFormat[] = ['logfmt', 'json'];

const SECRET_KEY = /pass(word)?|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential|authorization|dsn|cookie/i;
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)([^/@\s:]*):([^/@\s]*)@/gi;
const KEY_VALUE_SECRET = /\b(password|passwd|pwd|secret|token)=([^\s&;]+)/gi;
export const REDACTED = '<redacted>';

/** Masks secrets inside a free-text string (error messages, URLs, DSNs). */
export function redactString(text: string): string {
  return text.replace(URL_CREDENTIALS, `$1$2:${REDACTED}@`).replace(KEY_VALUE_SECRET, `$1=${REDACTED}`);
}

/** Returns a copy of `value` safe to log. */
export function redact(value: unknown, key?: string, depth = 0): unknown {
  if (key !== undefined && SECRET_KEY.test(key) && value !== undefined && value !== null && value !== '') {
    return REDACTED;
  }
  if (typeof value === 'string') return redactString(value);
  if (value instanceof Error) return redactString(value.message);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, undefined, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redact(v, k, depth + 1);
  return out;
}

function logfmtValue(v: unknown): string {
  const s = typeof v === 'string' ? v : v instanceof Error ? v.message : typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (s === '' || /[\s"=\\]/.test(s)) return JSON.stringify(s);
  return s;
}

export interface LoggerOptions {
  level?: LogLevel;
  format?: LogFormat;
  /** Where lines go; stderr by default, as the Go exporters do. */
  write?: (line: string) => void;
  fields?: LogFields;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const format = options.format ?? 'logfmt';
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const base = options.fields ?? {};

  const emit = (lvl: LogLevel, msg: string, fields?: LogFields): void => {
    if (ORDER[lvl] < ORDER[level]) return;
    const record: LogFields = { time: new Date().toISOString(), level: lvl, msg: redactString(msg) };
    for (const [k, v] of Object.entries({ ...base, ...fields })) record[k] = redact(v, k);
    if (format === 'json') {
      write(JSON.stringify(record));
    } else {
      write(Object.entries(record).map(([k, v]) => `${k}=${logfmtValue(v)}`).join(' '));
    }
  };

  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (fields) => createLogger({ level, format, write, fields: { ...base, ...fields } }),
    isEnabled: (l) => ORDER[l] >= ORDER[level],
  };
}

/** A logger that drops everything (tests, library use). */
export const silentLogger: Logger = createLogger({ write: () => {} , level: 'error' });
