import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

/**
 * GraphiQL served entirely from npm packages (graphiql 3 with React 18 UMD
 * builds), so the page works with no internet access.
 */
/** The installed folder of an npm package (their `exports` hide the UMD files from require.resolve). */
function packageDir(name: string): string {
  for (const base of require.resolve.paths(name) ?? []) {
    const dir = path.join(base, name);
    if (existsSync(path.join(dir, 'package.json'))) return dir;
  }
  throw new Error(`package ${name} is not installed`);
}

const ASSETS: Record<string, string> = {
  'react.production.min.js': path.join(packageDir('react'), 'umd', 'react.production.min.js'),
  'react-dom.production.min.js': path.join(
    packageDir('react-dom'),
    'umd',
    'react-dom.production.min.js',
  ),
  'graphiql.min.js': path.join(packageDir('graphiql'), 'graphiql.min.js'),
  'graphiql.min.css': path.join(packageDir('graphiql'), 'graphiql.min.css'),
};

export const GRAPHIQL_ASSET_PREFIX = '/assets/graphiql/';

export function graphiqlAssets(): Router {
  const router = express.Router();
  router.get(`${GRAPHIQL_ASSET_PREFIX}:file`, (req, res) => {
    const file = ASSETS[req.params.file];
    if (!file) {
      res.status(404).end();
      return;
    }
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.sendFile(file);
  });
  return router;
}

const DEFAULT_QUERY = `# 山西社区教育数字化学习港 · GraphQL
# 试试：列出全省的社区大学 / try: the city community universities of Shanxi
{
  orgUnit(code: "140000") {
    name
    children(first: 20) {
      totalCount
      nodes { code name levelLabel }
    }
  }
}
`;

export function graphiqlPage(endpoint: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>学习港 GraphQL · Learning Port GraphiQL</title>
<link rel="stylesheet" href="${GRAPHIQL_ASSET_PREFIX}graphiql.min.css" />
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">正在加载 GraphiQL… / loading GraphiQL…</div>
<script src="${GRAPHIQL_ASSET_PREFIX}react.production.min.js"></script>
<script src="${GRAPHIQL_ASSET_PREFIX}react-dom.production.min.js"></script>
<script src="${GRAPHIQL_ASSET_PREFIX}graphiql.min.js"></script>
<script>
  var fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)} });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: ${JSON.stringify(DEFAULT_QUERY)}, defaultEditorToolsVisibility: true })
  );
</script>
</body>
</html>`;
}
