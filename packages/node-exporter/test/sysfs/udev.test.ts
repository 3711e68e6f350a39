import { describe } from 'vitest';
import { parseUdevProperties } from '../../src/sysfs/udev.js';
import { readFixture } from '../fixture-tree.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('udev parser under garbage input', () => {
  itSurvivesGarbage('udev', readFixture('udev/data/b8:0'), parseUdevProperties, { seed: 31676 });
});
