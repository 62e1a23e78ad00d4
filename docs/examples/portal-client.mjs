#!/usr/bin/env node
// 学习港门户 API 示例客户端 / Learning Port portal API example client.
//
// 只用 Node 20 自带的 fetch 和 crypto，不依赖任何框架。
// Plain fetch and crypto from Node 20; no framework.
//
//   PORTAL_URL=http://127.0.0.1:4000/graphql PORTAL_API_KEY=sxlp_key_… node docs/examples/portal-client.mjs
//
// It shows: API-key authentication, automatic persisted queries (hash first,
// full text on PERSISTED_QUERY_NOT_FOUND), rate-limit headers and Retry-After,
// error codes, and cursor pagination.
/* global fetch */ // Node 20 has fetch built in.
import { createHash } from 'node:crypto';

const URL_ = process.env.PORTAL_URL ?? 'http://127.0.0.1:4000/graphql';
const API_KEY = process.env.PORTAL_API_KEY;
const UNIT_CODE = process.env.PORTAL_UNIT_CODE ?? '140100'; // 太原市

class PortalError extends Error {
  constructor(status, errors) {
    super(errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; '));
    this.status = status;
    this.errors = errors;
    this.code = errors[0]?.extensions?.code;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function post(body) {
  const headers = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  if (API_KEY) headers['x-api-key'] = API_KEY;
  const res = await fetch(URL_, { method: 'POST', headers, body: JSON.stringify(body) });
  const json = await res.json();
  return { res, json };
}

/**
 * Runs one operation. Sends only the SHA-256 of the query first (automatic
 * persisted queries: small requests, and the only way a key in safelist mode
 * can work); on PERSISTED_QUERY_NOT_FOUND sends the full text once, which
 * the hub then remembers. On 429 waits Retry-After seconds, at most twice.
 */
async function gql(query, variables = {}) {
  const sha256Hash = createHash('sha256').update(query, 'utf8').digest('hex');
  const persistedQuery = { version: 1, sha256Hash };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    let { res, json } = await post({ variables, extensions: { persistedQuery } });
    if (json.errors?.[0]?.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND') {
      ({ res, json } = await post({ query, variables, extensions: { persistedQuery } }));
    }
    const remaining = res.headers.get('ratelimit-remaining');
    if (remaining !== null) lastRemaining = `${remaining}/${res.headers.get('ratelimit-limit')}`;
    if (res.status === 429) {
      const wait = Number(res.headers.get('retry-after') ?? '1');
      console.error(`限流，${wait} 秒后重试 / rate limited, retrying in ${wait} s`);
      await sleep(wait * 1000);
      continue;
    }
    if (json.errors?.length) throw new PortalError(res.status, json.errors);
    return json.data;
  }
  throw new Error('仍被限流 / still rate limited');
}
let lastRemaining = '?';

const UNIT = `query Unit($code: String!) { orgUnit(code: $code) { id code name } }`;

const ELDERLY_LATEST = `query ElderlyLatest($unit: ID!) {
  resources(
    first: 10
    filter: { categories: [ELDERLY_EDUCATION], withinUnitId: $unit }
    orderBy: { field: CREATED_AT, direction: DESC }
  ) {
    totalCount
    nodes { id title kind publishedAt ownerUnit { name } }
  }
}`;

const SERIES = `query JinShang($tag: String!) {
  seriesList(first: 5, themeTag: $tag) {
    totalCount
    nodes { id title episodes { id title durationSeconds } }
  }
}`;

const CHILDREN_PAGE = `query Children($code: String!, $after: String) {
  orgUnit(code: $code) {
    children(first: 5, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { code name }
    }
  }
}`;

async function main() {
  const { orgUnit: unit } = await gql(UNIT, { code: UNIT_CODE });
  console.log(`单位 / unit: ${unit.name} (${unit.code})`);

  const { resources } = await gql(ELDERLY_LATEST, { unit: unit.id });
  console.log(`老年教育资源 / elderly-education resources: ${resources.totalCount}`);
  for (const r of resources.nodes) console.log(`  - ${r.title} [${r.kind}] ${r.ownerUnit.name}`);

  const { seriesList } = await gql(SERIES, { tag: '晋商文化' });
  console.log(`晋商文化系列 / Jin merchant series: ${seriesList.totalCount}`);
  for (const s of seriesList.nodes) {
    console.log(`  - ${s.title}: ${s.episodes.length} 集 / episodes`);
  }

  // Cursor pagination: follow pageInfo.endCursor while hasNextPage.
  let after = null;
  for (let page = 1; page <= 20; page += 1) {
    const { orgUnit } = await gql(CHILDREN_PAGE, { code: UNIT_CODE, after });
    const { nodes, pageInfo, totalCount } = orgUnit.children;
    console.log(
      `第 ${page} 页 / page ${page} (${nodes.length} of ${totalCount}): ${nodes.map((n) => n.name).join('、')}`,
    );
    if (!pageInfo.hasNextPage) break;
    after = pageInfo.endCursor;
  }
  console.log(`剩余配额 / quota left: ${lastRemaining}`);
}

main().catch((err) => {
  console.error(
    err instanceof PortalError ? `请求失败 / request failed (${err.status}): ${err.message}` : err,
  );
  process.exit(1);
});
