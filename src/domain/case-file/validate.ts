/**
 * Validates a case file (`../shared/contracts/case-file.md`): the strict zod schema first, then the checks
 * the schema cannot express — unique ids, references that resolve to the right kind of record, periods
 * that do not run backwards, residences that do not overlap, care-plan agreement dates. Every error found
 * is reported, each with its JSON path. When the schema fails, the cross-reference checks still run,
 * defensively, over whatever parts of the file have the right shape, and report what the schema did not.
 */
import type { z } from 'zod';
import { caseFileSchema, type CaseFile } from './schema.ts';
import { isCivilDate } from '../calendar/civil-date.ts';
import { forEachIn, formatPath } from './paths.ts';
import { collectIds, describeKind, type IdKind, type IdIndex } from './id-index.ts';
import { checkLoops, checkResidenceOverlaps } from './sequence-checks.ts';

export interface ValidationIssue {
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; caseFile: CaseFile } | { ok: false; errors: ValidationIssue[] };

export function validateCaseFile(input: unknown): ValidationResult {
  const parsed = caseFileSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    const errors = schemaIssues(parsed.error.issues);
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, errors };
    // Only what the schema has not already said about the same field (or a field inside it).
    const reported = errors.map((e) => e.path);
    const covered = (path: string) => reported.some((r) => path === r || path.startsWith(`${r}.`) || path.startsWith(`${r}[`));
    const more = crossReferenceIssues(input as CaseFile).filter((e) => !covered(e.path));
    return { ok: false, errors: [...errors, ...more] };
  }
  const errors = crossReferenceIssues(parsed.data);
  return errors.length === 0 ? { ok: true, caseFile: parsed.data } : { ok: false, errors };
}

function schemaIssues(issues: readonly z.core.$ZodIssue[]): ValidationIssue[] {
  const errors: ValidationIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({ path: formatPath([...issue.path, key]), message: 'is not a field of this record (extra data belongs in "ext")' });
      }
    } else if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined && issue.path.length > 0) {
      errors.push({ path: formatPath(issue.path), message: 'is required' });
    } else {
      errors.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  return errors;
}

/**
 * The checks beyond the schema. Typed for a valid file, but safe on any object: a part of the wrong shape
 * is skipped (the schema reports it).
 */
export function crossReferenceIssues(file: CaseFile): ValidationIssue[] {
  const errors: ValidationIssue[] = [];
  const { ids, complete } = collectIds(file, errors);
  const check = referenceChecker(ids, complete, errors);
  const org = (value: string | undefined, path: string) => check(value, path, ['organisation']);
  const staffRef = (value: string | undefined, path: string) => check(value, path, ['staff']);
  const dutyRef = (value: string | undefined, path: string) => check(value, path, ['duty']);
  const party = (value: string | undefined, path: string) => check(value, path, ['person', 'contact', 'staff', 'organisation']);
  const period = periodChecker(errors);

  forEachIn(file.organisations, (o, i) => {
    org(o.successorId, `organisations[${i}].successorId`);
    period(o.validFrom, o.validTo, `organisations[${i}]`, 'validFrom', 'validTo');
  });
  forEachIn(file.staff, (s, i) => org(s.organisationId, `staff[${i}].organisationId`));
  forEachIn(file.contacts, (c, i) => org(c.organisationId, `contacts[${i}].organisationId`));
  forEachIn(file.detentions, (d, i) => {
    const at = `detentions[${i}]`;
    check(d.continuesFrom, `${at}.continuesFrom`, ['detention']);
    period(d.start, d.end, at, 'start', 'end');
    period(d.start, d.leftHospital, at, 'start', 'leftHospital');
    forEachIn(d.leave, (l, j) => period(l.from, l.to, `${at}.leave[${j}]`, 'from', 'to'));
  });
  forEachIn(file.ctos, (c, i) => {
    check(c.detentionId, `ctos[${i}].detentionId`, ['detention']);
    period(c.start, c.end, `ctos[${i}]`, 'start', 'end');
  });
  forEachIn(file.residences, (r, i) => {
    const at = `residences[${i}]`;
    org(r.localAuthorityId, `${at}.localAuthorityId`);
    org(r.healthBodyId, `${at}.healthBodyId`);
    org(r.placedById, `${at}.placedById`);
    period(r.from, r.to, at, 'from', 'to');
  });
  checkResidenceOverlaps(file, errors);
  checkLoops(file.detentions, 'detentions', 'continuesFrom', (d) => d.continuesFrom, errors);
  checkLoops(file.panelRequests, 'panelRequests', 'resubmissionOf', (p) => p.resubmissionOf, errors);
  checkLoops(file.organisations, 'organisations', 'successorId', (o) => o.successorId, errors);
  forEachIn(file.gpRegistrations, (g, i) => {
    org(g.healthBodyId, `gpRegistrations[${i}].healthBodyId`);
    period(g.from, g.to, `gpRegistrations[${i}]`, 'from', 'to');
  });
  forEachIn(file.duties, (d, i) => {
    const at = `duties[${i}]`;
    check(d.detentionId, `${at}.detentionId`, ['detention']);
    org(d.localAuthorityId, `${at}.localAuthorityId`);
    org(d.healthBodyId, `${at}.healthBodyId`);
    period(d.start, d.end, at, 'start', 'end');
    staffRef(d.ending?.localAuthoritySignOff?.staffId, `${at}.ending.localAuthoritySignOff.staffId`);
    staffRef(d.ending?.healthBodySignOff?.staffId, `${at}.ending.healthBodySignOff.staffId`);
    check(d.ending?.reviewMeetingId, `${at}.ending.reviewMeetingId`, ['meeting']);
  });
  forEachIn(file.disputes, (d, i) => {
    const at = `disputes[${i}]`;
    dutyRef(d.dutyId, `${at}.dutyId`);
    org(d.withOrganisationId, `${at}.withOrganisationId`);
    org(d.leadOrganisationId, `${at}.leadOrganisationId`);
    period(d.openedOn, d.referredOn, at, 'openedOn', 'referredOn');
    period(d.openedOn, d.resolvedOn, at, 'openedOn', 'resolvedOn');
  });
  forEachIn(file.allocations, (a, i) => {
    dutyRef(a.dutyId, `allocations[${i}].dutyId`);
    staffRef(a.staffId, `allocations[${i}].staffId`);
    period(a.from, a.to, `allocations[${i}]`, 'from', 'to');
  });
  forEachIn(file.carePlans, (p, i) => {
    const at = `carePlans[${i}]`;
    dutyRef(p.dutyId, `${at}.dutyId`);
    if (p.status === 'draft' && p.agreedOn !== undefined) errors.push({ path: `${at}.agreedOn`, message: 'a draft care plan has not been agreed, so it has no agreedOn' });
    if ((p.status === 'agreed' || p.status === 'superseded') && p.agreedOn === undefined) errors.push({ path: `${at}.agreedOn`, message: `is required for a care plan with status "${p.status}"` });
  });
  forEachIn(file.services, (s, i) => {
    const at = `services[${i}]`;
    dutyRef(s.dutyId, `${at}.dutyId`);
    forEachIn(s.needIds, (needId, j) => check(needId, `${at}.needIds[${j}]`, ['need']));
    org(s.providerId, `${at}.providerId`);
    period(s.start, s.end, at, 'start', 'end');
    forEachIn(s.funding, (f, j) => {
      check(f.panelRequestId, `${at}.funding[${j}].panelRequestId`, ['panelRequest']);
      period(f.from, f.to, `${at}.funding[${j}]`, 'from', 'to');
    });
    if (s.topUp) {
      party(s.topUp.payer, `${at}.topUp.payer`);
      period(s.topUp.from, s.topUp.to, `${at}.topUp`, 'from', 'to');
    }
  });
  forEachIn(file.charges, (c, i) => {
    check(c.serviceId, `charges[${i}].serviceId`, ['service']);
    party(c.payer, `charges[${i}].payer`);
    period(c.from, c.to, `charges[${i}]`, 'from', 'to');
  });
  forEachIn(file.paymentOffers, (o, i) => dutyRef(o.dutyId, `paymentOffers[${i}].dutyId`));
  forEachIn(file.panelRequests, (p, i) => {
    dutyRef(p.dutyId, `panelRequests[${i}].dutyId`);
    org(p.providerId, `panelRequests[${i}].providerId`);
    check(p.resubmissionOf, `panelRequests[${i}].resubmissionOf`, ['panelRequest']);
  });
  forEachIn(file.placementSearches, (p, i) => {
    dutyRef(p.dutyId, `placementSearches[${i}].dutyId`);
    org(p.providerId, `placementSearches[${i}].providerId`);
  });
  forEachIn(file.meetings, (m, i) => {
    dutyRef(m.dutyId, `meetings[${i}].dutyId`);
    forEachIn(m.invited, (who, j) => party(who, `meetings[${i}].invited[${j}]`));
    forEachIn(m.attended, (who, j) => party(who, `meetings[${i}].attended[${j}]`));
  });
  forEachIn(file.decisions, (d, i) => {
    check(d.meetingId, `decisions[${i}].meetingId`, ['meeting']);
    dutyRef(d.dutyId, `decisions[${i}].dutyId`);
  });
  forEachIn(file.actions, (a, i) => {
    party(a.ownerId, `actions[${i}].ownerId`);
    check(a.meetingId, `actions[${i}].meetingId`, ['meeting']);
    check(a.decisionId, `actions[${i}].decisionId`, ['decision']);
    check(a.complaintId, `actions[${i}].complaintId`, ['complaint']);
  });
  forEachIn(file.communicationPlans, (p, i) => {
    check(p.viaContactId, `communicationPlans[${i}].viaContactId`, ['contact']);
    check(p.decisionId, `communicationPlans[${i}].decisionId`, ['decision']);
    period(p.from, p.to, `communicationPlans[${i}]`, 'from', 'to');
  });
  forEachIn(file.communications, (c, i) => {
    const at = `communications[${i}]`;
    forEachIn(c.with, (who, j) => party(who, `${at}.with[${j}]`));
    staffRef(c.staffId, `${at}.staffId`);
    forEachIn(c.aboutDecisionIds, (d, j) => check(d, `${at}.aboutDecisionIds[${j}]`, ['decision']));
    forEachIn(c.aboutCarePlanIds, (p, j) => check(p, `${at}.aboutCarePlanIds[${j}]`, ['carePlan']));
  });
  forEachIn(file.appointments, (a, i) => {
    staffRef(a.staffId, `appointments[${i}].staffId`);
    forEachIn(a.with, (who, j) => party(who, `appointments[${i}].with[${j}]`));
  });
  forEachIn(file.complaints, (c, i) => {
    party(c.complainant, `complaints[${i}].complainant`);
    forEachIn(c.organisationIds, (o, j) => org(o, `complaints[${i}].organisationIds[${j}]`));
    org(c.leadOrganisationId, `complaints[${i}].leadOrganisationId`);
  });
  forEachIn(file.ombudsmanCases, (o, i) => {
    check(o.complaintId, `ombudsmanCases[${i}].complaintId`, ['complaint']);
    forEachIn(o.remedies, (r, j) => party(r.ownerId, `ombudsmanCases[${i}].remedies[${j}].ownerId`));
  });
  return errors;
}

function referenceChecker(index: IdIndex, complete: boolean, errors: ValidationIssue[]) {
  return (value: string | undefined, path: string, kinds: readonly IdKind[]): void => {
    if (typeof value !== 'string') return;
    // "person" always means the person (a Ref), whatever the person's own id is.
    if (value === 'person' && kinds.includes('person')) return;
    const target = index.get(value);
    if (target && kinds.includes(target.kind)) return; // the common case: worded only for an error
    const wanted = kinds.map(describeKind).join(' or ');
    if (!target) {
      if (complete) errors.push({ path, message: `"${value}" does not match any record in the file (expected ${wanted})` });
    } else if (!kinds.includes(target.kind)) {
      errors.push({ path, message: `"${value}" is ${describeKind(target.kind)} (${target.path}), expected ${wanted}` });
    }
  };
}

function periodChecker(errors: ValidationIssue[]) {
  return (start: string | undefined, end: string | undefined, at: string, startName: string, endName: string): void => {
    if (isCivilDate(start) && isCivilDate(end) && end < start) {
      errors.push({ path: `${at}.${endName}`, message: `${end} is before ${startName} ${start}` });
    }
  };
}
