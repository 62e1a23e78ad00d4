// Installs npm dependencies with `npm ci` when node_modules is missing or was
// installed from a different package-lock.json, so that `npm start` and
// `npm test` work on a fresh clone without reinstalling on every run.
import { createHash } from 'node:crypto';
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const lock = readFileSync('package-lock.json');
const digest = createHash('sha256').update(lock).digest('hex');
const stamp = 'node_modules/.installed-lock-sha256';

if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== digest) {
  console.error('[ensure-deps] installing dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
  writeFileSync(stamp, digest);
}
