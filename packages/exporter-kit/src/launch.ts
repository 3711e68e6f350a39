/**
 * The one launcher every exporter bin calls. It loads as little as possible before the exporter's
 * runtime settings are applied: this module imports only heap-tuning, native-heap (which loads
 * koffi only when asked) and node built-ins, the
 * exporter's entry module (dist/main.js) only its runtime settings, and the spec with its
 * collectors, like the rest of the kit, is imported afterwards. Heap flags set once V8 has grown
 * its heap for the modules' code come too late (heap-tuning.ts).
 */
import { HEAP_GROWING_PERCENT, MEMORY_PROFILE_ENV, YOUNG_GENERATION_CAP_BYTES, chooseTuning, postScrapeGc, tuneHeap } from './heap-tuning.js';
import type { HeapTuning } from './heap-tuning.js';
import type { RuntimeHooks } from './housekeeping.js';
import { capMallocArenas, loadNativeHeap } from './native-heap.js';
import type { RunningExporter } from './cli.js';
import type { ExporterSpec } from './spec.js';

/** How an exporter wants its process run; declared in its entry module next to the spec loader. */
export interface RuntimeSettings {
  /** V8 heap settings (heap-tuning.ts). Omitted: V8's defaults, unless SCRAPEKIT_MEMORY asks for a profile. */
  readonly heap?: HeapTuning;
  /**
   * Keep glibc's malloc from hoarding (native-heap.ts): one malloc arena, set after the heap
   * tuning and before the exporter loads, and malloc_trim shortly after scrapes (housekeeping.ts).
   * Nothing happens off Linux or off glibc.
   */
  readonly nativeHeapTrim?: boolean;
}

/** The native heap setup: the trim for the housekeeping, or undefined where there is none (off Linux or glibc, libc.ts). */
async function setUpNativeHeap(env: NodeJS.ProcessEnv): Promise<(() => unknown) | undefined> {
  await capMallocArenas(env);
  const heap = await loadNativeHeap();
  return heap instanceof Error ? undefined : () => heap.trim();
}

/** What an exporter's dist/main.js exports as `entry`: its runtime settings and a loader of its spec. */
export interface ExporterEntry<Target = unknown> {
  readonly runtime?: RuntimeSettings;
  loadSpec(): Promise<ExporterSpec<Target>>;
}

/**
 * Applies runtime settings to this process: heap tuning first (SCRAPEKIT_MEMORY=low applies the
 * memory-first profile to any exporter), then the native heap setup. Throws a one-line Error for
 * an unknown SCRAPEKIT_MEMORY. Returns what the scrape housekeeping may use.
 */
export async function applyRuntime(settings: RuntimeSettings = {}, env: NodeJS.ProcessEnv = process.env): Promise<RuntimeHooks> {
  const own = settings.heap ?? {};
  const chosen = chooseTuning(own, env);
  const wanted = settings.heap !== undefined || chosen !== own;
  // The profile is resolved here, so tuneHeap must not apply it a second time.
  const tuned = wanted && tuneHeap(chosen, process.execArgv, env.NODE_OPTIONS, { ...env, [MEMORY_PROFILE_ENV]: '' });
  const nativeHeapTrim = settings.nativeHeapTrim ? await setUpNativeHeap(env) : undefined;
  const heap: Record<string, string | number | boolean> = tuned
    ? {
      heap_tuning: 'applied',
      memory_profile: env[MEMORY_PROFILE_ENV] || 'default',
      young_generation_cap_bytes: chosen.youngGenerationCapBytes ?? YOUNG_GENERATION_CAP_BYTES,
      heap_growing_percent: chosen.heapGrowingPercent ?? HEAP_GROWING_PERCENT,
      ...(chosen.oldGenerationStepBytes === undefined ? {} : { old_generation_step_bytes: chosen.oldGenerationStepBytes }),
      v8_flags: (chosen.extraFlags ?? []).join(' '),
    }
    : { heap_tuning: wanted ? 'left to the heap flags given to node' : 'none (V8 defaults)' };
  return {
    postScrapeGc: tuned ? postScrapeGc(chosen.oldGenerationStepBytes) : undefined,
    nativeHeapTrim,
    summary: { ...heap, native_heap_trim: nativeHeapTrim !== undefined },
  };
}

const NOT_BUILT = 'This package is not built yet: run `npm run build` at the repository root.';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/**
 * Runs the exporter whose built entry module is `entryUrl` (a bin passes
 * `new URL('../dist/main.js', import.meta.url)`): runtime settings, then the spec, then the
 * kit's runExporter with the build stamp beside the entry. Every failure before the exporter
 * runs is one line on stderr and exit code 1; a missing build says how to build.
 */
export async function launch(entryUrl: URL): Promise<void> {
  let entry: ExporterEntry;
  try {
    ({ entry } = (await import(entryUrl.href)) as { entry: ExporterEntry });
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String((err as Error).message).includes(entryUrl.pathname);
    fail(missing ? NOT_BUILT : (err as Error).message ?? String(err));
  }
  let runtimeHooks: RuntimeHooks;
  let spec: ExporterSpec<unknown>;
  try {
    runtimeHooks = await applyRuntime(entry.runtime);
    spec = await entry.loadSpec();
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  const { runExporter } = await import('./cli.js');
  // Push mode (src/push/) is started by runExporter from the --push.* flags, on the same pipeline.
  await runExporter(spec, { buildStamp: new URL('./build-stamp.json', entryUrl), runtimeHooks });
}
