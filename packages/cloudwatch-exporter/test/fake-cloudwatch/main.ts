/**
 * The fake AWS as a program, for the demo stack (docker/compose.yml, image scrapekit/fake-aws):
 * CloudWatch, the Resource Groups Tagging API, STS and IAM ListAccountAliases on one port, serving
 * demo-seed.ts's EC2 instances. Point the SDK at it with AWS_ENDPOINT_URL=http://<host>:<port>.
 *
 *   node main.js [--port 4566] [--host 127.0.0.1]     (or FAKE_AWS_PORT, FAKE_AWS_HOST)
 *
 * It accepts one access key id: AWS_ACCESS_KEY_ID when set (the stack hands the exporter and the
 * fake the same one), else DEMO_ACCESS_KEY_ID. Any secret key goes: the fake checks no signature.
 */
import { parseArgs } from 'node:util';
import { DEMO_ACCESS_KEY_ID, DEMO_INSTANCES, DEMO_REGION, demoSeed } from './demo-seed.js';
import { FakeAws } from './server.js';

const DEFAULT_PORT = 4566;
/** How often the seed moves on, so cloudwatch_exporter's window (ending 10 minutes back) always finds datapoints. */
const RESEED_INTERVAL_MS = 60_000;

function listenPort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port: ${JSON.stringify(text)} is not a port number (0-65535)`);
  return port;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.FAKE_AWS_PORT ?? String(DEFAULT_PORT) },
      host: { type: 'string', default: process.env.FAKE_AWS_HOST ?? '127.0.0.1' },
    },
  });
  const accessKeyId = process.env.AWS_ACCESS_KEY_ID || DEMO_ACCESS_KEY_ID;
  const nowSeconds = (): number => Math.floor(Date.now() / 1000);
  const fake = new FakeAws(demoSeed(nowSeconds(), accessKeyId));
  const endpoint = await fake.listen(listenPort(values.port), values.host);
  const reseed = setInterval(() => {
    fake.seed = demoSeed(nowSeconds(), accessKeyId);
  }, RESEED_INTERVAL_MS);
  const stop = (): void => {
    clearInterval(reseed);
    void fake.close();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  console.log(`fake-aws: CloudWatch, Tagging, STS and IAM on ${endpoint} (${DEMO_INSTANCES.length} EC2 instances in ${DEMO_REGION}, access key id ${accessKeyId})`);
}

main().catch((error: unknown) => {
  console.error(`fake-aws: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
