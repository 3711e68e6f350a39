import { describe } from 'vitest';
import { fixedLine, NFS_V3_OPS, parseRpcStatLines, procOps } from '../../src/procfs/nfs.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('nfs parser under garbage input', () => {
  itSurvivesGarbage('rpc stats', 'net 1 2 3 4\nproc3 22 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22\n', (t) => {
    const l = parseRpcStatLines(t);
    fixedLine(l, 'net', 4);
    return procOps(l, 'proc3', NFS_V3_OPS, 22);
  });
});
