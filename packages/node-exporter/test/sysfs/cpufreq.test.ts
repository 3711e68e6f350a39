import { describe } from 'vitest';
import { CPUFREQ_FILES, parseCpufreq, parseCpuList } from '../../src/sysfs/cpufreq.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('cpufreq parser under garbage input', () => {
  itSurvivesGarbage('cpu list', '0-3,8,10-11\n', parseCpuList);
  itSurvivesGarbage('cpufreq', '800000\n', (t) => parseCpufreq('0', Object.fromEntries(CPUFREQ_FILES.map((f) => [f, t])) as never));
});
