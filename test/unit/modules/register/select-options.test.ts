/**
 * The register filter's selects render their options in view-shaping (selectOptionsHtml) instead of through
 * GOV.UK's govukSelect macro (~4 ms a page for 240 organisations): the markup must be the macro's own.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import nunjucks from 'nunjucks';
import { viewSearchPath } from '../../../../src/platform/http/setup-views.ts';
import { selectItems, selectOptionsHtml } from '../../../../src/modules/register/view-shaping/options.ts';

const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([...viewSearchPath]), { autoescape: true });
const withoutLayout = (html: string) => html.replace(/>\s+</g, '><').replace(/>\s+/g, '>').replace(/\s+</g, '<').trim();

test("selectOptionsHtml gives the options GOV.UK's select macro renders: escaped, the answer selected", () => {
  const choices = [
    { value: 'org-1', text: 'Worcestershire County Council' },
    { value: 'a&b"<c>\'', text: `Tom & Jerry's "Council" <ICB>` },
    { value: 'org-3', text: 'Ynys Môn' },
  ];
  for (const selected of [undefined, 'org-1', 'a&b"<c>\'', 'not-there']) {
    const items = selectItems(choices, selected, 'Any organisation');
    const macro = env.renderString(
      `{% from "govuk/components/select/macro.njk" import govukSelect %}{{ govukSelect({ id: "organisation", name: "organisation", label: { text: "Responsible organisation", classes: "govuk-label--s" }, items: items }) }}`,
      { items },
    );
    const ours = `<div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="organisation">Responsible organisation</label><select class="govuk-select" id="organisation" name="organisation">${selectOptionsHtml(items)}</select></div>`;
    assert.equal(withoutLayout(ours), withoutLayout(macro), `selected ${selected}`);
  }
});
