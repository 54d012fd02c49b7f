/**
 * The choices register forms offer, as GOV.UK select and radio items with the user's answer kept selected.
 * Codes come from the case-file schema, so a form can never offer a value the record cannot hold.
 */
import { contactRoles, dutyEndReasons, residenceKinds, sections } from '../../../domain/case-file/schema.ts';
import { describeCode, formatCivilDate, sectionName } from './format.ts';

export interface Choice {
  value: string;
  text: string;
}

export function selectItems(choices: readonly Choice[], selected: unknown, placeholder: string) {
  return [{ value: '', text: placeholder }, ...choices.map((c) => ({ ...c, selected: c.value === selected }))];
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => htmlEscapes[c] ?? c);

/**
 * The `<option>` elements GOV.UK's select would render for these items, escaped, for a select with hundreds
 * of choices (the register filter's every council, ICB and health board): the govukSelect macro costs ~17 µs
 * an option (4 ms a page for 240), this ~0.1 µs. The template marks it safe inside GOV.UK's select markup.
 */
export function selectOptionsHtml(items: readonly { value: string; text: string; selected?: boolean }[]): string {
  let html = '';
  for (const item of items) html += `<option value="${escapeHtml(item.value)}"${item.selected ? ' selected' : ''}>${escapeHtml(item.text)}</option>`;
  return html;
}

export function radioItems(choices: readonly Choice[], checked: unknown) {
  return choices.map((c) => ({ ...c, checked: c.value === checked }));
}

export const sectionChoices: Choice[] = sections.map((s) => ({ value: s, text: sectionName(s) }));
export const contactRoleChoices: Choice[] = contactRoles.map((r) => ({ value: r, text: describeCode(r) }));
export const residenceKindChoices: Choice[] = residenceKinds.map((k) => ({ value: k, text: describeCode(k) }));
export const nationChoices: Choice[] = ['england', 'wales', 'scotland', 'northern_ireland', 'elsewhere'].map((n) => ({ value: n, text: describeCode(n) }));
export const endReasonChoices: Choice[] = dutyEndReasons.map((r) => ({
  value: r,
  text: { joint_decision: 'The council and health body decided together', redetained: 'The person was detained again', death: 'The person died', other: 'Another reason' }[r],
}));
export const yesNoChoices: Choice[] = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
];
export const ordinarilyResidentChoices: Choice[] = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
  { value: 'unknown', text: 'Not known yet' },
];

export function organisationChoices(organisations: readonly { id: string; name: string; kind: string }[], kinds: readonly string[]): Choice[] {
  return organisations.filter((o) => kinds.includes(o.kind)).map((o) => ({ value: o.id, text: o.name }));
}

export function detentionChoices(detentions: readonly { id: string; section: string; start: string }[]): Choice[] {
  return detentions.map((d) => ({ value: d.id, text: `${sectionName(d.section)} from ${formatCivilDate(d.start)}` }));
}

export function dutyChoices(duties: readonly { id: string; start: string }[]): Choice[] {
  return duties.map((d) => ({ value: d.id, text: `Section 117 duty from ${formatCivilDate(d.start)}` }));
}
