/**
 * Between HTML forms and the service: GOV.UK date inputs (day, month, year) to civil dates and back,
 * checkbox and radio values, and validation issues to the error summary and inline messages. A date field's
 * summary link goes to its day box, as the GOV.UK error summary pattern asks.
 */
import type { ValidationIssue } from '../../../platform/errors.ts';
import { fieldId } from '../../../platform/http/form-errors.ts';

export type FormBody = Record<string, unknown>;

export function textField(body: FormBody, name: string): string | undefined {
  const value = body[name];
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
}

/**
 * The civil date a GOV.UK date input holds: undefined when all three boxes are empty; otherwise the
 * date as typed, which the service then checks (so "31 2 2024" is reported as not a real date).
 */
export function dateField(body: FormBody, name: string): string | undefined {
  const day = textField(body, `${name}-day`);
  const month = textField(body, `${name}-month`);
  const year = textField(body, `${name}-year`);
  if (!day && !month && !year) return undefined;
  if (!day || !month || !year || !/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return `${year ?? ''}-${month ?? ''}-${day ?? ''}!`;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** What to put back in a date input: the boxes as the user typed them. */
export function dateInputValues(body: FormBody, name: string): { day: string; month: string; year: string } {
  return { day: textField(body, `${name}-day`) ?? '', month: textField(body, `${name}-month`) ?? '', year: textField(body, `${name}-year`) ?? '' };
}

/** A stored civil date as the three boxes of a date input. */
export function datePartsOf(value: string | undefined): { day: string; month: string; year: string } {
  if (!value) return { day: '', month: '', year: '' };
  return { day: String(Number(value.slice(8, 10))), month: String(Number(value.slice(5, 7))), year: value.slice(0, 4) };
}

export function yesNoField(body: FormBody, name: string): boolean | undefined {
  const value = textField(body, name);
  return value === 'yes' ? true : value === 'no' ? false : undefined;
}

/** Lines of a textarea (an address), blank lines dropped; undefined when there are none. */
export function linesField(body: FormBody, name: string): string[] | undefined {
  const value = textField(body, name);
  const lines = value?.split(/\r?\n/).map((line) => line.trim()).filter(Boolean) ?? [];
  return lines.length ? lines : undefined;
}

export interface FormErrors {
  errors: { text: string; href: string }[];
  fieldErrors: Record<string, { text: string }>;
}

/**
 * The error summary (each linking to its field) and the inline message per field. Nested paths such as
 * `consent.date` are shown against their form field (`consentDate`) through `fieldFor`.
 */
export function formErrors(issues: readonly ValidationIssue[], dateFields: readonly string[] = [], fieldFor: (path: string) => string = (p) => p): FormErrors {
  const fieldErrors: Record<string, { text: string }> = {};
  const errors: FormErrors['errors'] = [];
  for (const issue of issues) {
    const field = fieldFor(issue.path);
    if (fieldErrors[field]) continue;
    fieldErrors[field] = { text: issue.message };
    errors.push({ text: issue.message, href: `#${fieldId(field)}${dateFields.includes(field) ? '-day' : ''}` });
  }
  return { errors, fieldErrors };
}
