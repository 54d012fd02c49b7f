/**
 * The register's pages: the list of people, adding a person (one page, then check your answers), and a
 * person's case with its sections. Every route declares its permission, and case pages their audit.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { todayInLondon } from '../../domain/calendar/civil-date.ts';
import type { Organisation } from '../../domain/case-file/schema.ts';
import { organisationLabel } from '../../domain/interop/successor-display.ts';
import { ValidationError } from '../../platform/errors.ts';
import { serviceContext } from '../../platform/http/request-context.ts';
import { hasPermission } from '../../platform/permissions.ts';
import { registerQuery, type PersonCaseDto, type RegisterQuery } from './api-schemas.ts';
import { registerPaths, registerRoutes, type PersonSection } from './paths.ts';
import type { RegisterService } from './service.ts';
import * as caseView from './view-shaping/case-view.ts';
import { formatCivilDate, formatNhsNumber } from './view-shaping/format.ts';
import { personForm } from './view-shaping/form-inputs.ts';
import { formErrors, type FormBody } from './view-shaping/forms.ts';
import { radioItems, selectItems, selectOptionsHtml } from './view-shaping/options.ts';
import { registerListView } from './view-shaping/register-list.ts';

type PersonParams = { Params: { personId: string } };

/**
 * What another capability adds to the overview page (the app wires chronology's law summary here), shaped
 * from the case the page has already read: the overview reads the case once.
 */
export type OverviewExtras = (ctx: ReturnType<typeof serviceContext>, view: PersonCaseDto) => Record<string, unknown> | Promise<Record<string, unknown>>;

const sectionTemplates: Record<PersonSection, { template: string; title: string }> = {
  overview: { template: 'register/views/person-overview.njk', title: 'Overview' },
  duties: { template: 'register/views/person-duties.njk', title: 'Detentions and duties' },
  contacts: { template: 'register/views/person-contacts.njk', title: 'Contacts' },
  residence: { template: 'register/views/person-residence.njk', title: 'Residence and GP' },
  allocation: { template: 'register/views/person-allocation.njk', title: 'Allocation' },
};

export function registerPageRoutes(
  app: FastifyInstance,
  services: { register: RegisterService },
  personSections: readonly caseView.ExtraPersonSection[] = [],
  overviewExtras?: OverviewExtras,
): void {
  const { register } = services;

  app.get<{ Querystring: Record<string, string> }>(registerRoutes.list, { config: { permission: 'case:read' } }, async (request, reply) => {
    const ctx = serviceContext(request);
    const parsed = registerQuery.safeParse(request.query);
    // A hand-edited URL with a bad value shows the register with the defaults rather than an error page.
    let query: RegisterQuery = parsed.success ? parsed.data : registerQuery.parse({});
    // A page link whose cursor no longer fits (changed by hand, or from another sort) starts again at the first page.
    const firstPage = (error: unknown) => {
      if (!(error instanceof ValidationError)) throw error;
      query = { ...query, after: undefined, before: undefined, page: 1 };
      return register.listPeople(ctx, query);
    };
    const [page, organisations, workers] = await Promise.all([register.listPeople(ctx, query).catch(firstPage), register.listOrganisations(ctx), register.listWorkers(ctx)]);
    const byId = new Map(organisations.map((o) => [o.id, o as Organisation]));
    const today = todayInLondon(ctx.now);
    const names = { organisations: new Map(organisations.map((o) => [o.id, organisationLabel(o as Organisation, byId, today)])), workers: new Map(workers.map((w) => [w.id, w.name])) };
    const responsible = organisations.filter((o) => ['local_authority', 'icb', 'lhb'].includes(o.kind)).map((o) => ({ value: o.id, text: o.name }));
    return reply.view('register/views/list.njk', {
      list: registerListView(page, query, names),
      query,
      listHref: registerPaths.people.list(),
      newPersonHref: registerPaths.people.new(),
      canWrite: hasPermission(ctx.actor, 'case:write'),
      options: {
        organisations: selectOptionsHtml(selectItems(responsible, query.organisation, 'Any organisation')),
        workers: workers.length > 0 ? selectOptionsHtml(selectItems(workers.map((w) => ({ value: w.id, text: w.name })), query.worker, 'Anyone')) : '',
        statuses: radioItems(
          [
            { value: 'all', text: 'All' },
            { value: 'open', text: 'Open' },
            { value: 'ended', text: 'Ended' },
          ],
          query.status,
        ),
      },
    });
  });

  const renderNewPerson = (reply: FastifyReply, values: FormBody, issues: ValidationError['issues'] = []) =>
    reply.code(issues.length ? 400 : 200).view('register/views/new-person.njk', {
      values,
      ...formErrors(issues, personForm.dateFields),
      backHref: registerPaths.people.list(),
      formAction: registerPaths.people.new(),
    });

  app.get(registerRoutes.new, { config: { permission: 'case:write' } }, async (_request, reply) => renderNewPerson(reply, {}));

  // The form posts here: check the answers (nothing is written) and show them for confirmation.
  app.post<{ Body: FormBody; Querystring: { change?: string } }>(registerRoutes.new, { config: { permission: 'case:write' } }, async (request, reply) => {
    const body = request.body ?? {};
    if (request.query.change) return renderNewPerson(reply, body);
    try {
      const person = await register.checkNewPerson(serviceContext(request), personForm.toInput(body));
      const { _csrf: _token, ...hidden } = body;
      return reply.view('register/views/check-person.njk', {
        hidden,
        rows: [
          { key: 'NHS number', value: person.nhsNumber ? formatNhsNumber(person.nhsNumber) : 'Not recorded', field: 'nhsNumber' },
          { key: 'Given name', value: person.givenName, field: 'givenName' },
          { key: 'Family name', value: person.familyName, field: 'familyName' },
          { key: 'Date of birth', value: person.dateOfBirth ? formatCivilDate(person.dateOfBirth) : 'Not recorded', field: 'dateOfBirth' },
        ],
        createAction: registerPaths.people.check(),
        changeAction: registerPaths.people.new(),
      });
    } catch (error) {
      if (error instanceof ValidationError) return renderNewPerson(reply, body, error.issues);
      throw error;
    }
  });

  app.post<{ Body: FormBody }>(registerRoutes.check, { config: { permission: 'case:write' } }, async (request, reply) => {
    const body = request.body ?? {};
    try {
      const { id } = await register.createPerson(serviceContext(request), personForm.toInput(body));
      return reply.redirect(registerPaths.people.show(id), 303);
    } catch (error) {
      if (error instanceof ValidationError) return renderNewPerson(reply, body, error.issues);
      throw error;
    }
  });

  const casePage = (section: PersonSection) => async (request: FastifyRequest<PersonParams>, reply: FastifyReply) => {
    const ctx = serviceContext(request);
    const personId = request.params.personId;
    const view = await register.getCase(ctx, personId);
    const today = todayInLondon(ctx.now);
    const p = registerPaths.people;
    const extras = section === 'overview' && overviewExtras ? await overviewExtras(ctx, view) : {};
    return reply.view(sectionTemplates[section].template, {
      ...extras,
      sectionTitle: sectionTemplates[section].title,
      identity: caseView.identityBar(view, today),
      subNavigation: caseView.subNavigation(personId, section, personSections),
      canWrite: hasPermission(ctx.actor, 'case:write'),
      canAllocate: hasPermission(ctx.actor, 'case:allocate'),
      links: {
        duties: p.section(personId, 'duties'),
        contacts: p.section(personId, 'contacts'),
        residence: p.section(personId, 'residence'),
        allocation: p.section(personId, 'allocation'),
        newDuty: p.duties.new(personId),
        newDetention: p.detentions.new(personId),
        newContact: p.contacts.new(personId),
        newResidence: p.residences.new(personId),
        newGpRegistration: p.gpRegistrations.new(personId),
        newAllocation: p.allocations.new(personId),
        newShare: p.shares.new(personId),
        edit: p.edit(personId),
      },
      sharedWith: view.sharedWith.map((id) => view.organisations.find((o) => o.id === id)?.name ?? id),
      personCard: { ...caseView.personCard(view), ...(hasPermission(ctx.actor, 'case:write') ? { actions: [{ href: p.edit(personId), text: 'Change', visuallyHiddenText: ' personal details' }] } : {}) },
      allocationTag: caseView.allocationStatus(view, today),
      hasDuties: view.duties.length > 0,
      dutyCards: section === 'duties' ? caseView.dutyCards(view, today) : [],
      openDutyCards: section === 'overview' ? caseView.dutyCards(view, today).filter((card) => card.tag?.text === 'Open') : [],
      detentionCards: section === 'duties' ? caseView.detentionCards(view) : [],
      contactCards: section === 'contacts' ? caseView.contactCards(view) : [],
      residenceCards: section === 'residence' ? caseView.residenceCards(view) : [],
      gpCards: section === 'residence' ? caseView.gpCards(view) : [],
      allocationCards: section === 'allocation' ? caseView.allocationCards(view, today) : [],
    });
  };

  const caseRoute = { config: { permission: 'case:read' as const, audit: 'case.view' } };
  app.get<PersonParams>(registerRoutes.show, caseRoute, casePage('overview'));
  app.get<PersonParams>(registerRoutes.duties, caseRoute, casePage('duties'));
  app.get<PersonParams>(registerRoutes.contacts, caseRoute, casePage('contacts'));
  app.get<PersonParams>(registerRoutes.residence, caseRoute, casePage('residence'));
  app.get<PersonParams>(registerRoutes.allocation, caseRoute, casePage('allocation'));
}
