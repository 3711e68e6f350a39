import { describe } from 'vitest';
import { addTcpStates } from '../../src/procfs/tcp-states.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('tcp-states parser under garbage input', () => {
  itSurvivesGarbage('tcp', '  sl local rem st tx_queue rx_queue\n 0: 00000000:0016 00000000:0000 0A 00000000:00000001 00:0\n', (t) => addTcpStates(t, new Map()));
});
