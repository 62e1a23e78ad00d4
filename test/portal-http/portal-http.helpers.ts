import http from 'node:http';
import type { Container } from '../../src/container';
import type { OrgUnitDoc } from '../../src/models/org-unit/org-unit.model';
import type { Clock } from '../../src/portal/rate-limit/token-bucket';

/** A clock the test moves by hand: buckets refill only when the test says so. */
export class FakeClock implements Clock {
  constructor(private t = Date.UTC(2025, 0, 1)) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

async function read(res: Response): Promise<RawResponse> {
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}

/** POST /graphql with any JSON body (an object, a batch array, an APQ request). */
export async function post(
  baseUrl: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return read(res);
}

/** GET /graphql with the parameters URL-encoded (objects become JSON), as GraphQL-over-HTTP says. */
export async function get(
  baseUrl: string,
  params: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined) search.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  }
  const res = await fetch(`${baseUrl}/graphql?${search}`, {
    headers: { accept: 'application/graphql-response+json, application/json', ...headers },
  });
  return read(res);
}

/** Issues an API key directly through the service (as the CLI does). */
export async function issueKey(
  c: Container,
  unit: OrgUnitDoc,
  opts: { scope?: 'PUBLIC' | 'UNIT'; allowedOrigins?: string[]; name?: string } = {},
): Promise<{ id: string; secret: string }> {
  const issued = await c.services.credentials.issueApiKey('system', {
    unitId: unit._id,
    name: opts.name ?? '测试门户',
    scope: opts.scope ?? 'PUBLIC',
    allowedOrigins: opts.allowedOrigins,
  });
  return { id: issued.credential._id.toHexString(), secret: issued.secret };
}

/** `n` aliased copies of a cheap root field: each alias is one more object field to pay for. */
export function aliasQuery(n: number, code: string): string {
  const fields = Array.from({ length: n }, (_, i) => `a${i}: orgUnit(code: "${code}") { name }`);
  return `{ ${fields.join(' ')} }`;
}

/**
 * GET through node:http, sending exactly the given headers. (fetch adds
 * `Cache-Control: no-cache` to conditional requests, which rightly makes the
 * server ignore If-None-Match, so revalidation is tested without it.)
 */
export function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
  });
}
