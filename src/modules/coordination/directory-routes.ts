/**
 * The pages across cases (providers, the panel agenda, my actions) and a person's letters: the printable
 * HTML (preview, then "Record as sent", which logs the outbound letter against the decision) and the PDF.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isCivilDate, todayInLondon } from '../../domain/calendar/civil-date.ts';
import { ValidationError } from '../../platform/errors.ts';
import { serviceContext } from '../../platform/http/request-context.ts';
import { hasPermission } from '../../platform/permissions.ts';
import { formatCivilDate } from '../register/view-shaping/format.ts';
import { formErrors, textField, type FormBody } from '../register/view-shaping/forms.ts';
import { letterPdf } from './letters/letter-pdf.ts';
import { coordinationPaths as paths, coordinationRoutes as routes } from './paths.ts';
import type { CoordinationService } from './service.ts';
import { agendaItems, myActionRows, providerCards } from './view-shaping/directory.ts';

type LetterParams = { Params: { personId: string; decisionId: string } };

export function registerDirectoryRoutes(app: FastifyInstance, services: { coordination: CoordinationService }): void {
  const { coordination } = services;

  const renderProviders = async (request: FastifyRequest, reply: FastifyReply, values: FormBody = {}, issues: ValidationError['issues'] = []) => {
    const ctx = serviceContext(request);
    return reply.code(issues.length ? 400 : 200).view('coordination/views/providers.njk', {
      providerCards: providerCards(await coordination.listProviders(ctx)),
      cqcApiEnabled: coordination.cqcApiEnabled,
      canWrite: hasPermission(ctx.actor, 'case:write'),
      lookupAction: routes.providerLookup,
      values,
      ...formErrors(issues),
    });
  };
  app.get(routes.providers, { config: { permission: 'case:read' } }, (request, reply) => renderProviders(request, reply));
  app.post<{ Body: FormBody }>(routes.providerLookup, { config: { permission: 'case:write' } }, async (request, reply) => {
    try {
      await coordination.refreshFromCqc(serviceContext(request), textField(request.body ?? {}, 'locationId') ?? '');
      return reply.redirect(paths.providers(), 303);
    } catch (error) {
      if (error instanceof ValidationError) return renderProviders(request, reply, request.body ?? {}, error.issues);
      throw error;
    }
  });

  app.get<{ Querystring: { date?: string } }>(routes.panelAgenda, { config: { permission: 'case:read' } }, async (request, reply) => {
    const ctx = serviceContext(request);
    const day = request.query.date && isCivilDate(request.query.date) ? request.query.date : todayInLondon(ctx.now);
    const items = await coordination.panelAgenda(ctx, day);
    const byPerson = new Map<string, Awaited<ReturnType<typeof coordination.panelAgenda>>[number]['request'][]>();
    // The banner needs each person's earlier requests, which the agenda alone may not hold.
    for (const personId of new Set(items.map((i) => i.personId))) byPerson.set(personId, (await coordination.getCoordination(ctx, personId)).panelRequests);
    return reply.view('coordination/views/panel-agenda.njk', { day, dayText: formatCivilDate(day), items: agendaItems(items, byPerson, hasPermission(ctx.actor, 'panel:decide')) });
  });

  app.get(routes.myActions, { config: { permission: 'case:read' } }, async (request, reply) => {
    const ctx = serviceContext(request);
    return reply.view('coordination/views/my-actions.njk', { rows: myActionRows(await coordination.myActions(ctx), todayInLondon(ctx.now)) });
  });

  const letterLocals = (personId: string, decisionId: string) => ({ backHref: paths.section(personId, 'meetings'), pdfHref: paths.letter(personId, decisionId, 'pdf') });
  app.get<LetterParams>(routes.letterHtml, { config: { permission: 'case:read', audit: 'case.view' } }, async (request, reply) => {
    const ctx = serviceContext(request);
    const { letter } = await coordination.prepareLetter(ctx, request.params.personId, { decisionId: request.params.decisionId });
    return reply.view('coordination/views/letter.njk', { letter, sent: false, canWrite: hasPermission(ctx.actor, 'case:write'), ...letterLocals(request.params.personId, request.params.decisionId) });
  });
  app.post<LetterParams>(routes.letterHtml, { config: { permission: 'case:write' } }, async (request, reply) => {
    const ctx = serviceContext(request);
    const { letter } = await coordination.generateLetter(ctx, request.params.personId, { decisionId: request.params.decisionId });
    return reply.view('coordination/views/letter.njk', { letter, sent: true, canWrite: true, ...letterLocals(request.params.personId, request.params.decisionId) });
  });
  app.get<LetterParams>(routes.letterPdf, { config: { permission: 'case:read', audit: 'case.view' } }, async (request, reply) => {
    const { letter } = await coordination.prepareLetter(serviceContext(request), request.params.personId, { decisionId: request.params.decisionId });
    return reply.type('application/pdf').header('content-disposition', 'inline; filename="letter.pdf"').send(await letterPdf(letter));
  });
}
