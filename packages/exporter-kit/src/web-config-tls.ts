/**
 * tls_server_config -> node TLS server options, and the client-certificate policy checks that node's
 * requestCert/rejectUnauthorized pair cannot express (RequireAnyClientCert, VerifyClientCertIfGiven,
 * client_allowed_sans). Certificates are read from disk here, so a bad file fails at load time.
 */
import { readFileSync, statSync } from 'node:fs';
import type { SecureContextOptions, TLSSocket } from 'node:tls';
import { cryptoLib, tlsLib } from './lazy-deps.js';
import { GO_CIPHER_SUITES, GO_CURVES, NODE_TLS_VERSION, TLS13_SUITES } from './web-config-names.js';
import { fileReadReason } from './web-config-parse.js';
import { FLAG, WebConfigError } from './web-config-reader.js';
import type { TlsServerConfig } from './web-config-parse.js';

export interface ServerTlsOptions extends SecureContextOptions {
  requestCert: boolean;
  rejectUnauthorized: boolean;
}

function readPem(path: string, key: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new WebConfigError(`${FLAG}: cannot read ${key} '${path}': ${fileReadReason(err)}; fix the path `
      + '(relative paths are resolved against the directory of the web config file)');
  }
}

function checkCaBundle(pem: string, where: string): void {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) {
    throw new WebConfigError(`${FLAG}: ${where} contains no PEM certificate; point it at the CA certificate(s) that sign client certificates`);
  }
  for (const block of blocks) {
    try {
      new (cryptoLib().X509Certificate)(block);
    } catch (err) {
      throw new WebConfigError(`${FLAG}: ${where} holds a certificate that cannot be parsed (${(err as Error).message}); replace it with a valid PEM certificate`);
    }
  }
}

function cipherList(cfg: TlsServerConfig): string | undefined {
  // OpenSSL 3 refuses TLS 1.0/1.1 at its default security level; a config that asks for them gets them, as in Go.
  const legacy = cfg.minVersion === 'TLS10' || cfg.minVersion === 'TLS11' ? ':@SECLEVEL=0' : '';
  if (cfg.cipherSuites.length === 0) return legacy ? tlsLib().DEFAULT_CIPHERS + legacy : undefined;
  const tls12 = cfg.cipherSuites.map((n) => GO_CIPHER_SUITES[n]).filter((n): n is string => typeof n === 'string');
  // TLS 1.3 suites are always kept: Go ignores cipher_suites for TLS 1.3, while node would switch TLS 1.3 off.
  return [TLS13_SUITES, ...tls12].join(':') + legacy;
}

/** The files whose change must rebuild the secure context. */
export function tlsFiles(cfg: TlsServerConfig): string[] {
  return [cfg.certFile, cfg.keyFile, cfg.clientCaFile].filter((f): f is string => f !== undefined);
}

/** Builds (and proves usable, by creating a secure context) node's options for tls_server_config. */
export function buildTlsOptions(cfg: TlsServerConfig): ServerTlsOptions {
  const cert = cfg.certFile ? readPem(cfg.certFile, 'cert_file') : cfg.cert ?? '';
  const key = cfg.keyFile ? readPem(cfg.keyFile, 'key_file') : cfg.key ?? '';
  const ca = cfg.clientCaFile ? readPem(cfg.clientCaFile, 'client_ca_file') : cfg.clientCa;
  if (ca !== undefined) checkCaBundle(ca, cfg.clientCaFile ? `client_ca_file '${cfg.clientCaFile}'` : 'client_ca');

  const verify = cfg.clientAuthType === 'RequireAndVerifyClientCert';
  const options: ServerTlsOptions = {
    cert,
    key,
    minVersion: NODE_TLS_VERSION[cfg.minVersion],
    maxVersion: NODE_TLS_VERSION[cfg.maxVersion],
    honorCipherOrder: cfg.preferServerCipherSuites,
    requestCert: cfg.clientAuthType !== 'NoClientCert',
    // Only the strict policy is left to OpenSSL; the others need a certificate-present check node lacks.
    rejectUnauthorized: verify,
  };
  if (ca !== undefined) options.ca = ca;
  const ciphers = cipherList(cfg);
  if (ciphers !== undefined) options.ciphers = ciphers;
  if (cfg.curvePreferences.length > 0) options.ecdhCurve = cfg.curvePreferences.map((c) => GO_CURVES[c]).join(':');

  try {
    tlsLib().createSecureContext(options);
  } catch (err) {
    // OpenSSL's text names the failing part (bad PEM, key mismatch); it never contains the key itself.
    const source = `${cfg.certFile ? `cert_file '${cfg.certFile}'` : 'cert'} / ${cfg.keyFile ? `key_file '${cfg.keyFile}'` : 'key'}`;
    throw new WebConfigError(`${FLAG}: cannot load the TLS certificate and key (${source}): ${(err as Error).message}; `
      + 'use a PEM certificate and the PEM private key that belongs to it');
  }
  return options;
}

/** A cheap fingerprint of files (times, size, inode) to notice edits and rotation without reading them. */
export function filesSignature(files: readonly string[]): string {
  return files.map((f) => {
    try {
      const s = statSync(f);
      return `${f}:${s.mtimeMs}:${s.ctimeMs}:${s.size}:${s.ino}`;
    } catch {
      return `${f}:missing`;
    }
  }).join('|');
}

/** Go's net.IP.String() form of an IPv6 address printed by OpenSSL as eight full groups. */
function canonicalIp(text: string): string {
  if (!text.includes(':')) return text;
  const groups = text.split(':').map((g) => parseInt(g, 16));
  if (groups.length !== 8 || groups.some((g) => Number.isNaN(g))) return text.toLowerCase();
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `${groups[6] >> 8}.${groups[6] & 255}.${groups[7] >> 8}.${groups[7] & 255}`;
  }
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = Math.max(i, j);
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/**
 * The DNS, e-mail, IP and URI entries of node's subjectAltName text ("DNS:a, IP Address:1.2.3.4").
 * Node quotes a value as a JSON string when it contains a separator, so quoted values are decoded.
 */
export function subjectAltNames(text: string | undefined): string[] {
  const out: string[] = [];
  if (!text) return out;
  let i = 0;
  while (i < text.length) {
    const colon = text.indexOf(':', i);
    if (colon < 0) break;
    const type = text.slice(i, colon);
    let j = colon + 1;
    let value: string;
    if (text[j] === '"') {
      let k = j + 1;
      while (k < text.length && text[k] !== '"') k += text[k] === '\\' ? 2 : 1;
      value = JSON.parse(text.slice(j, k + 1)) as string;
      j = k + 1;
    } else {
      const end = text.indexOf(', ', j);
      value = text.slice(j, end < 0 ? text.length : end);
      j = end < 0 ? text.length : end;
    }
    if (type === 'DNS' || type === 'email' || type === 'URI') out.push(value);
    else if (type === 'IP Address') out.push(canonicalIp(value));
    i = text.startsWith(', ', j) ? j + 2 : j;
  }
  return out;
}

/**
 * Why this connection's client certificate breaks the policy, or undefined when it may proceed.
 * Run on every new TLS connection (and again per request, as the policy may have been reloaded).
 */
export function clientCertRejection(socket: TLSSocket, cfg: TlsServerConfig): string | undefined {
  const peer = socket.getPeerX509Certificate();
  const type = cfg.clientAuthType;
  if ((type === 'RequireAnyClientCert' || type === 'RequireAndVerifyClientCert') && !peer) {
    return 'client sent no certificate';
  }
  if ((type === 'VerifyClientCertIfGiven' || type === 'RequireAndVerifyClientCert') && peer && !socket.authorized) {
    return `client certificate not trusted: ${String(socket.authorizationError)}`;
  }
  if (cfg.clientAllowedSans !== undefined) {
    if (!peer) return 'client sent no certificate to match against client_allowed_sans';
    const sans = subjectAltNames(peer.subjectAltName);
    if (!sans.some((s) => cfg.clientAllowedSans?.includes(s))) {
      return 'client certificate has no SAN listed in client_allowed_sans';
    }
  }
  return undefined;
}
