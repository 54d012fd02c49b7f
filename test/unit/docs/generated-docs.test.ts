import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generatedDocs, renderCaseFileJsonSchema, renderRulesMarkdown } from '../../../scripts/generate-docs.ts';
import { lawRuleCatalogue } from '../../../src/domain/rules/law-rule-catalogue.ts';
import { alertCatalogue } from '../../../src/domain/rules/alerts/index.ts';

const regenerate = 'run `npm run docs:generate` and commit the result';

test('docs/case-file.schema.json is up to date with the zod schema', () => {
  assert.equal(readFileSync(generatedDocs.schema, 'utf8'), renderCaseFileJsonSchema(), regenerate);
});

test('docs/rules.md is up to date with the law rules and the alert catalogue', () => {
  assert.equal(readFileSync(generatedDocs.rules, 'utf8'), renderRulesMarkdown(), regenerate);
});

test('the JSON Schema rejects unknown fields and describes civil dates', () => {
  const schema = JSON.parse(renderCaseFileJsonSchema()) as {
    additionalProperties: boolean;
    required: string[];
    properties: { duties: { items: { properties: { start: { format: string; pattern: string } }; additionalProperties: boolean } } };
  };
  assert.equal(schema.additionalProperties, false);
  assert.ok(schema.required.includes('person'));
  assert.equal(schema.properties.duties.items.additionalProperties, false);
  assert.equal(schema.properties.duties.items.properties.start.format, 'date');
});

test('docs/rules.md lists every law rule and every alert', () => {
  const markdown = renderRulesMarkdown();
  for (const rule of lawRuleCatalogue) assert.ok(markdown.includes(`| \`${rule.id}\` |`), rule.id);
  for (const alert of alertCatalogue) assert.ok(markdown.includes(`| \`${alert.id}\` | ${alert.severity} |`), alert.id);
});
