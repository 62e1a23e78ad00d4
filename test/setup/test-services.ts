import type { S3Config } from '../../src/config';

/**
 * What global setup started, handed to the test files through an environment
 * variable (jest passes global setup's process.env on to the test workers).
 */
export interface TestServices {
  root: string;
  mongodbUri?: string;
  ferretdbPid?: number;
  s3?: S3Config;
}

export const TEST_SERVICES_ENV = 'HUB_TEST_SERVICES';

export function readTestServices(): TestServices | undefined {
  const raw = process.env[TEST_SERVICES_ENV];
  return raw ? (JSON.parse(raw) as TestServices) : undefined;
}
