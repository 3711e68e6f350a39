/**
 * One path segment pair of a Pushgateway grouping key. A value with a `/` cannot be URI-encoded
 * (the router splits on it) and an empty one would vanish from the path, so both go base64url
 * with the name suffixed `@base64`; an empty value is the single `=` the Pushgateway requires.
 */
function segment(name: string, value: string): string {
  if (value === '') return `${name}@base64/=`;
  if (value.includes('/')) return `${name}@base64/${Buffer.from(value, 'utf8').toString('base64url')}`;
  return `${name}/${encodeURIComponent(value)}`;
}

/** The group URL: <base>/metrics/job/<job>{/<label>/<value>}, keeping any path prefix of the base. */
export function pushgatewayGroupUrl(base: URL, job: string, grouping: ReadonlyArray<readonly [string, string]>): URL {
  const prefix = base.pathname.replace(/\/+$/, '');
  const path = [segment('job', job), ...grouping.map(([n, v]) => segment(n, v))].join('/');
  const url = new URL(base.href);
  url.pathname = `${prefix}/metrics/${path}`;
  url.search = '';
  url.hash = '';
  return url;
}
