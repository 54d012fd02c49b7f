/**
 * Imported macros kept (src/platform/http/nunjucks-exports.ts): an import without context runs the imported
 * template's top level once and renders the same as before; an import `with context` still sees each render's
 * variables.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import nunjucks from 'nunjucks';
import { keepImportedMacros } from '../../../src/platform/http/nunjucks-exports.ts';

const templates: Record<string, string> = {
  'macros.njk': '{% set loaded = countLoad() %}{% macro hello(name) %}Hello {{ name }}{% endmacro %}',
  'context-macros.njk': '{% macro greet() %}Hi {{ who }}{% endmacro %}',
  'page.njk': '{% from "macros.njk" import hello %}{% import "macros.njk" as m %}{{ hello(who) }} / {{ m.hello("again") }}',
  'page-with-context.njk': '{% from "context-macros.njk" import greet with context %}{{ greet() }}',
};

function environment() {
  const loader = { getSource: (name: string) => ({ src: templates[name] ?? '', path: name, noCache: false }) };
  const env = new nunjucks.Environment(loader as unknown as nunjucks.ILoader, { autoescape: true });
  let loads = 0;
  env.addGlobal('countLoad', () => (loads += 1));
  return { env, loads: () => loads };
}

test('without context, an imported template runs once and every render is as before', () => {
  const before = environment();
  const expected = ['Ann', 'Bob', 'Cy'].map((who) => before.env.render('page.njk', { who }));
  assert.deepEqual(expected, ['Hello Ann / Hello again', 'Hello Bob / Hello again', 'Hello Cy / Hello again']);
  assert.equal(before.loads(), 6, 'plain nunjucks runs the macro file for each import of each render');

  keepImportedMacros();
  const after = environment();
  assert.deepEqual(['Ann', 'Bob', 'Cy'].map((who) => after.env.render('page.njk', { who })), expected);
  assert.equal(after.loads(), 1);
});

test('with context, each render sees its own variables', () => {
  keepImportedMacros();
  const { env } = environment();
  assert.equal(env.render('page-with-context.njk', { who: 'Ann' }), 'Hi Ann');
  assert.equal(env.render('page-with-context.njk', { who: 'Bob' }), 'Hi Bob');
});
