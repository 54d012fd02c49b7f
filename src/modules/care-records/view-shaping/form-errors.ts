/**
 * Validation issues as the error summary and inline messages. Unlike a plain form, a refused rule can give
 * several reasons against one field (an ending refused for a CTO, two improper grounds and a missing
 * review): the summary lists every reason, each linking to the field on the page it concerns.
 */
import type { ValidationIssue } from '../../../platform/errors.ts';
import { fieldId } from '../../../platform/http/form-errors.ts';

export interface FormErrors {
  errors: { text: string; href: string }[];
  fieldErrors: Record<string, { text: string }>;
}

export function everyError(issues: readonly ValidationIssue[], dateFields: readonly string[] = [], fieldFor: (path: string) => string = (path) => path): FormErrors {
  const fieldErrors: Record<string, { text: string }> = {};
  const errors: FormErrors['errors'] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const field = fieldFor(issue.path);
    if (seen.has(`${field}\n${issue.message}`)) continue;
    seen.add(`${field}\n${issue.message}`);
    fieldErrors[field] ??= { text: issue.message };
    errors.push({ text: issue.message, href: `#${fieldId(field)}${dateFields.includes(field) ? '-day' : ''}` });
  }
  return { errors, fieldErrors };
}
