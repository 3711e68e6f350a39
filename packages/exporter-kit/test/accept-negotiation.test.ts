import { describe, expect, it } from 'vitest';
import { OPENMETRICS_CONTENT_TYPE, TEXT_CONTENT_TYPE, acceptsGzip, negotiateFormat } from '../src/exposition.js';

// Accept headers other than the ones Prometheus sends (those are in exposition.test.ts): the
// format is the first entry, by q-value then client order, that we can produce.
const TEXT = { format: 'text', contentType: TEXT_CONTENT_TYPE };
const OPENMETRICS = { format: 'openmetrics', contentType: OPENMETRICS_CONTENT_TYPE };

describe('negotiateFormat beyond the Prometheus defaults', () => {
  it.each([
    ['*/* listed before OpenMetrics at the same q', '*/*, application/openmetrics-text; version=1.0.0', TEXT],
    ['text/* listed before OpenMetrics at the same q', 'text/*, application/openmetrics-text; version=1.0.0', TEXT],
    ['a text version we do not offer, then OpenMetrics', 'text/plain; version=1.0.0, application/openmetrics-text; version=1.0.0', OPENMETRICS],
    ['text/plain without a version, then OpenMetrics', 'text/plain, application/openmetrics-text; version=1.0.0', TEXT],
    ['a quoted version parameter', 'application/openmetrics-text; version="1.0.0"', OPENMETRICS],
    ['media type and parameter names in upper case', 'Application/OpenMetrics-Text; Version=1.0.0', OPENMETRICS],
    ['OpenMetrics refused with q=0', 'application/openmetrics-text; version=1.0.0; q=0, text/plain; version=0.0.4', TEXT],
    ['a higher q later in the header', 'text/plain; version=0.0.4; q=0.5, application/openmetrics-text; version=1.0.0', OPENMETRICS],
    ['equal q: the client order decides', 'text/plain; version=0.0.4; q=0.5, application/openmetrics-text; version=1.0.0; q=0.5', TEXT],
    ['equal q, OpenMetrics first', 'application/openmetrics-text; version=1.0.0; q=0.5, text/plain; version=0.0.4; q=0.5', OPENMETRICS],
    ['an unparsable q counts as 0', 'application/openmetrics-text; version=1.0.0; q=high, text/plain', TEXT],
    ['empty entries between commas', ', ,application/openmetrics-text; version=1.0.0', OPENMETRICS],
  ])('%s', (_what, accept, expected) => {
    expect(negotiateFormat(accept)).toEqual(expected);
  });
});

describe('acceptsGzip', () => {
  it.each([
    ['gzip', true],
    ['gzip; q=0.5', true],
    ['gzip;q=0', false],
    ['identity, *;q=0', false],
    ['br, *', true],
    ['deflate, br', false],
  ])('%s → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
