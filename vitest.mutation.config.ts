import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';
import { mutationScope } from './stryker.config.mjs';

/**
 * The suite Stryker runs for one scope (MUTATION_SCOPE): that scope's unit tests only, so each
 * mutant is judged by the tests written for that layer, and no service is needed.
 */
const scope = mutationScope();
const config = mergeConfig(base, defineConfig({ test: { reporters: ['default'] } }));
// Replaced, not merged (mergeConfig would append to the whole suite's include list); one project,
// not the unit/integration split of vitest.config.ts.
const { projects: _projects, ...rootTest } = config.test ?? {};
config.test = { ...rootTest, include: scope.tests, exclude: [...scope.excludeTests, '**/node_modules/**'] };
export default config;
