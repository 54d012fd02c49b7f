/**
 * The Complaints section of a person's case, the response letter, the review worklist of a service
 * improvement, and the compliance pages (complaints by clock state, remedies by state). Every route
 * declares its permission, and those that read a case their audit.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isCivilDate, todayInLondon } from '../../domain/calendar/civil-date.ts';
import { ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { serviceContext } from '../../platform/http/request-context.ts';
import { hasPermission } from '../../platform/permissions.ts';
import type { RegisterService } from '../register/service.ts';
import { identityBar, subNavigation, type ExtraPersonSection } from '../register/view-shaping/case-view.ts';
import { formErrors, textField, type FormBody } from '../register/view-shaping/forms.ts';
import { complaintsPaths, complaintsRoutes } from './paths.ts';
import type { ComplaintsService } from './service.ts';
import { letterPdf } from '../coordination/letters/letter-pdf.ts';
import { complaintCards, ombudsmanCards } from './view-shaping/case-cards.ts';
import { responseLetterDocument } from './view-shaping/response-letter.ts';
import { clockGroups, remedyRows } from './view-shaping/compliance.ts';
import { refNamer } from './view-shaping/names.ts';
import { radioItems, selectItems } from './view-shaping/form-options.ts';
import { remedyTag, remedyStateList } from './view-shaping/tags.ts';
import { dateText, outcomeLabels } from './view-shaping/labels.ts';

type Params = { personId: string; caseId: string; remedyId: string; complaintId: string };
type Services = { register: RegisterService; complaints: ComplaintsService };

/** The case's sub-navigation with Complaints current: the register's sections and those other capabilities add. */
export function complaintsSubNavigation(personId: string, personSections: readonly ExtraPersonSection[] = []) {
  const items = subNavigation(personId, 'complaints', personSections);
  const href = complaintsPaths.section(personId);
  return items.some((item) => item.href === href) ? items : [...items, { text: 'Complaints', href, active: true }];
}

export function registerComplaintPageRoutes(app: FastifyInstance, { register, complaints }: Services, personSections: readonly ExtraPersonSection[] = []): void {
  const caseRoute = { config: { permission: 'case:read' as const, audit: 'case.view' } };

  app.get<{ Params: Params }>(complaintsRoutes.section, caseRoute, async (request, reply) => {
    const ctx = serviceContext(request);
    const { personId } = request.params;
    const view = await register.getCase(ctx, personId);
    const data = await complaints.personComplaints(ctx, personId);
    const canManage = hasPermission(ctx.actor, 'complaints:manage');
    const names = refNamer(view, canManage ? await register.listWorkers(ctx) : []);
    return reply.view('complaints/views/section.njk', {
      sectionTitle: 'Complaints',
      identity: identityBar(view, todayInLondon(ctx.now)),
      subNavigation: complaintsSubNavigation(personId, personSections),
      canManage,
      complaintCards: complaintCards(personId, data, names, canManage),
      ombudsmanCards: ombudsmanCards(personId, data, names, canManage),
      links: { newComplaint: complaintsPaths.newComplaint(personId), newOmbudsmanCase: complaintsPaths.newOmbudsmanCase(personId) },
    });
  });

  const letterParts = async (request: FastifyRequest<{ Params: Params }>) => {
    const { letter, person, complainant, organisations } = await complaints.responseLetter(serviceContext(request), request.params.personId, request.params.complaintId);
    const orgName = (id: string | null) => organisations.find((o) => o.id === id)?.name ?? id ?? '';
    const personName = `${person.givenName} ${person.familyName}`;
    const parties = {
      addressee: complainant ? { name: complainant.name, address: complainant.address ?? [] } : { name: personName, address: person.address },
      about: complainant ? personName : null,
      lead: orgName(letter.leadOrganisationId),
      largePrint: person.communicationNeeds.some((need) => /large print/i.test(need)),
    };
    return { letter, parties, respondingWith: letter.respondingWith.map(orgName) };
  };

  app.get<{ Params: Params }>(complaintsRoutes.letter, caseRoute, async (request, reply) => {
    const { letter, parties, respondingWith } = await letterParts(request);
    return reply.view('complaints/views/letter.njk', {
      letter,
      ...parties,
      respondingWith,
      receivedOn: dateText(letter.receivedOn),
      respondedOn: letter.respondedOn ? dateText(letter.respondedOn) : null,
      outcome: letter.outcome ? outcomeLabels[letter.outcome] : null,
      backHref: complaintsPaths.section(request.params.personId),
      pdfHref: complaintsPaths.letterPdf(request.params.personId, request.params.complaintId),
    });
  });

  app.get<{ Params: Params }>(complaintsRoutes.letterPdf, caseRoute, async (request, reply) => {
    const { letter, parties } = await letterParts(request);
    const pdf = await letterPdf(responseLetterDocument(letter, parties));
    return reply.type('application/pdf').header('content-disposition', 'inline; filename="complaint-response.pdf"').send(pdf);
  });

  const renderReview = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, issues: ValidationIssue[] = [], values: FormBody = {}) => {
    const ctx = serviceContext(request);
    const { personId, caseId, remedyId } = request.params;
    const view = await register.getCase(ctx, personId);
    const worklist = await complaints.cohortWorklist(ctx, personId, caseId, remedyId);
    const canManage = hasPermission(ctx.actor, 'complaints:manage');
    return reply.code(issues.length ? 400 : 200).view('complaints/views/review.njk', {
      sectionTitle: 'Review of others affected',
      identity: identityBar(view, todayInLondon(ctx.now)),
      subNavigation: complaintsSubNavigation(personId, personSections),
      worklist,
      canManage,
      criteria: radioItems(worklist.criteria.filter((c) => !c.unavailable).map((c) => ({ value: c.value, text: c.label })), values.criterion),
      unavailable: worklist.criteria.filter((c) => c.unavailable),
      members: worklist.members.map((m) => ({ ...m, reviewed: m.reviewedOn ? dateText(m.reviewedOn) : null })),
      today: todayInLondon(ctx.now),
      formAction: complaintsPaths.review(personId, caseId, remedyId),
      memberAction: complaintsPaths.reviewMember(personId, caseId, remedyId),
      backHref: complaintsPaths.section(personId),
      ...formErrors(issues),
    });
  };

  app.get<{ Params: Params }>(complaintsRoutes.review, caseRoute, (request, reply) => renderReview(request, reply));

  const reviewWrite = (write: (ctx: ReturnType<typeof serviceContext>, params: Params, body: FormBody) => Promise<unknown>) =>
    async (request: FastifyRequest<{ Params: Params; Body: FormBody }>, reply: FastifyReply) => {
      const body = request.body ?? {};
      try {
        await write(serviceContext(request), request.params, body);
        const { personId, caseId, remedyId } = request.params;
        return reply.redirect(complaintsPaths.review(personId, caseId, remedyId), 303);
      } catch (error) {
        if (error instanceof ValidationError) return renderReview(request, reply, error.issues, body);
        throw error;
      }
    };
  app.post<{ Params: Params; Body: FormBody }>(complaintsRoutes.review, { config: { permission: 'complaints:manage' } },
    reviewWrite((ctx, p, body) => complaints.defineReviewCohort(ctx, p.personId, p.caseId, p.remedyId, { criterion: textField(body, 'criterion') })));
  app.post<{ Params: Params; Body: FormBody }>(complaintsRoutes.reviewMember, { config: { permission: 'complaints:manage' } },
    reviewWrite((ctx, p, body) => complaints.recordCohortReview(ctx, p.personId, p.caseId, p.remedyId, {
      memberPersonId: textField(body, 'memberPersonId'), memberDutyId: textField(body, 'memberDutyId'), reviewedOn: textField(body, 'reviewedOn') ?? todayInLondon(ctx.now),
    })));

  app.get<{ Querystring: Record<string, string> }>(complaintsRoutes.complaintClocks, { config: { permission: 'complaints:manage' } }, async (request, reply) => {
    const ctx = serviceContext(request);
    const asOf = validDate(request.query.asOf);
    const { asOf: on, rows } = await complaints.complaintClocks(ctx, { asOf });
    return reply.view('complaints/views/complaint-clocks.njk', { asOf: on, asOfText: dateText(on), groups: clockGroups(rows), formAction: complaintsPaths.complaintClocks() });
  });

  app.get<{ Querystring: Record<string, string> }>(complaintsRoutes.remedies, { config: { permission: 'complaints:manage' } }, async (request, reply) => {
    const ctx = serviceContext(request);
    const state = remedyStateList.find((s) => s === request.query.state);
    const query = { asOf: validDate(request.query.asOf), state, owner: request.query.owner || undefined };
    const { asOf, rows } = await complaints.remedyCompliance(ctx, query);
    const all = query.owner ? (await complaints.remedyCompliance(ctx, { asOf, state })).rows : rows;
    const owners = [...new Map(all.filter((r) => r.ownerId).map((r) => [r.ownerId as string, r.ownerName ?? (r.ownerId as string)])).entries()].map(([value, text]) => ({ value, text }));
    return reply.view('complaints/views/remedies.njk', {
      asOf,
      asOfText: dateText(asOf),
      rows: remedyRows(rows),
      states: selectItems(remedyStateList.map((s) => ({ value: s, text: remedyTag(s).text })), state, 'Not closed (due, overdue, awaiting evidence)'),
      owners: selectItems(owners, query.owner, 'Anyone'),
      formAction: complaintsPaths.remedies(),
    });
  });
}

/** A hand-edited date that is not a date shows today's view rather than an error page. */
function validDate(value: string | undefined): string | undefined {
  return isCivilDate(value) ? value : undefined;
}
