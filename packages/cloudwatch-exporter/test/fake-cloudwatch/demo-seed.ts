import type { FakeMetric, FakePoint, FakeResource, FakeSeed } from './model.js';
import { DEFAULT_ACCOUNT } from './server.js';

/**
 * The world the demo stack's fake AWS serves (docker/compose.yml, through main.ts): four EC2
 * instances in eu-west-1 with one-minute CPUUtilization, NetworkIn and NetworkOut datapoints over
 * the last three hours, and Name/Environment/Role tags for tag selection. The values follow a
 * daily-looking curve so Grafana shows something that moves; they are a pure function of the
 * instance and the timestamp, so a test can check the exact value the exporter reports.
 */
export const DEMO_REGION = 'eu-west-1';
/** The access key id the demo fake accepts unless told another: plainly not a real one. */
export const DEMO_ACCESS_KEY_ID = 'FAKEAWSDEMOACCESSKEY';

export interface DemoInstance {
  readonly id: string;
  readonly tags: Readonly<Record<string, string>>;
  /** Mean CPU % and the swing around it. */
  readonly cpuMean: number;
  readonly cpuSwing: number;
}

export const DEMO_INSTANCES: readonly DemoInstance[] = [
  { id: 'i-0a5e3c1d2b4f60001', tags: { Name: 'web-1', Environment: 'demo', Role: 'web' }, cpuMean: 35, cpuSwing: 20 },
  { id: 'i-0a5e3c1d2b4f60002', tags: { Name: 'web-2', Environment: 'demo', Role: 'web' }, cpuMean: 30, cpuSwing: 18 },
  { id: 'i-0a5e3c1d2b4f60003', tags: { Name: 'worker-1', Environment: 'demo', Role: 'worker' }, cpuMean: 60, cpuSwing: 25 },
  { id: 'i-0a5e3c1d2b4f60004', tags: { Name: 'db-1', Environment: 'demo', Role: 'database' }, cpuMean: 15, cpuSwing: 5 },
];

const MINUTE = 60;
/** Long enough for cloudwatch_exporter's default window (600 s, 600 s back) and YACE's, with room for larger ranges. */
const HISTORY_SECONDS = 3 * 60 * MINUTE;
/** One cycle of the demo curve: an hour, so a dashboard's default range shows its shape. */
const CYCLE_SECONDS = 60 * MINUTE;

const twoDecimals = (value: number): number => Math.round(value * 100) / 100;

/** The instance's average CPU % in the minute starting at `t` (epoch seconds). */
export function demoCpuUtilization(instance: DemoInstance, t: number): number {
  const phase = DEMO_INSTANCES.indexOf(instance) / DEMO_INSTANCES.length;
  return twoDecimals(instance.cpuMean + instance.cpuSwing * Math.sin(2 * Math.PI * (t / CYCLE_SECONDS + phase)));
}

function ec2Metric(instance: DemoInstance, metricName: string, value: (t: number) => FakePoint['value'], times: readonly number[]): FakeMetric {
  return {
    namespace: 'AWS/EC2', metricName, dimensions: [{ Name: 'InstanceId', Value: instance.id }],
    points: times.map((t) => ({ t, value: value(t) })),
  };
}

/** The demo data as seen at `nowSeconds`; main.ts builds it again every minute so the window never runs dry. */
export function demoSeed(nowSeconds: number, accessKeyId: string): FakeSeed {
  const newest = Math.floor(nowSeconds / MINUTE) * MINUTE;
  const times = Array.from({ length: HISTORY_SECONDS / MINUTE }, (_, i) => newest - i * MINUTE);
  const metrics = DEMO_INSTANCES.flatMap((instance) => {
    const cpu = (t: number): FakePoint['value'] => {
      const average = demoCpuUtilization(instance, t);
      return { Average: average, Minimum: twoDecimals(average * 0.6), Maximum: twoDecimals(Math.min(100, average * 1.4)), SampleCount: 1 };
    };
    // Bytes per minute, rising and falling with the CPU.
    const network = (factor: number) => (t: number): number => Math.round(demoCpuUtilization(instance, t) * factor);
    return [
      ec2Metric(instance, 'CPUUtilization', cpu, times),
      ec2Metric(instance, 'NetworkIn', network(250_000), times),
      ec2Metric(instance, 'NetworkOut', network(400_000), times),
    ];
  });
  const resources: FakeResource[] = DEMO_INSTANCES.map((instance) => ({
    arn: `arn:aws:ec2:${DEMO_REGION}:${DEFAULT_ACCOUNT}:instance/${instance.id}`, tags: instance.tags,
  }));
  return { metrics, resources, accessKeys: [accessKeyId] };
}
