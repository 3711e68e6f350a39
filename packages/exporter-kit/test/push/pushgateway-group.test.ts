import { describe, expect, it } from 'vitest';
import { pushgatewayGroupUrl } from '../../src/push/pushgateway-group.js';

describe('pushgatewayGroupUrl', () => {
  const base = new URL('http://gw:9091');

  it('puts job and grouping labels in the path, URI-encoding plain values', () => {
    expect(pushgatewayGroupUrl(base, 'node-exporter', [['instance', 'web 1'], ['env', 'prod']]).href)
      .toBe('http://gw:9091/metrics/job/node-exporter/instance/web%201/env/prod');
  });

  it('base64url-encodes values with a slash and writes an empty value as "="', () => {
    const url = pushgatewayGroupUrl(base, 'backup/nightly', [['path', '/var/tmp'], ['instance', '']]);
    expect(url.pathname).toBe('/metrics/job@base64/YmFja3VwL25pZ2h0bHk/path@base64/L3Zhci90bXA/instance@base64/=');
    expect(Buffer.from('L3Zhci90bXA', 'base64url').toString()).toBe('/var/tmp');
  });

  it('keeps a path prefix of the base URL (a Pushgateway behind a reverse proxy) and drops its query', () => {
    expect(pushgatewayGroupUrl(new URL('https://proxy/pushgateway/?x=1'), 'j', []).href).toBe('https://proxy/pushgateway/metrics/job/j');
  });
});
