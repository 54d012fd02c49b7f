/**
 * Builds the browser assets into public/: the Sass (GOV.UK Frontend + MoJ Frontend with a system font
 * stack) compiled to application.css, and the two frontend scripts copied beside it. Skips the work when
 * every output is newer than every input, so `npm start` stays quick. `--force` rebuilds anyway.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'public');
const stylesDir = join(root, 'src/platform/views/styles');
const entry = join(stylesDir, 'application.scss');
const packageJsons = [join(root, 'node_modules/govuk-frontend/package.json'), join(root, 'node_modules/@ministryofjustice/frontend/package.json')];
const scripts = {
  'govuk-frontend.min.js': join(root, 'node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js'),
  'moj-frontend.min.js': join(root, 'node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.js'),
};
const outputs = [join(out, 'application.css'), ...Object.keys(scripts).map((name) => join(out, name))];

function newest(files: string[]): number {
  return Math.max(...files.map((file) => statSync(file).mtimeMs));
}

function inputs(): string[] {
  const styles = readdirSync(stylesDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.scss'))
    .map((name) => join(stylesDir, name));
  return [...styles, ...packageJsons, ...Object.values(scripts), fileURLToPath(import.meta.url)];
}

export function assetsAreFresh(): boolean {
  if (!outputs.every((file) => existsSync(file))) return false;
  return Math.min(...outputs.map((file) => statSync(file).mtimeMs)) > newest(inputs());
}

export function buildAssets(): void {
  mkdirSync(out, { recursive: true });
  const result = sass.compile(entry, {
    loadPaths: [root],
    style: 'compressed',
    quietDeps: true,
    // GOV.UK Frontend and MoJ Frontend warn about their own deprecations; ours still show.
    logger: {
      warn(message, options) {
        if (options.span?.url?.pathname.includes('/node_modules/') || options.stack?.includes('node_modules/')) return;
        console.warn(`sass: ${message}`);
      },
    },
  });
  writeFileSync(join(out, 'application.css'), result.css);
  for (const [name, source] of Object.entries(scripts)) copyFileSync(source, join(out, name));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--force') && assetsAreFresh()) {
    console.log('Assets are up to date (public/).');
  } else {
    const started = Date.now();
    buildAssets();
    console.log(`Built public/application.css and scripts in ${Date.now() - started} ms.`);
  }
}
