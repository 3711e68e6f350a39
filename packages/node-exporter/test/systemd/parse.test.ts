import { describe } from 'vitest';
import { parseListUnits, parseShowBlocks, parseSystemdVersion, parseTimestampSeconds } from '../../src/systemd/parse.js';
import { itSurvivesGarbage } from '../garbage.js';

describe('parse parser under garbage input', () => {
  itSurvivesGarbage('systemctl list-units', '  a.service loaded active running A\n● b.service loaded failed failed B\n', parseListUnits);
  itSurvivesGarbage('systemctl show', 'Id=a.service\nType=simple\n\nId=b.timer\nLastTriggerUSec=@17\n', parseShowBlocks);
  itSurvivesGarbage('systemctl --version', 'systemd 252 (252.36-1)\n', parseSystemdVersion);
  itSurvivesGarbage('timestamp', '@1764028800', parseTimestampSeconds);
});
