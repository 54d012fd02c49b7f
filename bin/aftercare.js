#!/usr/bin/env node
// The `aftercare` command. The project runs on the Node.js 24 that the `node` npm package installs
// into node_modules/.bin; when started by an older machine Node (npx from Node 20), re-run under it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const main = join(root, 'src', 'cli', 'main.ts');
const major = Number(process.versions.node.split('.')[0]);

if (major >= 24) {
  await import(main);
} else {
  const local = join(root, 'node_modules', 'node', 'bin', 'node');
  const nodeBin = existsSync(local) ? local : join(root, 'node_modules', '.bin', 'node');
  if (!existsSync(nodeBin)) {
    console.error('aftercare: Node.js 24 is required. Run `npm install` in the repository first.');
    process.exit(2);
  }
  const result = spawnSync(nodeBin, [main, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
