import type { Collector } from '@scrapekit/exporter-kit';
import type { NodeContext } from '../context.js';
import { coreCollectors } from './registry-core.js';
import { moreCollectors } from './registry-more.js';

/** Every collector, in node_exporter's registry order of no importance: flags are generated from this list. */
export const nodeCollectors: ReadonlyArray<Collector<NodeContext>> = [...coreCollectors, ...moreCollectors];
