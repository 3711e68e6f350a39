/**
 * For tests that start the CloudWatch exporter without a fake AWS behind it: the SDK's credential
 * chain would otherwise end at the EC2 instance metadata address (169.254.169.254), and calls at
 * AWS itself; test traffic stays on loopback. Static dummy credentials, metadata lookups off, and
 * every AWS endpoint at a closed local port: a scrape fails fast with cloudwatch_exporter_scrape_error 1.
 */
export const AWS_OFFLINE_ENV: Readonly<Record<string, string>> = {
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_ACCESS_KEY_ID: 'scrapekit-test-key',
  AWS_SECRET_ACCESS_KEY: 'scrapekit-test-secret',
  AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
};
