import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayInLondon } from '../../../../src/domain/calendar/civil-date.ts';
import { validCaseFile } from '../../domain/case-file/valid-case-file.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const node = join(root, 'node_modules/.bin/node');
const folder = mkdtempSync(join(tmpdir(), 'aftercare-evaluate-'));

function aftercare(...args: string[]) {
  return aftercareWithInput('', ...args);
}

function aftercareWithInput(input: string, ...args: string[]) {
  const env = { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
  const result = spawnSync(node, ['src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8', env, input });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function write(name: string, content: string): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

const validFile = write('valid.json', JSON.stringify(validCaseFile()));

test('prints the evaluation as 2-space JSON with a newline at the end', () => {
  const { status, stdout, stderr } = aftercare('evaluate', validFile, '--as-of', '2025-01-15');
  assert.equal(stderr, '');
  assert.equal(status, 0);
  assert.ok(stdout.endsWith('}\n'));
  const evaluation = JSON.parse(stdout) as { schema: string; asOf: string; entitled: boolean };
  assert.equal(stdout, `${JSON.stringify(evaluation, null, 2)}\n`);
  assert.equal(evaluation.schema, 'aftercare.evaluation/v1');
  assert.equal(evaluation.asOf, '2025-01-15');
  assert.equal(evaluation.entitled, true);
  assert.equal(aftercare('evaluate', '--as-of', '2025-01-15', validFile).stdout, stdout, 'byte-for-byte the same');
});

test('FILE - reads the case file from standard input', () => {
  const fromFile = aftercare('evaluate', validFile, '--as-of', '2025-01-15');
  const fromStdin = aftercareWithInput(readFileSync(validFile, 'utf8'), 'evaluate', '-', '--as-of', '2025-01-15');
  assert.equal(fromStdin.status, 0);
  assert.equal(fromStdin.stdout, fromFile.stdout);
  const invalid = aftercareWithInput('{}', 'evaluate', '-', '--as-of', '2025-01-15');
  assert.equal(invalid.status, 1);
  assert.match(invalid.stderr, /^-: schema: is required$/m);
});

test('--as-of defaults to today in Europe/London', () => {
  const before = todayInLondon();
  const { status, stdout } = aftercare('evaluate', validFile);
  assert.equal(status, 0);
  assert.ok([before, todayInLondon()].includes((JSON.parse(stdout) as { asOf: string }).asOf));
});

test('an invalid case file: exit 1, one stderr line per error as FILE: path: message, nothing on stdout', () => {
  const file = validCaseFile() as unknown as Record<string, unknown>;
  (file.duties as Record<string, unknown>[])[0]!.start = '2024-13-01';
  (file.duties as Record<string, unknown>[])[0]!.colour = 'red';
  const path = write('invalid.json', JSON.stringify(file));
  const { status, stdout, stderr } = aftercare('evaluate', path, '--as-of', '2025-01-15');
  assert.equal(status, 1);
  assert.equal(stdout, '');
  const lines = stderr.trimEnd().split('\n').sort();
  assert.equal(lines.length, 2);
  assert.match(lines[0]!, new RegExp(`^${path.replaceAll('\\', '\\\\')}: duties\\[0\\]\\.colour: .+`));
  assert.match(lines[1]!, new RegExp(`^${path.replaceAll('\\', '\\\\')}: duties\\[0\\]\\.start: .+`));
});

test('broken references are reported the same way', () => {
  const file = validCaseFile();
  file.duties[0]!.detentionId = 'd9';
  const path = write('dangling.json', JSON.stringify(file));
  const { status, stderr } = aftercare('evaluate', path, '--as-of', '2025-01-15');
  assert.equal(status, 1);
  assert.equal(stderr, `${path}: duties[0].detentionId: "d9" does not match any record in the file (expected a detention)\n`);
});

test('an unreadable file or bad JSON: exit 1 with one clear line', () => {
  const missing = aftercare('evaluate', join(folder, 'nope.json'), '--as-of', '2025-01-15');
  assert.equal(missing.status, 1);
  assert.equal(missing.stderr, `${join(folder, 'nope.json')}: cannot read the file: no such file\n`);
  const bad = write('bad.json', '{ "schema": ');
  const broken = aftercare('evaluate', bad, '--as-of', '2025-01-15');
  assert.equal(broken.status, 1);
  assert.match(broken.stderr, new RegExp(`^${bad}: not valid JSON: .+\\n$`));
  assert.equal(broken.stdout, '');
});

test('usage errors exit 2', () => {
  const cases: string[][] = [
    ['evaluate'],
    ['evaluate', validFile, validFile],
    ['evaluate', validFile, '--as-of', '2025-02-30'],
    ['evaluate', validFile, '--as-of', '15/01/2025'],
    ['evaluate', validFile, '--as-of'],
    ['evaluate', validFile, '--colour', 'red'],
  ];
  for (const args of cases) {
    const { status, stdout, stderr } = aftercare(...args);
    assert.equal(status, 2, args.join(' '));
    assert.equal(stdout, '', args.join(' '));
    assert.match(stderr, /Usage: aftercare evaluate FILE/, args.join(' '));
  }
});

/** The import graph of the command, followed through relative imports, holds no database or server code. */
test('evaluate loads neither the database nor the web server', () => {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+'([^']+)'/gm)) {
      const specifier = match[1]!;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else packages.add(specifier);
    }
  };
  visit(join(root, 'src/cli/commands/evaluate.ts'));
  const files = [...seen].map((f) => f.slice(root.length + 1));
  assert.deepEqual(files.filter((f) => f.startsWith('src/platform/') || f.startsWith('src/modules/') || f.startsWith('src/app/')), []);
  assert.deepEqual([...packages].filter((p) => /^(pg|fastify|@fastify\/|drizzle|@electric-sql\/|nunjucks)/.test(p)), []);
});
