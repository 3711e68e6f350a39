import { describe } from 'vitest';
import { countArpEntries } from '../../src/procfs/arp.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('arp parser under garbage input', () => {
  itSurvivesGarbage('arp', 'IP address HW type Flags HW address Mask Device\n10.0.0.1 0x1 0x2 aa:bb:cc:dd:ee:ff * eth0\n', countArpEntries);
});
