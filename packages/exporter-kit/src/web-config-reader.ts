/**
 * A strict reader over the YAML syntax tree of a web config file: every failure is a one-line
 * WebConfigError that names the key and its line (the tree keeps positions; plain objects would not).
 */
import type { Document, Node as YamlNode } from 'yaml';
import { yamlLib } from './lazy-deps.js';

export const FLAG = '--web.config.file';

export class WebConfigError extends Error {
  override name = 'WebConfigError';
}

export class Reader {
  private readonly lines = new (yamlLib().LineCounter)();
  readonly doc: Document;

  constructor(text: string) {
    // YAML 1.1 is what Go's yaml.v2 speaks (yes/no/on/off are booleans there).
    this.doc = yamlLib().parseDocument(text, { version: '1.1', lineCounter: this.lines, uniqueKeys: true, prettyErrors: false });
    const err = this.doc.errors[0];
    if (err) {
      // Only the first line of the parser's message (with prettyErrors off it carries no position and
      // no quoted source, which may hold a key; the first line stays the rule should that change).
      const first = err.message.split('\n')[0];
      throw new WebConfigError(`${FLAG}: invalid YAML: ${first}${this.where(err.pos[0])}; fix the YAML syntax`);
    }
  }

  private where(offset: number | undefined): string {
    return offset === undefined ? '' : ` (line ${this.lines.linePos(offset).line})`;
  }

  at(node: YamlNode | null | undefined): string {
    return this.where(node?.range?.[0]);
  }

  /** The line goes where `@LINE` stands in the message, else at its end. */
  fail(node: YamlNode | null | undefined, message: string): never {
    const at = this.at(node);
    throw new WebConfigError(`${FLAG}: ${message.includes('@LINE') ? message.replace('@LINE', at) : message + at}`);
  }

  resolve(node: unknown): YamlNode | null {
    if (node === null || node === undefined) return null;
    if (yamlLib().isAlias(node)) {
      // yaml gives undefined for an alias with no anchor before it; Go's yaml.v2 rejects the file,
      // and reading it as "not set" would, for one, quietly serve plain HTTP for `tls_server_config: *tls`.
      const target = node.resolve(this.doc) as YamlNode | undefined;
      return target ?? this.fail(node, `the alias *${node.source}@LINE has no anchor &${node.source} before it; define the anchor first or remove the alias`);
    }
    return node as YamlNode;
  }

  /** Entries of a mapping; an unknown key fails with its line and the keys allowed there. */
  mapping<K extends string>(node: YamlNode | null, where: string, allowed: readonly K[]): Array<[K, YamlNode | null]> {
    if (node === null || (yamlLib().isScalar(node) && node.value === null)) return [];
    if (!yamlLib().isMap(node)) this.fail(node, `${where} must be a mapping of keys to values`);
    const out: Array<[K, YamlNode | null]> = [];
    for (const pair of node.items) {
      const keyNode = this.resolve(pair.key);
      const key = yamlLib().isScalar(keyNode) ? String(keyNode.value) : '';
      if (!(allowed as readonly string[]).includes(key)) {
        this.fail(keyNode, `unknown key '${key}'@LINE${where === 'the file' ? '' : ` in ${where}`}; expected one of: ${allowed.join(', ')}`);
      }
      out.push([key as K, this.resolve(pair.value)]);
    }
    return out;
  }

  /** A scalar as Go's yaml.v2 would put it in a string field: its source text (0 stays "0"). */
  string(node: YamlNode | null, name: string): string | undefined {
    if (node === null) return undefined;
    if (!yamlLib().isScalar(node)) this.fail(node, `${name} must be a single value, not a list or mapping`);
    if (node.value === null) return undefined;
    if (typeof node.value === 'string') return node.value;
    return node.source ?? String(node.value);
  }

  bool(node: YamlNode | null, name: string, fallback: boolean): boolean {
    if (node === null || (yamlLib().isScalar(node) && node.value === null)) return fallback;
    if (!yamlLib().isScalar(node) || typeof node.value !== 'boolean') this.fail(node, `${name} must be true or false`);
    return node.value;
  }

  int(node: YamlNode | null, name: string): number {
    if (node === null || (yamlLib().isScalar(node) && node.value === null)) return 0;
    if (!yamlLib().isScalar(node) || typeof node.value !== 'number' || !Number.isSafeInteger(node.value)) {
      this.fail(node, `${name} must be an integer`);
    }
    return node.value;
  }

  list(node: YamlNode | null, name: string): Array<[string, YamlNode]> | undefined {
    if (node === null || (yamlLib().isScalar(node) && node.value === null)) return undefined;
    if (!yamlLib().isSeq(node)) this.fail(node, `${name} must be a list`);
    return node.items.map((item) => {
      const n = this.resolve(item);
      const s = this.string(n, `each entry of ${name}`);
      if (s === undefined || n === null) this.fail(n ?? node, `${name} must not contain empty entries`);
      return [s, n];
    });
  }
}
