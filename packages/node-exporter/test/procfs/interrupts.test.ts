import { describe } from 'vitest';
import { parseInterrupts } from '../../src/procfs/interrupts.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('interrupts parser under garbage input', () => {
  itSurvivesGarbage('interrupts', '  CPU0 CPU1\n 0: 1 2 IO-APIC 2-edge timer\nNMI: 1 2 Non-maskable\n', parseInterrupts);
});
