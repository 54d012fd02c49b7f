/**
 * Coordination's pages: the person's "Panels and placements", "Meetings and decisions" and "Letters and
 * contact" sections, every form that changes them (error summary, conflict page on a stale version), and
 * the letters (printable HTML, accessible PDF). Every route declares its permission; case pages their audit.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { todayInLondon } from '../../domain/calendar/civil-date.ts';
import { ConflictError, NotFoundError, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { conflictRows } from '../../platform/http/conflict-rows.ts';
import { serviceContext } from '../../platform/http/request-context.ts';
import { hasPermission, type Permission } from '../../platform/permissions.ts';
import { readableRecord } from '../register/view-shaping/format.ts';
import { datePartsOf, formErrors, type FormBody } from '../register/view-shaping/forms.ts';
import type { CoordinationCase } from './case-reads.ts';
import { coordinationPaths as paths, coordinationRoutes as routes, type CoordinationForm, type CoordinationSectionKey } from './paths.ts';
import type { CoordinationService } from './service.ts';
import { previousRejectionBanner } from '../../domain/coordination/panel-requests.ts';
import * as view from './view-shaping/case-sections.ts';
import { formFields } from './view-shaping/form-fields.ts';
import { forms } from './view-shaping/form-inputs.ts';
import { caseSubNavigation, identityOf } from './view-shaping/identity.ts';

type Params = { personId: string; recordId?: string };
type Query = Record<string, string | undefined>;
type Service = CoordinationService;

/** The section whose record a change form names by `:recordId` (an unknown id is 404, like an unknown person). */
const recordSections: Partial<Record<CoordinationForm, 'panelRequests' | 'placementSearches' | 'meetings' | 'decisions' | 'actions' | 'appointments'>> = {
  decidePanelRequest: 'panelRequests', placementOutcome: 'placementSearches', meetingHeld: 'meetings', cancelMeeting: 'meetings',
  premiseFailed: 'decisions', completeAction: 'actions', appointmentOutcome: 'appointments',
};

const sections: Record<CoordinationSectionKey, { title: string; template: string }> = {
  panels: { title: 'Panels and placements', template: 'coordination/views/panels.njk' },
  meetings: { title: 'Meetings and decisions', template: 'coordination/views/meetings.njk' },
  letters: { title: 'Letters and contact', template: 'coordination/views/letters.njk' },
};

interface FormSpec {
  title: string;
  permission: Permission;
  returnTo: CoordinationSectionKey;
  submitText?: string;
  /** What a GET starts from (the record's version, choices carried in the link) and what the page says. */
  initial?: (c: CoordinationCase, params: Params, query: Query, today: string) => { values: FormBody; intro?: string; banner?: string | null };
  submit: (s: Service, ctx: ReturnType<typeof serviceContext>, params: Params, input: Record<string, unknown>) => Promise<unknown>;
}

const dateValues = (name: string, value: string | undefined): FormBody => {
  const parts = datePartsOf(value);
  return { [`${name}-day`]: parts.day, [`${name}-month`]: parts.month, [`${name}-year`]: parts.year };
};
const versionOf = (list: { id: string; version: number }[], id: string | undefined) => String(list.find((r) => r.id === id)?.version ?? '');

const formSpecs: Record<CoordinationForm, FormSpec> = {
  newPanelRequest: {
    title: 'Raise a funding panel request', permission: 'case:write', returnTo: 'panels',
    // A resubmission starts from the request it follows, and the only duty is chosen for the user: nobody retypes what is recorded.
    initial: (c, _p, q, today) => {
      const earlier = c.panelRequests.find((r) => r.id === q.resubmit);
      const service = c.proposedServices.find((x) => x.id === q.service);
      const values: FormBody = { ...dateValues('submittedOn', today), dutyId: earlier?.dutyId ?? service?.dutyId ?? (c.duties.length === 1 ? c.duties[0]?.id : undefined) };
      if (service) Object.assign(values, { proposal: service.description, providerId: service.providerId ?? undefined, weeklyCost: service.weeklyCostPence === null ? '' : (service.weeklyCostPence / 100).toFixed(2) });
      if (earlier) Object.assign(values, { proposal: earlier.proposal, providerId: earlier.providerId, weeklyCost: earlier.weeklyCostPence === undefined ? '' : (earlier.weeklyCostPence / 100).toFixed(2), resubmissionOf: earlier.id });
      const banner = earlier ? previousRejectionBanner({ ...earlier, id: 'new', resubmissionOf: earlier.id }, c.panelRequests) : null;
      const intro = earlier ? `This resubmits the request of ${earlier.submittedOn}. Its details are filled in for you.` : service ? 'The details come from the service proposed in the care plan.' : undefined;
      return { values, banner, intro };
    },
    submit: (s, ctx, p, input) => s.raisePanelRequest(ctx, p.personId, input),
  },
  decidePanelRequest: {
    title: 'Record the panel’s decision', permission: 'panel:decide', returnTo: 'panels',
    initial: (c, p, _q, today) => {
      const request = c.panelRequests.find((r) => r.id === p.recordId);
      return { values: { version: versionOf(c.panelRequests, p.recordId), ...dateValues('decidedOn', today) }, intro: request ? `Proposal: ${request.proposal}` : undefined, banner: request ? previousRejectionBanner(request, c.panelRequests) : null };
    },
    submit: (s, ctx, p, input) => s.decidePanelRequest(ctx, p.personId, p.recordId ?? '', input),
  },
  newPlacementSearch: {
    title: 'Record a provider approached', permission: 'case:write', returnTo: 'panels',
    initial: (c, _p, _q, today) => ({ values: { ...dateValues('approachedOn', today), dutyId: c.duties.length === 1 ? c.duties[0]?.id : undefined } }),
    submit: (s, ctx, p, input) => s.addPlacementSearch(ctx, p.personId, input),
  },
  placementOutcome: {
    title: 'Record the provider’s answer', permission: 'case:write', returnTo: 'panels',
    initial: (c, p, _q, today) => ({ values: { version: versionOf(c.placementSearches, p.recordId), ...dateValues('outcomeOn', today) } }),
    submit: (s, ctx, p, input) => s.recordPlacementOutcome(ctx, p.personId, p.recordId ?? '', input),
  },
  newMeeting: {
    title: 'Plan a meeting', permission: 'case:write', returnTo: 'meetings',
    initial: (c) => ({ values: { invited: ['person', ...c.contacts.filter((k) => k.actsForPerson).map((k) => k.id)] } }),
    submit: (s, ctx, p, input) => s.planMeeting(ctx, p.personId, input),
  },
  meetingHeld: {
    title: 'Record the meeting', permission: 'case:write', returnTo: 'meetings',
    initial: (c, p) => ({ values: { version: versionOf(c.meetings, p.recordId), attended: c.meetings.find((m) => m.id === p.recordId)?.invited ?? [] } }),
    submit: (s, ctx, p, input) => s.recordMeetingHeld(ctx, p.personId, p.recordId ?? '', input),
  },
  cancelMeeting: {
    title: 'Cancel the meeting', permission: 'case:write', returnTo: 'meetings', submitText: 'Cancel the meeting',
    initial: (c, p) => ({ values: { version: versionOf(c.meetings, p.recordId) }, intro: 'Tell everyone invited that the meeting is cancelled.' }),
    submit: (s, ctx, p, input) => s.cancelMeeting(ctx, p.personId, p.recordId ?? '', input),
  },
  newDecision: {
    title: 'Record a decision', permission: 'case:write', returnTo: 'meetings',
    initial: (_c, _p, q, today) => ({ values: { ...dateValues('date', today), meetingId: q.meetingId } }),
    submit: (s, ctx, p, input) => s.recordDecision(ctx, p.personId, input),
  },
  premiseFailed: {
    title: 'Record that the premise is no longer true', permission: 'case:write', returnTo: 'meetings',
    initial: (c, p, _q, today) => ({ values: { version: versionOf(c.decisions, p.recordId), ...dateValues('premiseFailedOn', today) }, intro: c.decisions.find((d) => d.id === p.recordId)?.premise }),
    submit: (s, ctx, p, input) => s.recordPremiseFailed(ctx, p.personId, p.recordId ?? '', input),
  },
  newAction: {
    title: 'Add an action', permission: 'case:write', returnTo: 'meetings',
    initial: (_c, _p, q) => ({ values: { meetingId: q.meetingId, decisionId: q.decisionId } }),
    submit: (s, ctx, p, input) => s.addAction(ctx, p.personId, input),
  },
  completeAction: {
    title: 'Mark the action as done', permission: 'case:write', returnTo: 'meetings',
    initial: (c, p, _q, today) => ({ values: { version: versionOf(c.actions, p.recordId), ...dateValues('completedOn', today) }, intro: c.actions.find((a) => a.id === p.recordId)?.text }),
    submit: (s, ctx, p, input) => s.completeAction(ctx, p.personId, p.recordId ?? '', input),
  },
  newCommunicationPlan: {
    title: 'Change how we contact the person', permission: 'case:write', returnTo: 'letters',
    initial: (_c, _p, _q, today) => ({ values: dateValues('from', today), intro: 'Changing the plan is a decision. You must tell the person and anyone acting for them, not only the new contact.' }),
    submit: (s, ctx, p, input) => s.changeCommunicationPlan(ctx, p.personId, input),
  },
  newCommunication: {
    title: 'Record contact', permission: 'case:write', returnTo: 'letters',
    initial: (_c, _p, q, today) => ({ values: { ...dateValues('date', today), direction: 'outbound', with: q.with ? [q.with] : [], aboutDecisionIds: q.decisionId ? [q.decisionId] : [] } }),
    submit: (s, ctx, p, input) => s.recordCommunication(ctx, p.personId, input),
  },
  newAppointment: {
    title: 'Book an appointment', permission: 'case:write', returnTo: 'letters',
    submit: (s, ctx, p, input) => s.addAppointment(ctx, p.personId, input),
  },
  appointmentOutcome: {
    title: 'Record what happened at the appointment', permission: 'case:write', returnTo: 'letters',
    initial: (c, p) => ({ values: { version: versionOf(c.appointments, p.recordId) } }),
    submit: (s, ctx, p, input) => s.recordAppointmentOutcome(ctx, p.personId, p.recordId ?? '', input),
  },
};

export function registerCoordinationPageRoutes(app: FastifyInstance, services: { coordination: Service }): void {
  const { coordination } = services;

  async function lists(ctx: ReturnType<typeof serviceContext>) {
    const providers = (await coordination.listProviders(ctx)).map((p) => ({ id: p.organisation.id, name: p.organisation.name }));
    const workers = await coordination.listWorkers(ctx);
    return { providers, workers };
  }

  const sectionPage = (key: CoordinationSectionKey) => async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
    const ctx = serviceContext(request);
    const personId = request.params.personId;
    const c = await coordination.getCoordination(ctx, personId);
    const today = todayInLondon(ctx.now);
    const canWrite = hasPermission(ctx.actor, 'case:write');
    const link = (form: CoordinationForm) => paths.form(personId, form);
    return reply.view(sections[key].template, {
      sectionTitle: sections[key].title,
      identity: identityOf(c, today),
      subNavigation: caseSubNavigation(personId, paths.section(personId, key)),
      canWrite,
      links: { newPanelRequest: link('newPanelRequest'), newPlacementSearch: link('newPlacementSearch'), newMeeting: link('newMeeting'), newDecision: link('newDecision'), newAction: link('newAction'), newCommunicationPlan: link('newCommunicationPlan'), newCommunication: link('newCommunication'), newAppointment: link('newAppointment') },
      proposedServices: key === 'panels' ? view.proposedServiceRows(c, personId, canWrite) : [],
      panelCards: key === 'panels' ? view.panelCards(c, personId, { write: canWrite, decide: hasPermission(ctx.actor, 'panel:decide') }) : [],
      placementSummaries: key === 'panels' ? view.placementSummaries(c, today) : [],
      placementRows: key === 'panels' ? view.placementRows(c, personId, canWrite) : [],
      meetingCards: key === 'meetings' ? view.meetingCards(c, personId, today, canWrite) : [],
      decisionViews: key === 'meetings' ? view.decisionViews(c, personId, today, canWrite) : [],
      actionRows: key === 'meetings' ? view.actionRows(c, personId, today, canWrite) : [],
      planCard: key === 'letters' ? view.planCard(c, today) : null,
      communicationItems: key === 'letters' ? view.communicationItems(c) : [],
      appointmentRows: key === 'letters' ? view.appointmentRows(c, personId, today, canWrite) : [],
    });
  };
  const caseRoute = { config: { permission: 'case:read' as const, audit: 'case.view' } };
  app.get<{ Params: Params }>(routes.panels, caseRoute, sectionPage('panels'));
  app.get<{ Params: Params }>(routes.meetings, caseRoute, sectionPage('meetings'));
  app.get<{ Params: Params }>(routes.letters, caseRoute, sectionPage('letters'));

  for (const [name, spec] of Object.entries(formSpecs) as [CoordinationForm, FormSpec][]) {
    const reader = forms[name];
    if (!reader) continue;
    const render = async (request: FastifyRequest<{ Params: Params; Querystring: Query }>, reply: FastifyReply, body: FormBody | null, issues: ValidationIssue[] = []) => {
      const ctx = serviceContext(request);
      const c = await coordination.getCoordination(ctx, request.params.personId);
      const section = recordSections[name];
      if (section && !(c[section] as { id: string }[]).some((r) => r.id === request.params.recordId)) throw new NotFoundError('No such record');
      const today = todayInLondon(ctx.now);
      const start = spec.initial?.(c, request.params, request.query ?? {}, today) ?? { values: {} };
      const values = body ?? start.values;
      return reply.code(issues.length ? 400 : 200).view('coordination/views/form.njk', {
        identity: identityOf(c, today),
        formTitle: spec.title,
        submitText: spec.submitText,
        intro: start.intro,
        banner: start.banner,
        backHref: paths.section(request.params.personId, spec.returnTo),
        values,
        fields: formFields(name, c, values, await lists(ctx)),
        ...formErrors(issues, reader.dateFields, (path) => (path === 'weeklyCostPence' ? 'weeklyCost' : path.replace(/\.\d+$/, ''))),
      });
    };
    app.get<{ Params: Params; Querystring: Query }>(routes.form(name), { config: { permission: spec.permission, audit: 'case.view' } }, (request, reply) => render(request, reply, null));
    app.post<{ Params: Params; Querystring: Query; Body: FormBody }>(routes.form(name), { config: { permission: spec.permission } }, async (request, reply) => {
      const body = request.body ?? {};
      try {
        await spec.submit(coordination, serviceContext(request), request.params, reader.toInput(body));
        return reply.redirect(paths.section(request.params.personId, spec.returnTo), 303);
      } catch (error) {
        if (error instanceof ValidationError) return render(request, reply, body, error.issues);
        if (error instanceof ConflictError) return reply.code(409).view('errors/conflict.njk', { rows: conflictRows(readableRecord(error.current), readableRecord(error.attempted)), returnTo: request.url });
        throw error;
      }
    });
  }
}
