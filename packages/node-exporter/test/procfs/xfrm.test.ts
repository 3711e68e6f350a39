import { describe, expect, it } from 'vitest';
import { parseXfrmStat, xfrmFieldName } from '../../src/procfs/xfrm.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

describe('xfrm_stat parser', () => {
  it('reads every counter of the fixture in file order', () => {
    expect(parseXfrmStat(readFixture('proc/net/xfrm_stat'))).toEqual([
      ['XfrmInError', 0], ['XfrmInBufferError', 0], ['XfrmInHdrError', 0], ['XfrmInNoStates', 0], ['XfrmInStateProtoError', 12],
      ['XfrmInStateModeError', 0], ['XfrmInStateSeqError', 0], ['XfrmInStateExpired', 0], ['XfrmInStateMismatch', 24],
      ['XfrmInStateInvalid', 0], ['XfrmInTmplMismatch', 0], ['XfrmInNoPols', 0], ['XfrmInPolBlock', 36], ['XfrmInPolError', 0],
      ['XfrmOutError', 0], ['XfrmOutBundleGenError', 0], ['XfrmOutBundleCheckError', 48], ['XfrmOutNoStates', 0],
      ['XfrmOutStateProtoError', 0], ['XfrmOutStateModeError', 0], ['XfrmOutStateSeqError', 60], ['XfrmOutStateExpired', 0],
      ['XfrmOutPolBlock', 0], ['XfrmOutPolDead', 0], ['XfrmOutPolError', 72], ['XfrmFwdHdrError', 0], ['XfrmOutStateInvalid', 0],
      ['XfrmAcquireError', 0], ['XfrmOutStateDirError', 84],
    ]);
  });

  it('trims lines and skips blank ones', () => {
    expect(parseXfrmStat('\n  XfrmInError \t 3 \r\n \t \nXfrmOutPolDead 4')).toEqual([['XfrmInError', 3], ['XfrmOutPolDead', 4]]);
  });

  it('gives no counters for an empty file', () => {
    expect(parseXfrmStat('')).toEqual([]);
  });

  it.each([
    ['a name without the Xfrm prefix', 'InError 1', '"InError 1"'],
    ['a word before the name', 'x XfrmInError 1', '"x XfrmInError 1"'],
    ['a letter glued before the name', 'xXfrmInError 1', '"xXfrmInError 1"'],
    ['the prefix alone', 'Xfrm 1', '"Xfrm 1"'],
    ['no separator', 'XfrmInError1', '"XfrmInError1"'],
    ['no value', 'XfrmInError', '"XfrmInError"'],
    ['a third column', 'XfrmInError 1 2', '"XfrmInError 1 2"'],
    ['a negative value', 'XfrmInError -1', '"XfrmInError -1"'],
    ['a trailing letter', 'XfrmInError 12x', '"XfrmInError 12x"'],
    ['a long line (quoted trimmed, cut at 60)', `  Xfrm${'A'.repeat(70)} x`, `"Xfrm${'A'.repeat(56)}"`],
  ])('refuses %s with a ParseError', (_what, text, quoted) => {
    expectParseError(() => parseXfrmStat(`XfrmInError 0\n${text}\n`), `xfrm_stat: unexpected line ${quoted}`);
  });
});

describe('xfrm field names', () => {
  it.each([
    ['XfrmInError', 'in_error'],
    ['XfrmInStateProtoError', 'in_state_proto_error'],
    ['XfrmOutBundleCheckError', 'out_bundle_check_error'],
    ['XfrmFwdHdrError', 'fwd_hdr_error'],
    ['XfrmAcquireError', 'acquire_error'],
    ['XfrmOutStateDirError', 'out_state_dir_error'],
  ])('names %s as node_xfrm_%s_packets_total', (field, name) => {
    expect(xfrmFieldName(field)).toBe(name);
  });

  it('strips "Xfrm" only as a prefix', () => {
    expect(xfrmFieldName('InXfrmError')).toBe('in_xfrm_error');
  });
});

describe('xfrm parser under garbage input', () => {
  itSurvivesGarbage('xfrm_stat', 'XfrmInError 1\nXfrmOutPolDead 0\n', parseXfrmStat);
});
