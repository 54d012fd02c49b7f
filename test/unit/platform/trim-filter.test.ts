import { test } from 'node:test';
import assert from 'node:assert/strict';
import nunjucks from 'nunjucks';
import { linearTrim } from '../../../src/platform/views/trim-filter.ts';

const nunjucksTrim = new nunjucks.Environment().getFilter('trim') as (value: unknown) => unknown;
const trim = linearTrim(nunjucksTrim);

/** Every character JavaScript's `\s` matches, and some it does not (zero-width space, NEL). */
const WHITE = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const NOT_WHITE = '\u200b\u0085\u180e';

const markup = `\n    <header class="govuk-template__header">\n${'      <nav>\n        <a href="/">Home</a>\n      </nav>\n'.repeat(200)}    </header>\n  `;
const samples = ['', ' ', 'x', ' x ', `${WHITE}x${WHITE}`, `${NOT_WHITE}x${NOT_WHITE}`, `${WHITE}${NOT_WHITE}${WHITE}`, `a${WHITE}b`, WHITE, markup];

test('trim removes exactly what nunjucks’ own trim removes, from strings and from safe strings', () => {
  for (const sample of samples) {
    assert.equal(trim(sample), nunjucksTrim(sample), JSON.stringify(sample.slice(0, 40)));
    const safe = trim(new nunjucks.runtime.SafeString(sample));
    const expected = nunjucksTrim(new nunjucks.runtime.SafeString(sample));
    assert.ok(safe instanceof nunjucks.runtime.SafeString && expected instanceof nunjucks.runtime.SafeString, 'a safe string stays safe');
    assert.equal(String(safe), String(expected));
  }
});

test('any other value is left to nunjucks’ own trim (same result, same error)', () => {
  for (const value of [undefined, null, 42, {}, []]) {
    let ours: unknown, theirs: unknown;
    try {
      ours = trim(value);
    } catch (error) {
      ours = `threw ${(error as Error).constructor.name}`;
    }
    try {
      theirs = nunjucksTrim(value);
    } catch (error) {
      theirs = `threw ${(error as Error).constructor.name}`;
    }
    assert.deepEqual(ours, theirs, String(value));
  }
});

test('a template renders the same with either trim, escaping included', () => {
  const theirs = new nunjucks.Environment(null, { autoescape: true });
  const ours = new nunjucks.Environment(null, { autoescape: true });
  ours.addFilter('trim', trim);
  const template = '{% macro box() %}[{{ caller() | trim }}]{% endmacro %}{% call box() %}  <b>{{ name }}</b>  {% endcall %}|{{ name | trim }}|';
  for (const name of ['  <i>Ada</i>  ', WHITE, '']) assert.equal(ours.renderString(template, { name }), theirs.renderString(template, { name }));
});
