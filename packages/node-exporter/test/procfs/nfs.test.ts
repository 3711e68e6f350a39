import { describe, expect, it } from 'vitest';
import { fixedLine, NFS_CLIENT_V4_OPS, NFS_SERVER_V4_OPS, NFS_V2_OPS, NFS_V3_OPS, parseRpcStatLines, procOps } from '../../src/procfs/nfs.js';
import { readFixture } from '../fixture-tree.js';
import { expectParseError, itSurvivesGarbage } from '../garbage.js';

const CLIENT = parseRpcStatLines(readFixture('proc/net/rpc/nfs'));
const SERVER = parseRpcStatLines(readFixture('proc/net/rpc/nfsd'));

/** "Name=count …" in column order: the op names and their values in one readable line. */
const ops = (pairs: Array<[string, number]>): string => pairs.map(([name, n]) => `${name}=${n}`).join(' ');

describe('rpc stats lines', () => {
  it('reads the client file as tag -> numbers, in file order, "procN" lines with their leading count', () => {
    expect([...CLIENT]).toEqual([
      ['net', [70, 70, 0, 0]],
      ['rpc', [218401, 11, 3]],
      ['proc2', [18, 2, 69, 0, 0, 4410, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 99, 2]],
      ['proc3', [22, 1, 40126, 120, 3311, 80112, 12, 65021, 14032, 991, 57, 0, 0, 310, 40, 77, 0, 0, 1207, 41, 22, 2, 901]],
      ['proc4', [48, 1, 12021, 3390, 44, 801, 0, 0, 0, 790, 31, 3, 22, 1, 1, 0, 0, 0, 4012, 33012, 1102, 2, 41, 12, 0, 0, 0, 7, 91, 0, 311, 2,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
    ]);
  });

  it('reads the server file, keeping only the two integers of the "th" line before its float histogram', () => {
    expect([...SERVER]).toEqual([
      ['rc', [0, 120331, 88912]],
      ['fh', [3, 0, 0, 0, 0]],
      ['io', [981220352, 402653184]],
      ['th', [8, 0]],
      ['ra', [32, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 17]],
      ['net', [209243, 0, 209243, 1402]],
      ['rpc', [209243, 4, 2, 1, 1]],
      ['proc2', [18, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
      ['proc3', [22, 2, 30121, 442, 51022, 20411, 0, 70123, 40012, 310, 31, 0, 0, 108, 12, 4, 0, 201, 4012, 7, 3, 0, 3901]],
      ['proc4', [2, 2, 88102]],
      ['proc4ops', [40, 0, 0, 0, 3201, 411, 90, 12, 0, 7, 51022, 22011, 0, 21, 21, 20, 1203, 0, 0, 411, 0, 0, 0, 51090, 0, 11, 41022, 201, 0, 9,
        3, 0, 102, 411, 0, 92, 0, 0, 0, 30012, 0]],
    ]);
  });

  it('trims lines, splits on runs of blanks and tabs, skips blank lines and keeps a "th" line of a newer kernel whole', () => {
    expect([...parseRpcStatLines('\n  net   1\t\t2 3 4  \n \t\nth 16 0\r\nrpc 5 6 7\n')]).toEqual([
      ['net', [1, 2, 3, 4]], ['th', [16, 0]], ['rpc', [5, 6, 7]],
    ]);
  });

  it('keeps only the first two values of any "th" line and every value of other lines', () => {
    expect([...parseRpcStatLines('th 1 2 3 4\nrc 1 2 3 4\n')]).toEqual([['th', [1, 2]], ['rc', [1, 2, 3, 4]]]);
  });

  it.each([
    ['a word among the counters', 'rpc 1 lots 3\n', 'rpc stats line "rpc": "lots" is not a counter'],
    ['a counter with a trailing letter', 'net 1 2x\n', 'rpc stats line "net": "2x" is not a counter'],
    ['a counter with a leading letter', 'net x2\n', 'rpc stats line "net": "x2" is not a counter'],
    ['a float in the first two "th" values', 'th 8 0.5 0.000\n', 'rpc stats line "th": "0.5" is not a counter'],
  ])('refuses %s with a ParseError', (_what, text, message) => {
    expectParseError(() => parseRpcStatLines(text), message);
  });
});

describe('procN operation counts', () => {
  it('names the client\'s v2, v3 and v4 counts in procfs\'s order, padding the short v4 line of an older kernel with 0', () => {
    expect(ops(procOps(CLIENT, 'proc2', NFS_V2_OPS, 18))).toBe(
      'Null=2 GetAttr=69 SetAttr=0 Root=0 Lookup=4410 ReadLink=0 Read=0 WrCache=0 Write=0 Create=0 Remove=0 Rename=0 Link=0 SymLink=0 MkDir=0'
      + ' RmDir=0 ReadDir=99 FsStat=2');
    expect(ops(procOps(CLIENT, 'proc3', NFS_V3_OPS, 22))).toBe(
      'Null=1 GetAttr=40126 SetAttr=120 Lookup=3311 Access=80112 ReadLink=12 Read=65021 Write=14032 Create=991 MkDir=57 SymLink=0 MkNod=0'
      + ' Remove=310 RmDir=40 Rename=77 Link=0 ReadDir=0 ReadDirPlus=1207 FsStat=41 FsInfo=22 PathConf=2 Commit=901');
    expect(ops(procOps(CLIENT, 'proc4', NFS_CLIENT_V4_OPS, 0))).toBe(
      'Null=1 Read=12021 Write=3390 Commit=44 Open=801 OpenConfirm=0 OpenNoattr=0 OpenDowngrade=0 Close=790 Setattr=31 FsInfo=3 Renew=22'
      + ' SetClientID=1 SetClientIDConfirm=1 Lock=0 Lockt=0 Locku=0 Access=4012 Getattr=33012 Lookup=1102 LookupRoot=2 Remove=41 Rename=12'
      + ' Link=0 Symlink=0 Create=0 Pathconf=7 StatFs=91 ReadLink=0 ReadDir=311 ServerCaps=2 DelegReturn=0 GetACL=0 SetACL=0 FsLocations=0'
      + ' ReleaseLockowner=0 Secinfo=0 FsidPresent=0 ExchangeID=0 CreateSession=0 DestroySession=0 Sequence=0 GetLeaseTime=0'
      + ' ReclaimComplete=0 GetDeviceInfo=0 LayoutGet=0 LayoutCommit=0 LayoutReturn=0 SecinfoNoName=0 TestStateID=0 FreeStateID=0'
      + ' GetDeviceList=0 BindConnToSession=0 DestroyClientID=0 Seek=0 Allocate=0 DeAllocate=0 LayoutStats=0 Clone=0');
  });

  it('names the server\'s v3 counts and its proc4ops in operation-number order', () => {
    expect(ops(procOps(SERVER, 'proc3', NFS_V3_OPS, 22))).toBe(
      'Null=2 GetAttr=30121 SetAttr=442 Lookup=51022 Access=20411 ReadLink=0 Read=70123 Write=40012 Create=310 MkDir=31 SymLink=0 MkNod=0'
      + ' Remove=108 RmDir=12 Rename=4 Link=0 ReadDir=201 ReadDirPlus=4012 FsStat=7 FsInfo=3 PathConf=0 Commit=3901');
    expect(ops(procOps(SERVER, 'proc4ops', NFS_SERVER_V4_OPS, 39))).toBe(
      'Op0Unused=0 Op1Unused=0 Op2Future=0 Access=3201 Close=411 Commit=90 Create=12 DelegPurge=0 DelegReturn=7 GetAttr=51022 GetFH=22011'
      + ' Link=0 Lock=21 Lockt=21 Locku=20 Lookup=1203 LookupRoot=0 Nverify=0 Open=411 OpenAttr=0 OpenConfirm=0 OpenDgrd=0 PutFH=51090'
      + ' PutPubFH=0 PutRootFH=11 Read=41022 ReadDir=201 ReadLink=0 Remove=9 Rename=3 Renew=0 RestoreFH=102 SaveFH=411 SecInfo=0 SetAttr=92'
      + ' SetClientID=0 SetClientIDConfirm=0 Verify=0 Write=30012 RelLockOwner=0');
  });

  it('accepts the 39-value proc4ops of a 2.5 kernel (exactly the minimum) and reads RelLockOwner as 0', () => {
    const line = `proc4ops 39 ${Array.from({ length: 39 }, (_, i) => i + 1).join(' ')}\n`;
    expect(procOps(parseRpcStatLines(line), 'proc4ops', NFS_SERVER_V4_OPS, 39).slice(-3)).toEqual([['Verify', 38], ['Write', 39], ['RelLockOwner', 0]]);
  });

  it('reads a version the kernel does not print as all zeros', () => {
    expect(procOps(new Map(), 'proc2', NFS_V2_OPS, 18)).toEqual(NFS_V2_OPS.map((name) => [name, 0]));
    expect(ops(procOps(new Map(), 'proc2', ['Null', 'GetAttr'], 18))).toBe('Null=0 GetAttr=0');
  });

  it.each([
    ['a procN line without values', 'proc3\n', 'proc3: declares undefined values, has -1 (need at least 22)'],
    ['fewer values than declared', 'proc3 22 1 2 3\n', 'proc3: declares 22 values, has 3 (need at least 22)'],
    ['more values than declared', `proc3 22 ${'1 '.repeat(23)}\n`, 'proc3: declares 22 values, has 23 (need at least 22)'],
    ['fewer values than the version has operations', `proc3 21 ${'1 '.repeat(21)}\n`, 'proc3: declares 21 values, has 21 (need at least 22)'],
  ])('refuses %s with a ParseError', (_what, text, message) => {
    expectParseError(() => procOps(parseRpcStatLines(text), 'proc3', NFS_V3_OPS, 22), message);
  });
});

describe('fixed-width rpc lines', () => {
  it('returns the values of a line of the expected width', () => {
    expect(fixedLine(SERVER, 'rc', 3)).toEqual([0, 120331, 88912]);
    expect(fixedLine(CLIENT, 'net', 4)).toEqual([70, 70, 0, 0]);
  });

  it('reads a line the kernel does not print as that many zeros', () => {
    expect(fixedLine(CLIENT, 'ra', 12)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it.each([
    ['too few', 'rc', 4, 'rc: 3 values, expected 4'],
    ['too many', 'fh', 4, 'fh: 5 values, expected 4'],
  ])('refuses a line with %s values with a ParseError', (_what, tag, width, message) => {
    expectParseError(() => fixedLine(SERVER, tag, width), message);
  });
});

describe('nfs parser under garbage input', () => {
  itSurvivesGarbage('rpc stats', 'net 1 2 3 4\nproc3 22 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22\n', (t) => {
    const l = parseRpcStatLines(t);
    fixedLine(l, 'net', 4);
    return procOps(l, 'proc3', NFS_V3_OPS, 22);
  });
});
