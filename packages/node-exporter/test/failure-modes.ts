import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { NoDataError, type Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../src/context.js';
import { ParseError } from '../src/procfs/errors.js';
import { run } from './collect.js';
import { fixtureContext } from './fixture-tree.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** A throw-away root with the given files; a value of null makes that path a directory (unreadable as a file: EISDIR). */
export function tree(files: Record<string, string | null>): NodeContext {
  const root = mkdtempSync(join(tmpdir(), 'ne-failure-'));
  roots.push(root);
  mkdirSync(join(root, 'proc'), { recursive: true });
  mkdirSync(join(root, 'sys'), { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    if (content === null) {
      mkdirSync(full, { recursive: true });
    } else {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
  }
  return fixtureContext({}, root);
}

/** Absent feature (an empty /proc and /sys) → NoDataError: success, nothing emitted. */
export async function expectNoData(collector: Collector<NodeContext>): Promise<void> {
  await expect(run(collector, tree({}))).rejects.toBeInstanceOf(NoDataError);
}

/** Unreadable file → the collector fails (success 0) with a real error, not "no data". */
export async function expectFailure(collector: Collector<NodeContext>, files: Record<string, string | null>): Promise<void> {
  const err = await run(collector, tree(files)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Error);
  expect(err).not.toBeInstanceOf(NoDataError);
}

/** Malformed file → ParseError (success 0), never a crash. */
export async function expectParseError(collector: Collector<NodeContext>, files: Record<string, string | null>): Promise<void> {
  await expect(run(collector, tree(files))).rejects.toBeInstanceOf(ParseError);
}
