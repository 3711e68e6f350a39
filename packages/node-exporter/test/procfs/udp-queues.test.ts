import { describe } from 'vitest';
import { sumUdpQueues } from '../../src/procfs/udp-queues.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('udp-queues parser under garbage input', () => {
  itSurvivesGarbage('udp', '  sl  local_address rem_address   st tx_queue rx_queue\n 1: 00000000:0044 00000000:0000 07 00000001:00000002 00:0\n', sumUdpQueues);
});
