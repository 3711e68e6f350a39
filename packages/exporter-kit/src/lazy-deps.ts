import { createRequire } from 'node:module';
import type * as CryptoModule from 'node:crypto';
import type * as HttpsModule from 'node:https';
import type * as TlsModule from 'node:tls';
import type * as YamlModule from 'yaml';

type BcryptModule = typeof import('bcryptjs');

/**
 * yaml and bcryptjs are needed only when --web.config.file is given, and cost about 11 MB of
 * resident memory once loaded; the node exporter's footprint budget is 70 MB. So they are
 * required on first use, synchronously (both ship CommonJS builds), instead of at import time.
 */
const require = createRequire(import.meta.url);
let yaml: typeof YamlModule | undefined;
let bcrypt: BcryptModule | undefined;

export function yamlLib(): typeof YamlModule {
  return (yaml ??= require('yaml') as typeof YamlModule);
}

export function bcryptLib(): BcryptModule {
  return (bcrypt ??= require('bcryptjs') as BcryptModule);
}

// node's TLS stack (tls, https, crypto) adds ~1.5 MB of RSS once loaded; an exporter without
// --web.config.file serves plain HTTP and never needs it.
export function tlsLib(): typeof TlsModule {
  return require('node:tls') as typeof TlsModule;
}

export function httpsLib(): typeof HttpsModule {
  return require('node:https') as typeof HttpsModule;
}

export function cryptoLib(): typeof CryptoModule {
  return require('node:crypto') as typeof CryptoModule;
}

type ProtobufModule = typeof import('protobufjs');
/** snappyjs ships no types; the two functions push mode uses (Buffer in, Buffer out on Node). */
export interface SnappyModule {
  compress(input: Buffer): Buffer;
  uncompress(input: Buffer): Buffer;
}
let protobuf: ProtobufModule | undefined;
let snappy: SnappyModule | undefined;

// Push mode's remote_write encoder: only an exporter started with --push.remote-write-url loads them.
export function protobufLib(): ProtobufModule {
  return (protobuf ??= require('protobufjs') as ProtobufModule);
}

export function snappyLib(): SnappyModule {
  return (snappy ??= require('snappyjs') as SnappyModule);
}
