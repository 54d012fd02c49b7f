/**
 * Coordination's `/api/v1` endpoints for integrations. Bodies are declared with the zod schemas the service
 * validates with (so they appear in the OpenAPI document); the service checks them itself and answers a
 * 422 problem naming every invalid field, 404 for people the caller may not see, 409 on a stale version.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { serviceContext } from '../../platform/http/request-context.ts';
import type { Permission } from '../../platform/permissions.ts';
import * as schemas from './api-schemas.ts';
import { coordinationApiRoutes as routes, type CoordinationForm } from './paths.ts';
import type { CoordinationService } from './service.ts';

const problem = z.looseObject({ type: z.string(), title: z.string(), status: z.number().int(), errors: z.array(z.object({ path: z.string(), message: z.string() })).optional() });
const problems = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };
const written = z.object({ id: z.string(), version: z.number().int() });
const passThrough = () => (data: unknown) => ({ value: data });
type Ctx = ReturnType<typeof serviceContext>;

interface ApiWrite {
  form: CoordinationForm;
  summary: string;
  body: z.ZodType;
  permission: Permission;
  method: 'POST' | 'PATCH';
  run: (s: CoordinationService, ctx: Ctx, p: Record<string, string>, body: unknown) => Promise<{ id: string; version: number }>;
}

const writes: ApiWrite[] = [
  { form: 'newPanelRequest', summary: 'Raise a funding panel request', body: schemas.panelRequestInput, permission: 'case:write', method: 'POST', run: (s, c, p, b) => s.raisePanelRequest(c, p.personId ?? '', b) },
  { form: 'decidePanelRequest', summary: 'Record the panel’s decision (reasons required)', body: schemas.panelDecisionInput, permission: 'panel:decide', method: 'POST', run: (s, c, p, b) => s.decidePanelRequest(c, p.personId ?? '', p.recordId ?? '', b) },
  { form: 'newPlacementSearch', summary: 'Record a provider approached', body: schemas.placementSearchInput, permission: 'case:write', method: 'POST', run: (s, c, p, b) => s.addPlacementSearch(c, p.personId ?? '', b) },
  { form: 'placementOutcome', summary: 'Record a provider’s answer', body: schemas.placementOutcomeInput, permission: 'case:write', method: 'POST', run: (s, c, p, b) => s.recordPlacementOutcome(c, p.personId ?? '', p.recordId ?? '', b) },
  { form: 'newMeeting', summary: 'Plan a meeting', body: schemas.meetingInput, permission: 'case:write', method: 'POST', run: (s, c, p, b) => s.planMeeting(c, p.personId ?? '', b) },
  { form: 'meetingHeld', summary: 'Record a meeting as held', body: schemas.meetingHeldInput, permission: 'case:write', method: 'POST', run: (s, c, p, b) => s.recordMeetingHeld(c, p.personId ?? '', p.recordId ?? '', b) },
  { form: 'cancelMeeting', summary: 'Cancel a meeting', body: schemas.meetingCancelInput, permission: 'case:write', method: 'POST', run: (s, c, p, b) => s.cancelMeeting(c, p.personId ?? '', p.recordId ?? '', b) },
  { form: 'newDecision', summary: 'Record a decision', body: schemas.decisionInput, permission: 'case:write', method: 'POST', run: (s, c, p, b) => s.recordDecision(c, p.personId ?? '', b) },
  { form: 'premiseFailed', summary: 'Record that a decision’s premise stopped being true', body: schemas.premiseFailedInput, permission: 'case:write', method: 'POST', run: (s, c, p, b) => s.recordPremiseFailed(c, p.personId ?? '', p.recordId ?? '', b) },
  { form: 'newAction', summary: 'Add an action', body: schemas.actionInput, permission: 'case:write', method: 'POST', run: (s, c, p, b) => s.addAction(c, p.personId ?? '', b) },
  { form: 'completeAction', summary: 'Complete an action', body: schemas.actionCompleteInput, permission: 'case:write', method: 'POST', run: (s, c, p, b) => s.completeAction(c, p.personId ?? '', p.recordId ?? '', b) },
  { form: 'newCommunicationPlan', summary: 'Change the communication plan (recorded as a decision)', body: schemas.communicationPlanInput, permission: 'case:write', method: 'POST', run: (s, c, p, b) => s.changeCommunicationPlan(c, p.personId ?? '', b) },
  { form: 'newCommunication', summary: 'Record a communication', body: schemas.communicationInput, permission: 'case:write', method: 'POST', run: (s, c, p, b) => s.recordCommunication(c, p.personId ?? '', b) },
  { form: 'newAppointment', summary: 'Book an appointment', body: schemas.appointmentInput, permission: 'case:write', method: 'POST', run: (s, c, p, b) => s.addAppointment(c, p.personId ?? '', b) },
  { form: 'appointmentOutcome', summary: 'Record an appointment’s outcome', body: schemas.appointmentOutcomeInput, permission: 'case:write', method: 'POST', run: (s, c, p, b) => s.recordAppointmentOutcome(c, p.personId ?? '', p.recordId ?? '', b) },
];

export function registerCoordinationApiRoutes(app: FastifyInstance, services: { coordination: CoordinationService }): void {
  const { coordination } = services;
  const tags = ['coordination'];

  app.get<{ Params: { personId: string } }>(routes.coordination, {
    config: { permission: 'case:read', audit: 'case.view' },
    schema: { tags, summary: 'A person’s panel requests, placement searches, meetings, decisions, actions, communication plans, communications and appointments, with versions' },
  }, async (request) => {
    const { person: _p, contacts: _c, duties: _d, residences: _r, names: _n, providers: _pr, ...records } = await coordination.getCoordination(serviceContext(request), request.params.personId);
    return records;
  });

  for (const write of writes) {
    app.route<{ Params: Record<string, string> }>({
      method: write.method,
      url: routes.form(write.form),
      config: { permission: write.permission },
      schema: { tags, summary: write.summary, body: write.body, response: { 201: written, ...problems } },
      validatorCompiler: passThrough,
      handler: async (request, reply) => reply.code(201).send(await write.run(coordination, serviceContext(request), request.params, request.body)),
    });
  }

  app.post<{ Params: { personId: string; decisionId: string }; Body: { date?: string } }>(routes.letters, {
    config: { permission: 'case:write' },
    schema: { tags, summary: 'Generate the letter about a decision and record it as sent (addressed by the communication plan)' },
    validatorCompiler: passThrough,
  }, async (request, reply) => reply.code(201).send(await coordination.generateLetter(serviceContext(request), request.params.personId, { ...(request.body ?? {}), decisionId: request.params.decisionId })));

  app.get(routes.providers, { config: { permission: 'case:read' }, schema: { tags, summary: 'The provider directory with CQC ratings' } }, async (request) =>
    (await coordination.listProviders(serviceContext(request))).map(({ organisation, location }) => ({ id: organisation.id, name: organisation.name, cqcLocationId: organisation.code, cqc: organisation.cqc, location })));

  app.get(routes.myActions, { config: { permission: 'case:read' }, schema: { tags, summary: 'The caller’s open actions across the cases they may see' } }, async (request) => coordination.myActions(serviceContext(request)));
}
