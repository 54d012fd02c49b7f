/**
 * The forms that add to a person's case (a detention, a duty, a contact, a residence, a GP registration,
 * an allocation) and that end a duty or an allocation. Each: GET shows the form under the identity bar;
 * POST saves and returns to the section, or shows the error summary (nothing written), or — for a stale
 * hidden `version` — the conflict page with what is saved now and what the user tried to save.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { todayInLondon } from '../../domain/calendar/civil-date.ts';
import { ConflictError, NotFoundError, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { conflictRows } from '../../platform/http/conflict-rows.ts';
import { serviceContext } from '../../platform/http/request-context.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Permission } from '../../platform/permissions.ts';
import type { PersonCaseDto } from './api-schemas.ts';
import { registerPaths, registerRoutes, type PersonSection } from './paths.ts';
import type { RegisterService } from './service.ts';
import { identityBar } from './view-shaping/case-view.ts';
import { formatCivilDate, formatNhsNumber, readableRecord } from './view-shaping/format.ts';
import * as forms from './view-shaping/form-inputs.ts';
import { datePartsOf, formErrors, type FormBody } from './view-shaping/forms.ts';
import * as choices from './view-shaping/options.ts';

type Params = Record<string, string> & { personId: string };
type Organisation = { id: string; name: string; kind: string };
/** The register-wide lists a form may offer: every organisation, and the workers of the user's organisation. */
interface Lists {
  organisations: Organisation[];
  workers: { id: string; name: string }[];
}

interface RecordFormSpec {
  url: string;
  permission: Permission;
  template: string;
  title: string;
  returnTo: PersonSection;
  form: { dateFields: string[]; toInput: (body: FormBody) => unknown; fieldFor?: (path: string) => string };
  needs?: ('organisations' | 'workers')[];
  /** The select and radio items, with the user's answers kept. */
  options?: (view: PersonCaseDto, values: FormBody, lists: Lists) => Record<string, unknown>;
  /** Values a GET starts from (the hidden version of the record being changed) and what the page says about it. */
  initial?: (view: PersonCaseDto, params: Params) => { values: FormBody; locals?: Record<string, unknown> };
  submitText?: string;
  submit: (register: RegisterService, ctx: ServiceContext, params: Params, input: unknown) => Promise<unknown>;
}

export function registerRecordFormRoutes(app: FastifyInstance, services: { register: RegisterService }): void {
  const { register } = services;

  for (const spec of recordForms) {
    const render = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, values: FormBody | null, issues: ValidationIssue[] = []) => {
      const ctx = serviceContext(request);
      const view = await register.getCase(ctx, request.params.personId);
      const start = spec.initial?.(view, request.params) ?? { values: {} };
      const shown = values ?? start.values;
      const lists: Lists = {
        organisations: spec.needs?.includes('organisations') ? await register.listOrganisations(ctx) : [],
        workers: spec.needs?.includes('workers') ? await register.listWorkers(ctx) : [],
      };
      return reply.code(issues.length ? 400 : 200).view(spec.template, {
        ...start.locals,
        identity: identityBar(view, todayInLondon(ctx.now)),
        formTitle: spec.title,
        submitText: spec.submitText,
        backHref: registerPaths.people.section(request.params.personId, spec.returnTo),
        values: shown,
        options: spec.options?.(view, shown, lists) ?? {},
        ...formErrors(issues, spec.form.dateFields, spec.form.fieldFor),
      });
    };

    app.get<{ Params: Params }>(spec.url, { config: { permission: spec.permission, audit: 'case.view' } }, (request, reply) => render(request, reply, null));

    app.post<{ Params: Params; Body: FormBody }>(spec.url, { config: { permission: spec.permission } }, async (request, reply) => {
      const body = request.body ?? {};
      const ctx = serviceContext(request);
      try {
        await spec.submit(register, ctx, request.params, spec.form.toInput(body));
        return reply.redirect(registerPaths.people.section(request.params.personId, spec.returnTo), 303);
      } catch (error) {
        if (error instanceof ValidationError) return render(request, reply, body, error.issues);
        if (error instanceof ConflictError) {
          return reply.code(409).view('errors/conflict.njk', { rows: conflictRows(readableRecord(error.current), readableRecord(error.attempted)), returnTo: request.url });
        }
        throw error;
      }
    });
  }
}

function organisationOptions(organisations: Organisation[], values: FormBody, optional: boolean) {
  const placeholder = optional ? 'Not known' : 'Select an organisation';
  return {
    councils: choices.selectItems(choices.organisationChoices(organisations, ['local_authority']), values.localAuthorityId, placeholder),
    healthBodies: choices.selectItems(choices.organisationChoices(organisations, ['icb', 'lhb']), values.healthBodyId, placeholder),
  };
}

function findOrThrow<T extends { id: string }>(list: T[], id: string | undefined): T {
  const found = list.find((item) => item.id === id);
  if (!found) throw new NotFoundError('No such record');
  return found;
}

export const recordForms: RecordFormSpec[] = [
  {
    url: registerRoutes.edit,
    permission: 'case:write',
    template: 'register/views/forms/person.njk',
    title: 'Change personal details',
    returnTo: 'overview',
    form: forms.personEditForm,
    initial: (view) => {
      const p = view.person;
      const dob = datePartsOf(p.dateOfBirth);
      return {
        values: {
          version: String(p.version),
          givenName: p.givenName,
          familyName: p.familyName,
          nhsNumber: p.nhsNumber ? formatNhsNumber(p.nhsNumber) : '',
          'dateOfBirth-day': dob.day,
          'dateOfBirth-month': dob.month,
          'dateOfBirth-year': dob.year,
          address: p.address?.join('\n') ?? '',
          phone: p.phone ?? '',
          email: p.email ?? '',
          communicationNeeds: p.communicationNeeds?.join('\n') ?? '',
        },
      };
    },
    submit: (register, ctx, params, input) => register.updatePerson(ctx, params.personId, input),
  },
  {
    url: registerRoutes.newDetention,
    permission: 'case:write',
    template: 'register/views/forms/detention.njk',
    title: 'Add a detention',
    returnTo: 'duties',
    form: forms.detentionForm,
    options: (_view, values) => ({ sections: choices.selectItems(choices.sectionChoices, values.section, 'Select a section') }),
    submit: (register, ctx, params, input) => register.addDetention(ctx, params.personId, input),
  },
  {
    url: registerRoutes.newDuty,
    permission: 'case:write',
    template: 'register/views/forms/duty.njk',
    title: 'Add a section 117 duty',
    returnTo: 'duties',
    form: forms.dutyForm,
    needs: ['organisations'],
    options: (view, values, lists) => ({
      detentions: choices.selectItems(choices.detentionChoices(view.detentions), values.detentionId, 'Select a detention'),
      ...organisationOptions(lists.organisations, values, false),
    }),
    submit: (register, ctx, params, input) => register.addDuty(ctx, params.personId, input),
  },
  {
    url: registerRoutes.endDuty,
    permission: 'case:write',
    template: 'register/views/forms/end-duty.njk',
    title: 'End a section 117 duty',
    returnTo: 'duties',
    form: forms.endDutyForm,
    initial: (view, params) => {
      const duty = findOrThrow(view.duties, params.dutyId);
      return { values: { version: String(duty.version) }, locals: { dutyDescription: `The duty from ${formatCivilDate(duty.start)}.` } };
    },
    options: (_view, values) => ({ endReasons: choices.radioItems(choices.endReasonChoices, values.endReason) }),
    submit: (register, ctx, params, input) => register.endDuty(ctx, params.personId, params.dutyId ?? '', input),
  },
  {
    url: registerRoutes.newContact,
    permission: 'case:write',
    template: 'register/views/forms/contact.njk',
    title: 'Add a contact',
    returnTo: 'contacts',
    form: forms.contactForm,
    options: (_view, values) => ({
      roles: choices.selectItems(choices.contactRoleChoices, values.role, 'Select a role'),
      actsForPerson: choices.radioItems(choices.yesNoChoices, values.actsForPerson),
      consent: choices.radioItems([...choices.yesNoChoices, { value: 'unknown', text: 'Not asked yet' }], values.consent),
    }),
    submit: (register, ctx, params, input) => register.addContact(ctx, params.personId, input),
  },
  {
    url: registerRoutes.newResidence,
    permission: 'case:write',
    template: 'register/views/forms/residence.njk',
    title: 'Add a residence',
    returnTo: 'residence',
    form: forms.residenceForm,
    needs: ['organisations'],
    options: (_view, values, lists) => ({
      kinds: choices.selectItems(choices.residenceKindChoices, values.kind, 'Select the kind of residence'),
      nations: choices.selectItems(choices.nationChoices, values.nation ?? 'england', 'Select a nation'),
      ordinarilyResident: choices.radioItems(choices.ordinarilyResidentChoices, values.ordinarilyResident),
      ...organisationOptions(lists.organisations, values, true),
    }),
    submit: (register, ctx, params, input) => register.addResidence(ctx, params.personId, input),
  },
  {
    url: registerRoutes.newGpRegistration,
    permission: 'case:write',
    template: 'register/views/forms/gp-registration.njk',
    title: 'Add a GP registration',
    returnTo: 'residence',
    form: forms.gpRegistrationForm,
    needs: ['organisations'],
    options: (_view, values, lists) => organisationOptions(lists.organisations, values, false),
    submit: (register, ctx, params, input) => register.addGpRegistration(ctx, params.personId, input),
  },
  {
    url: registerRoutes.newAllocation,
    permission: 'case:allocate',
    template: 'register/views/forms/allocation.njk',
    title: 'Allocate a worker',
    returnTo: 'allocation',
    form: forms.allocationForm,
    needs: ['workers'],
    options: (view, values, lists) => ({
      duties: choices.selectItems(choices.dutyChoices(view.duties), values.dutyId, 'Select a duty'),
      workers: choices.selectItems(lists.workers.map((w) => ({ value: w.id, text: w.name })), values.staffId, 'Select a worker'),
    }),
    submit: (register, ctx, params, input) => register.allocateWorker(ctx, params.personId, input),
  },
  {
    url: registerRoutes.endAllocation,
    permission: 'case:allocate',
    template: 'register/views/forms/end-allocation.njk',
    title: 'End an allocation',
    returnTo: 'allocation',
    form: forms.endAllocationForm,
    initial: (view, params) => {
      const allocation = findOrThrow(view.allocations, params.allocationId);
      const worker = view.staff.find((s) => s.id === allocation.staffId)?.name ?? allocation.staffId;
      return {
        values: { version: String(allocation.version) },
        locals: { allocationDescription: `${worker}, allocated from ${formatCivilDate(allocation.from)}.` },
      };
    },
    submit: (register, ctx, params, input) => register.endAllocation(ctx, params.personId, params.allocationId ?? '', input),
  },
  {
    url: registerRoutes.newShare,
    permission: 'case:write',
    template: 'register/views/forms/share.njk',
    title: 'Share this case',
    submitText: 'Share case',
    returnTo: 'overview',
    form: forms.shareForm,
    needs: ['organisations'],
    options: (view, values, lists) => {
      const already = new Set([...view.sharedWith, view.person.createdByOrganisationId]);
      const candidates = lists.organisations.filter((o) => !already.has(o.id));
      return { organisations: choices.selectItems(choices.organisationChoices(candidates, ['local_authority', 'icb', 'lhb', 'nhs_trust']), values.organisationId, 'Select an organisation') };
    },
    submit: (register, ctx, params, input) => register.shareCase(ctx, params.personId, input),
  },
];
