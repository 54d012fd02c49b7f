/**
 * drizzle-orm's own relative imports resolved without Node's package lookups. For every module it loads
 * from a package, Node 24 reads the package's scope and parses its `exports` map again; drizzle-orm's
 * package.json is 179 KB and the app loads hundreds of its modules, so importing `drizzle-orm/node-postgres`
 * alone cost ~0.9 s of CPU and ~160 MB of garbage, which raised the peak RSS of every process (and of every
 * sweep worker thread) by ~200 MB: `aftercare serve` peaked at 449 MB before a request, 215 MB with this
 * (docs/performance.md, "Bulk paths"). A relative `.js` import inside the package names the file
 * beside it, an ES module (the package is `"type": "module"`), so that is what this hook answers, and Node
 * resolves everything else as before. Hooks are a thread's own: a worker thread installs them again.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

let installed = false;

/** Installs the hook in this thread (once); before drizzle-orm is first imported, or it saves nothing. */
export function resolveDrizzleImportsDirectly(): void {
  if (installed) return;
  installed = true;
  const directory = realpathSync(dirname(fileURLToPath(import.meta.resolve('drizzle-orm'))));
  const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { type?: string };
  if (manifest.type !== 'module') return; // its .js files would not be ES modules: leave it to Node
  const root = pathToFileURL(`${directory}/`).href;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      if ((specifier.startsWith('./') || specifier.startsWith('../')) && specifier.endsWith('.js') && context.parentURL?.startsWith(root)) {
        const url = new URL(specifier, context.parentURL).href;
        if (url.startsWith(root)) return { url, format: 'module', shortCircuit: true };
      }
      return nextResolve(specifier, context);
    },
  });
}
