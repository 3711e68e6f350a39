import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/flags/index.js';
import { parsePushConfig } from '../../src/push/push-flags.js';
import type { ExporterSpec } from '../../src/spec.js';

const spec: ExporterSpec = {
  name: 'demo-exporter', description: 'd', version: '1.0.0', defaultListenAddress: ':9999', envPrefix: 'DEMO_EXPORTER',
  buildInfoMetric: 'demo_build_info', collectorMetrics: { duration: 'd', success: 's' }, collectors: [],
};
const config = (argv: string[], env: NodeJS.ProcessEnv = {}) => parsePushConfig(parseCommandLine(spec, argv, env).flags);

describe('push flags', () => {
  it('are off by default: no push target, no push mode', () => {
    expect(config([])).toBeUndefined();
  });

  it('default to job = exporter name, instance = host name, every 15s, still listening', () => {
    const c = config(['--push.gateway-url=http://gw:9091']);
    expect(c).toMatchObject({ job: 'demo-exporter', grouping: [['instance', hostname()]], schedule: { kind: 'interval', intervalMs: 15_000 }, listen: true });
  });

  it('read grouping labels (instance may be overridden or emptied), headers, durations and env vars', () => {
    const c = config([
      '--push.remote-write-url=https://mimir/api/v1/push', '--push.grouping', 'env=prod', '--push.grouping', 'instance=',
      '--push.header', 'X-Scope-OrgID: team-a', '--push.interval=1m30s', '--web.disable-listen',
    ], { DEMO_EXPORTER_PUSH_JOB: 'batch' });
    expect(c).toMatchObject({
      job: 'batch', grouping: [['env', 'prod'], ['instance', '']], schedule: { kind: 'interval', intervalMs: 90_000 }, listen: false,
      http: { headers: [['X-Scope-OrgID', 'team-a']] },
    });
  });

  it('--push.once never listens', () => {
    expect(config(['--push.gateway-url=http://gw:9091', '--push.once'])).toMatchObject({ schedule: { kind: 'once' }, listen: false });
  });

  it.each([
    [['--push.gateway-url=gw:9091'], /--push.gateway-url: scheme gw is not supported; use http:\/\/ or https:\/\//],
    [['--push.gateway-url=not a url'], /--push.gateway-url: "not a url" is not a URL/],
    [['--push.remote-write-url=http://u:secret@h/api/v1/write'], /credentials in the URL would show in logs; use --push.basic-auth/],
    [['--push.once'], /--push.once: needs a push target/],
    [['--web.disable-listen'], /--web.disable-listen: needs a push target/],
    [['--push.gateway-url=http://gw', '--push.once', '--push.delete-on-exit'], /drop one of the two/],
    [['--push.remote-write-url=http://rw', '--push.delete-on-exit'], /only applies to a Pushgateway/],
    [['--push.gateway-url=http://gw', '--push.grouping=nolabel'], /--push.grouping: "nolabel" is not label=value/],
    [['--push.gateway-url=http://gw', '--push.grouping=job=x'], /set the job label with --push.job/],
    [['--push.gateway-url=http://gw', '--push.grouping=a=1', '--push.grouping=a=2'], /label a given twice/],
    [['--push.gateway-url=http://gw', '--push.header=NoColon'], /--push.header: "NoColon" is not "Name: value"/],
    [['--push.gateway-url=http://gw', '--push.header=Content-Type: text/html'], /set by the exporter itself/],
    [['--push.gateway-url=http://gw', '--push.interval=soon'], /--push.interval: invalid duration "soon"/],
    [['--push.gateway-url=http://gw', '--push.interval=0s'], /--push.interval: must be longer than 0/],
    [['--push.gateway-url=http://gw', '--push.queue.capacity=0'], /--push.queue.capacity: expected a whole number of at least 1/],
    [['--push.gateway-url=http://gw', '--push.tls.cert-file=/c.pem'], /give both or neither/],
    [['--push.gateway-url=http://gw', '--push.basic-auth.password-file=/p'], /needs --push.basic-auth.username/],
  ])('%s → one line naming the flag and the fix', (argv, message) => {
    expect(() => config(argv)).toThrow(message);
  });
});
