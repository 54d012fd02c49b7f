/**
 * The choices the complaints forms offer, as GOV.UK radio, checkbox and select items with the user's
 * answers kept. Codes come from the schemas, so a form never offers a value the record cannot hold.
 */
import { remedyKinds } from '../../../domain/case-file/schema.ts';
import type { FormBody } from '../../register/view-shaping/forms.ts';
import { radioItems, selectItems, type Choice } from '../../register/view-shaping/options.ts';
import type { PersonCaseDto } from '../../register/api-schemas.ts';
import { dueWithins, findings, ombudsmanBodies, procedures } from '../api-schemas.ts';
import { bodyLabels, dateText, dueWithinLabels, findingLabels, procedureLabels, remedyKindLabels } from './labels.ts';

export { radioItems, selectItems };

export const yesNo: Choice[] = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
];

interface Data {
  view: PersonCaseDto;
  complaints: { complaints: { complaint: { id: string; receivedOn: string } }[] };
  organisations: { id: string; name: string; kind: string }[];
  workers: { id: string; name: string }[];
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);

export function checkboxItems(choices: readonly Choice[], checked: unknown) {
  const set = new Set(asList(checked));
  return choices.map((c) => ({ ...c, checked: set.has(c.value) }));
}

/** The bodies a complaint can be about: the council and health bodies of the person's duties first. */
function bodyChoices(data: Data): Choice[] {
  const onDuties = new Set(data.view.duties.flatMap((d) => [d.localAuthorityId, d.healthBodyId]));
  const bodies = data.organisations.filter((o) => ['local_authority', 'icb', 'lhb', 'nhs_trust'].includes(o.kind));
  return [...bodies.filter((o) => onDuties.has(o.id)), ...bodies.filter((o) => !onDuties.has(o.id))].map((o) => ({ value: o.id, text: o.name }));
}

export function complaintOptions(data: Data, values: FormBody) {
  const person = `${data.view.person.givenName} ${data.view.person.familyName}`;
  const complainants: Choice[] = [
    { value: 'person', text: `${person} (the person)` },
    ...data.view.contacts.filter((c) => c.actsForPerson).map((c) => ({ value: c.id, text: `${c.name} (${c.role.replace(/_/g, ' ')})` })),
  ];
  const bodies = bodyChoices(data);
  return {
    complainants: radioItems(complainants, values.complainant),
    bodies: checkboxItems(bodies, values.organisationIds),
    leads: selectItems(bodies, values.leadOrganisationId, 'Only one body'),
    procedures: procedures.map((p) => ({ value: p, text: procedureLabels[p] ?? p, checked: values.procedure === p })),
    stages: radioItems([{ value: '1', text: 'Stage 1' }, { value: '2', text: 'Stage 2' }], values.corporateStage),
  };
}

export function ombudsmanCaseOptions(data: Data, values: FormBody) {
  return {
    bodies: radioItems(ombudsmanBodies.map((b) => ({ value: b, text: bodyLabels[b] ?? b })), values.body),
    complaints: selectItems(data.complaints.complaints.map(({ complaint }) => ({ value: complaint.id, text: `Complaint received ${dateText(complaint.receivedOn)}` })), values.complaintId, 'Not linked to a complaint'),
    findings: checkboxItems(findings.map((f) => ({ value: f, text: findingLabels[f] ?? f })), values.findings),
  };
}

export function remedyOptions(data: Data, values: FormBody) {
  const owners: Choice[] = [
    ...data.workers.map((w) => ({ value: w.id, text: w.name })),
    ...data.organisations.filter((o) => ['local_authority', 'icb', 'lhb', 'nhs_trust'].includes(o.kind)).map((o) => ({ value: o.id, text: o.name })),
  ];
  return {
    kinds: selectItems(remedyKinds.map((k) => ({ value: k, text: remedyKindLabels[k] ?? k })), values.kind, 'Select the kind of action'),
    dueWithins: selectItems(dueWithins.map((d) => ({ value: d, text: dueWithinLabels[d] ?? d })), values.dueWithin, 'The usual time (1 month; 3 for a service improvement)'),
    owners: selectItems(owners, values.ownerId, 'Not assigned yet'),
  };
}
