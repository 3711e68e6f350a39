import { describe, expect, it } from 'vitest';
import { detectFormat, loadConfigFile, parseConfigText } from '../src/config/load.js';
import { parseYaml } from '../src/config/load.js';

const parse = (yaml: string) => parseConfigText(yaml, 'yace.yml', 'auto');
const problem = (yaml: string): string => {
  try {
    parse(yaml);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected an error');
};

describe('YACE config front-end', () => {
  it('is detected from apiVersion and compiles jobs to the shared rules', () => {
    expect(detectFormat(parseYaml('apiVersion: v1alpha1\nstatic: []', 'x'))).toBe('yace');
    const config = parse(`
apiVersion: v1alpha1
discovery:
  exportedTagsOnMetrics: {AWS/EC2: [Name]}
  jobs:
    - type: AWS/EC2
      regions: [eu-west-1, us-east-1]
      roles:
        - roleArn: arn:aws:iam::1:role/a
        - roleArn: arn:aws:iam::2:role/b
          externalId: ext
      searchTags: [{key: Team, value: ^web}]
      customTags: [{key: Env, value: prod}]
      period: 60
      length: 120
      delay: 120
      statistics: [Average]
      metrics:
        - name: CPUUtilization
        - name: NetworkIn
          statistics: [Sum, p99]
          nilToZero: true
          addCloudwatchTimestamp: true
static:
  - {name: my-queue, namespace: AWS/SQS, regions: [eu-west-1], dimensions: [{name: QueueName, value: jobs}], metrics: [{name: NumberOfMessagesSent, statistics: [Sum]}]}
`);
    expect(config.flavor).toBe('yace');
    // 2 metrics × 2 regions × 2 roles + 1 static.
    expect(config.rules).toHaveLength(9);
    const [cpu] = config.rules;
    expect(cpu).toMatchObject({
      namespace: 'AWS/EC2', metricName: 'CPUUtilization', statistics: ['Average'], periodSeconds: 60, rangeSeconds: 120, delaySeconds: 120,
      scope: { region: 'eu-west-1', roleArn: 'arn:aws:iam::1:role/a' }, dimensionMatch: 'any', setTimestamp: false, nilToZero: false, alignWindowToPeriod: true,
      yace: { jobKind: 'discovery', exportedTags: ['Name'], customTags: [['Env', 'prod']] },
    });
    expect(cpu?.yace?.searchTags[0]?.value.test('web-1')).toBe(true);
    expect(config.rules[1]?.scope).toEqual({ region: 'eu-west-1', roleArn: 'arn:aws:iam::2:role/b', externalId: 'ext' });
    expect(config.rules.find((r) => r.metricName === 'NetworkIn')).toMatchObject({ statistics: ['Sum', 'p99'], nilToZero: true, setTimestamp: true });
    expect(config.rules[8]).toMatchObject({
      namespace: 'AWS/SQS', dimensions: ['QueueName'], dimensionMatch: 'count', periodSeconds: 300, rangeSeconds: 300, delaySeconds: 0,
      yace: { jobKind: 'static', jobName: 'my-queue' },
    });
    expect([...(config.rules[8]?.dimensionSelect ?? [])]).toEqual([['QueueName', ['jobs']]]);
  });

  it.each([
    ['an unsupported namespace', 'apiVersion: v1alpha1\ndiscovery:\n  jobs:\n    - type: AWS/Foo\n      regions: [eu-west-1]\n      metrics: [{name: X, statistics: [Sum]}]',
      'yace.yml: discovery.jobs[0].type: "AWS/Foo" is not a supported discovery namespace; use one of AWS/ApiGateway'],
    ['length shorter than period', 'apiVersion: v1alpha1\ncustomNamespace:\n  - name: c\n    namespace: App\n    regions: [eu-west-1]\n    metrics: [{name: X, statistics: [Sum], period: 300, length: 60}]',
      'yace.yml: customNamespace[0].metrics[0].length: 60 is shorter than the period 300'],
    ['no statistics anywhere', 'apiVersion: v1alpha1\ncustomNamespace:\n  - name: c\n    namespace: App\n    regions: [eu-west-1]\n    metrics: [{name: X}]',
      'yace.yml: customNamespace[0].metrics[0].statistics: is required here or on the job'],
    ['externalId without roleArn', 'apiVersion: v1alpha1\nstatic:\n  - name: s\n    namespace: App\n    regions: [r]\n    roles: [{externalId: x}]\n    metrics: [{name: X, statistics: [Sum]}]',
      'yace.yml: static[0].roles[0].externalId: needs a roleArn beside it'],
    ['an unknown key', 'apiVersion: v1alpha1\ndiscovery:\n  jobs:\n    - type: AWS/EC2\n      region: [eu-west-1]\n      metrics: []',
      'yace.yml: discovery.jobs[0].region: unknown key; did you mean regions?'],
    ['a bad searchTags regex', 'apiVersion: v1alpha1\ndiscovery:\n  jobs:\n    - type: AWS/EC2\n      regions: [r]\n      searchTags: [{key: T, value: "(x"}]\n      metrics: [{name: X, statistics: [Sum]}]',
      'yace.yml: discovery.jobs[0].searchTags[0].value: "(x" is not a valid regular expression'],
    ['a job without regions', 'apiVersion: v1alpha1\ndiscovery:\n  jobs:\n    - type: AWS/EC2\n      regions: []\n      metrics: [{name: X, statistics: [Sum]}]',
      'yace.yml: discovery.jobs[0].regions: is required: list at le'],
    ['a job without metrics', 'apiVersion: v1alpha1\ncustomNamespace:\n  - name: c\n    namespace: App\n    regions: [eu-west-1]\n    metrics: []',
      'yace.yml: customNamespace[0].metrics: is required: list the m'],
    ['another apiVersion', 'apiVersion: v2\nstatic: []', 'yace.yml: apiVersion: "v2"'],
    ['exportedTagsOnMetrics that is not a list', 'apiVersion: v1alpha1\ndiscovery:\n  exportedTagsOnMetrics:\n    AWS/EC2: Name\n  jobs: []',
      'yace.yml: discovery.exportedTagsOnMetrics.AWS/EC2: must be a list of tag keys'],
    ['enhancedMetrics', 'apiVersion: v1alpha1\ndiscovery:\n  jobs:\n    - type: AWS/Lambda\n      regions: [r]\n      enhancedMetrics: [{name: Timeout}]\n      metrics: [{name: X, statistics: [Sum]}]',
      'yace.yml: discovery.jobs[0].enhancedMetrics: is not supported'],
    ['exportAllDataPoints that is not a boolean', 'apiVersion: v1alpha1\nstatic:\n  - name: s\n    namespace: App\n    regions: [r]\n    metrics: [{name: X, statistics: [Sum], exportAllDataPoints: all}]',
      'yace.yml: static[0].metrics[0].exportAllDataPoints: '],
    ['no jobs at all', 'apiVersion: v1alpha1\ndiscovery:\n  jobs: []', 'yace.yml: no jobs: add discovery.jobs, static or customNamespace'],
  ])('rejects %s', (_what, yaml, expected) => {
    expect(problem(yaml)).toContain(expected);
  });

  it('exportAllDataPoints: off by default, from the job, overridden by the metric, with addCloudwatchTimestamp', () => {
    const config = parse(`
apiVersion: v1alpha1
discovery:
  jobs:
    - type: AWS/EC2
      regions: [eu-west-1]
      statistics: [Average]
      addCloudwatchTimestamp: true
      exportAllDataPoints: true
      metrics:
        - name: CPUUtilization
        - name: NetworkIn
          exportAllDataPoints: false
        - name: NetworkOut
          exportAllDataPoints: false
          addCloudwatchTimestamp: false
customNamespace:
  - name: c
    namespace: App
    regions: [eu-west-1]
    statistics: [Sum]
    metrics:
      - name: Orders
      - name: Refunds
        addCloudwatchTimestamp: true
        exportAllDataPoints: true
static:
  - {name: s, namespace: App, regions: [eu-west-1], metrics: [{name: Orders, statistics: [Sum], addCloudwatchTimestamp: true, exportAllDataPoints: true}]}
`);
    expect(config.rules.map((r) => [r.metricName, r.exportAllDataPoints, r.setTimestamp])).toEqual([
      ['CPUUtilization', true, true], ['NetworkIn', false, true], ['NetworkOut', false, false],
      ['Orders', true, true], ['Orders', false, false], ['Refunds', true, true],
    ]);
  });

  it.each([
    ['on a metric, without addCloudwatchTimestamp', 'static:\n  - name: s\n    namespace: App\n    regions: [r]\n    metrics: [{name: X, statistics: [Sum], exportAllDataPoints: true}]',
      'yace.yml: static[0].metrics[0].exportAllDataPoints: needs addCloudwatchTimestamp: true (each datapoint is exported with its CloudWatch timestamp); set addCloudwatchTimestamp: true beside it, or remove exportAllDataPoints'],
    ['on a metric, whose job has addCloudwatchTimestamp: false', 'customNamespace:\n  - name: c\n    namespace: App\n    regions: [r]\n    addCloudwatchTimestamp: false\n    metrics: [{name: X, statistics: [Sum], exportAllDataPoints: true}]',
      'yace.yml: customNamespace[0].metrics[0].exportAllDataPoints: needs addCloudwatchTimestamp: true (each datapoint is exported with its CloudWatch timestamp); set addCloudwatchTimestamp: true beside it, or remove exportAllDataPoints'],
    ['on a job, without addCloudwatchTimestamp', 'discovery:\n  jobs:\n    - type: AWS/EC2\n      regions: [r]\n      exportAllDataPoints: true\n      metrics: [{name: X, statistics: [Sum]}]',
      'yace.yml: discovery.jobs[0].exportAllDataPoints: needs addCloudwatchTimestamp: true (each datapoint is exported with its CloudWatch timestamp); set addCloudwatchTimestamp: true beside it, or remove exportAllDataPoints'],
    ['on a job, with a metric turning addCloudwatchTimestamp off', 'discovery:\n  jobs:\n    - type: AWS/EC2\n      regions: [r]\n      exportAllDataPoints: true\n      addCloudwatchTimestamp: true\n      metrics: [{name: X, statistics: [Sum]}, {name: Y, statistics: [Sum], addCloudwatchTimestamp: false}]',
      "yace.yml: discovery.jobs[0].metrics[1].addCloudwatchTimestamp: is false, but the job's exportAllDataPoints needs it true; set it true, or exportAllDataPoints: false on this metric"],
  ])('refuses exportAllDataPoints %s, in one line naming the key', (_what, yaml, expected) => {
    expect(problem(`apiVersion: v1alpha1\n${yaml}`)).toBe(expected);
  });

  it('takes every key YACE documents for each kind of job, with its defaults when absent', () => {
    const config = parse(`
apiVersion: v1alpha1
sts-region: eu-west-1
discovery:
  exportedTagsOnMetrics:
    AWS/EC2: [Name]
  jobs:
    - type: AWS/EC2
      regions: [eu-west-1]
      roles: [{roleArn: 'arn:aws:iam::1:role/a', externalId: e}]
      searchTags: [{key: Team, value: web}]
      customTags: [{key: Env, value: prod}]
      dimensionNameRequirements: [InstanceId]
      roundingPeriod: 60
      recentlyActiveOnly: true
      includeContextOnInfoMetrics: true
      statistics: [Average]
      period: 60
      length: 120
      delay: 30
      nilToZero: true
      addCloudwatchTimestamp: true
      exportAllDataPoints: true
      metrics: [{name: CPUUtilization}]
    - type: AWS/EC2
      regions: [eu-west-1]
      metrics: [{name: NetworkIn, statistics: [Sum]}]
static:
  - name: s
    namespace: App
    regions: [eu-west-1]
    roles: [{roleArn: 'arn:aws:iam::1:role/a'}]
    customTags: [{key: Env, value: prod}]
    dimensions: [{name: Shop, value: eu}]
    metrics: [{name: Orders, statistics: [Sum]}]
customNamespace:
  - name: c
    namespace: App
    regions: [eu-west-1]
    roles: [{roleArn: 'arn:aws:iam::1:role/a'}]
    customTags: [{key: Env, value: prod}]
    dimensionNameRequirements: [Shop]
    roundingPeriod: 60
    recentlyActiveOnly: true
    statistics: [Sum]
    period: 60
    length: 60
    delay: 0
    nilToZero: true
    addCloudwatchTimestamp: false
    metrics: [{name: Orders}]
`);
    const [full, plain, fixed, custom] = config.rules;
    expect(config.rules.map((r) => r.index)).toEqual([0, 1, 2, 3]);
    expect(full).toMatchObject({
      namespace: 'AWS/EC2', metricName: 'CPUUtilization', statistics: ['Average'], periodSeconds: 60, rangeSeconds: 120, delaySeconds: 30,
      nilToZero: true, setTimestamp: true, exportAllDataPoints: true, recentlyActiveOnly: true, dimensions: ['InstanceId'], dimensionMatch: 'names',
      scope: { region: 'eu-west-1', roleArn: 'arn:aws:iam::1:role/a', externalId: 'e' }, warnOnEmptyListDimensions: false, help: 'Help is not implemented yet.',
      yace: { jobKind: 'discovery', jobName: undefined, customTags: [['Env', 'prod']], exportedTags: ['Name'], includeContextOnInfoMetrics: true },
    });
    expect(plain).toMatchObject({ nilToZero: false, setTimestamp: false, exportAllDataPoints: false, recentlyActiveOnly: false, dimensionMatch: 'any', scope: { region: 'eu-west-1' },
      yace: { customTags: [], includeContextOnInfoMetrics: false } });
    expect(plain?.scope.roleArn).toBeUndefined();
    expect(fixed).toMatchObject({ recentlyActiveOnly: false, yace: { jobKind: 'static', jobName: 's', customTags: [['Env', 'prod']], exportedTags: [], searchTags: [], includeContextOnInfoMetrics: false } });
    expect(custom).toMatchObject({ dimensions: ['Shop'], dimensionMatch: 'names', recentlyActiveOnly: true, nilToZero: true,
      yace: { jobKind: 'customNamespace', jobName: 'c', customTags: [['Env', 'prod']], exportedTags: [], searchTags: [], includeContextOnInfoMetrics: false } });
  });
});

describe('YACE config: unknown keys and searchTags', () => {
  const staticJob = (...lines: string[]) => ['apiVersion: v1alpha1', 'static:', '  - name: s', '    namespace: App', '    regions: [eu-west-1]',
    '    metrics: [{name: Orders, statistics: [Sum]}]', ...lines.map((l) => `    ${l}`)].join('\n');

  it.each([
    // lable is three edits from both name and value: the first of the allowed keys wins.
    ['a key as close to two allowed keys: the first of them', staticJob('dimensions: [{lable: Shop, value: eu}]'), 'yace.yml: static[0].dimensions[0].lable: unknown key; did you mean name?'],
    ['a key differing only in case', staticJob('roles: [{RoleArn: "arn:aws:iam::1:role/a"}]'), 'yace.yml: static[0].roles[0].RoleArn: unknown key; did you mean roleArn?'],
    ['a key with no close one: the allowed keys', 'apiVersion: v1alpha1\ndiscovery:\n  jobs:\n    - type: AWS/EC2\n      exportedTagsOnMetrics: [Name]',
      'yace.yml: discovery.jobs[0].exportedTagsOnMetrics: unknown key; allowed keys: regions, type, roles, searchTags, customTags, dimensionNameRequirements, roundingPeriod, '
        + 'recentlyActiveOnly, includeContextOnInfoMetrics, enhancedMetrics, metrics, statistics, period, length, delay, nilToZero, addCloudwatchTimestamp, exportAllDataPoints'],
  ])('refuses %s', (_what, yaml, expected) => {
    expect(problem(yaml)).toBe(expected);
  });

  it('matches a searchTags value anywhere in the tag, as YACE (RE2 MatchString)', () => {
    const [rule] = parse('apiVersion: v1alpha1\ndiscovery:\n  jobs:\n    - type: AWS/EC2\n      regions: [eu-west-1]\n      searchTags: [{key: Team, value: web}]\n      metrics: [{name: CPUUtilization, statistics: [Average]}]').rules;
    expect(['web', 'team-web-1', 'api'].map((v) => rule?.yace?.searchTags[0]?.value.test(v))).toEqual([true, true, false]);
  });
});

describe('config format detection and loading', () => {
  it.each([
    ['apiVersion: v1alpha1\nstatic: []', 'yace'], ['discovery: {}', 'yace'], ['static: []', 'yace'], ['customNamespace: []', 'yace'],
    ['region: eu-west-1\nmetrics: []', 'cloudwatch_exporter'], ['[]', 'cloudwatch_exporter'], ['', 'cloudwatch_exporter'],
  ])('%j is %s', (yaml, format) => {
    expect(detectFormat(parseYaml(yaml, 'x.yml'))).toBe(format);
  });

  it('names the file of a YAML error in one line, and refuses a duplicate key', () => {
    expect(() => parseYaml('a: [\n', 'c.yml')).toThrow(/^c\.yml: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a \]$/);
    expect(() => parseYaml('a: 1\na: 2\n', 'c.yml')).toThrow(/^c\.yml: invalid YAML: Map keys must be unique$/);
  });

  it('says why a config file cannot be read, naming the flag', () => {
    expect(() => loadConfigFile('/nonexistent/scrapekit-config.yml', 'auto')).toThrow('--config.file: cannot read /nonexistent/scrapekit-config.yml: no such file');
  });
});
