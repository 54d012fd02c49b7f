/**
 * The forms that change complaints and Ombudsman cases. Each: GET shows the form under the identity bar;
 * POST saves and returns to the Complaints section, or shows the error summary (nothing written), or — for
 * a stale hidden `version` — the conflict page with what is saved now and what the user tried to save.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { todayInLondon } from '../../domain/calendar/civil-date.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { ConflictError, NotFoundError, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { conflictRows } from '../../platform/http/conflict-rows.ts';
import { serviceContext } from '../../platform/http/request-context.ts';
import type { PersonCaseDto } from '../register/api-schemas.ts';
import type { RegisterService } from '../register/service.ts';
import { identityBar } from '../register/view-shaping/case-view.ts';
import { readableRecord } from '../register/view-shaping/format.ts';
import { datePartsOf, formErrors, type FormBody } from '../register/view-shaping/forms.ts';
import { complaintsPaths, complaintsRoutes, type StepKind } from './paths.ts';
import type { PersonComplaints } from './reads.ts';
import type { ComplaintsService } from './service.ts';
import * as forms from './view-shaping/form-inputs.ts';
import * as choices from './view-shaping/form-options.ts';
import { dateText, outcomeLabels } from './view-shaping/labels.ts';

type Params = Record<string, string> & { personId: string };

export interface PageData {
  view: PersonCaseDto;
  complaints: PersonComplaints;
  organisations: { id: string; name: string; kind: string }[];
  workers: { id: string; name: string }[];
}

interface FormPage {
  url: string;
  template: string;
  title: string;
  form: forms.FormSpec;
  submitText?: string;
  initial?: (data: PageData, params: Params) => { values: FormBody; locals?: Record<string, unknown> };
  options?: (data: PageData, values: FormBody, params: Params) => Record<string, unknown>;
  submit: (service: ComplaintsService, ctx: ServiceContext, params: Params, input: unknown) => Promise<unknown>;
}

function complaintOf(data: PageData, id: string | undefined) {
  const found = data.complaints.complaints.find((c) => c.complaint.id === id);
  if (!found) throw new NotFoundError('No such complaint');
  return found;
}
function caseOf(data: PageData, id: string | undefined) {
  const found = data.complaints.ombudsmanCases.find((c) => c.ombudsmanCase.id === id);
  if (!found) throw new NotFoundError('No such Ombudsman case');
  return found;
}
const dateValues = (name: string, value: string | undefined) => {
  const parts = datePartsOf(value);
  return { [`${name}-day`]: parts.day, [`${name}-month`]: parts.month, [`${name}-year`]: parts.year };
};

export function registerComplaintFormRoutes(app: FastifyInstance, services: { register: RegisterService; complaints: ComplaintsService }): void {
  const { register, complaints } = services;

  for (const page of formPages) {
    const render = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, values: FormBody | null, issues: ValidationIssue[] = []) => {
      const ctx = serviceContext(request);
      const personId = request.params.personId;
      const data: PageData = {
        view: await register.getCase(ctx, personId),
        complaints: await complaints.personComplaints(ctx, personId),
        organisations: await register.listOrganisations(ctx),
        workers: await register.listWorkers(ctx),
      };
      const start = page.initial?.(data, request.params) ?? { values: {} };
      const shown = values ?? start.values;
      return reply.code(issues.length ? 400 : 200).view(page.template, {
        ...start.locals,
        identity: identityBar(data.view, todayInLondon(ctx.now)),
        formTitle: page.title,
        submitText: page.submitText,
        backHref: complaintsPaths.section(personId),
        values: shown,
        options: page.options?.(data, shown, request.params) ?? {},
        ...formErrors(issues, page.form.dateFields, forms.fieldFor),
      });
    };

    app.get<{ Params: Params }>(page.url, { config: { permission: 'complaints:manage', audit: 'case.view' } }, (request, reply) => render(request, reply, null));

    app.post<{ Params: Params; Body: FormBody }>(page.url, { config: { permission: 'complaints:manage' } }, async (request, reply) => {
      const body = request.body ?? {};
      try {
        await page.submit(complaints, serviceContext(request), request.params, page.form.toInput(body));
        return reply.redirect(complaintsPaths.section(request.params.personId), 303);
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

const stepPage = (kind: StepKind, title: string, submitText: string): FormPage => ({
  url: complaintsRoutes.step(kind),
  template: `complaints/views/forms/step-${kind.replace(/_/g, '-')}.njk`,
  title,
  submitText,
  form: forms.stepForms[kind] as forms.FormSpec,
  initial: (data, params) => {
    const { complaint, version, steps } = complaintOf(data, params.complaintId);
    if (!steps.includes(kind)) throw new NotFoundError('This step does not fit the complaint now');
    const signedBy = typeof complaint.ext?.responseSignedBy === 'string' ? complaint.ext.responseSignedBy : '';
    return {
      values: { version: String(version), ...(kind === 'respond' ? { signedBy } : {}) },
      locals: {
        complaintDescription: `The complaint received on ${dateText(complaint.receivedOn)}.`,
        unanswered: complaint.points.filter((p) => !p.answered).map((p) => p.text),
      },
    };
  },
  options: (_data, values) => ({ outcomes: choices.radioItems(Object.entries(outcomeLabels).filter(([v]) => v !== 'withdrawn').map(([value, text]) => ({ value, text })), values.outcome) }),
  submit: (service, ctx, params, input) => service.applyStep(ctx, params.personId, params.complaintId ?? '', input),
});

export const formPages: FormPage[] = [
  {
    url: complaintsRoutes.newComplaint,
    template: 'complaints/views/forms/complaint.njk',
    title: 'Record a complaint',
    form: forms.complaintForm,
    options: (data, values) => choices.complaintOptions(data, values),
    submit: (service, ctx, params, input) => service.recordComplaint(ctx, params.personId, input),
  },
  stepPage('acknowledge', 'Record the acknowledgement', 'Save acknowledgement'),
  stepPage('agree_response_date', 'Agree a response date', 'Save date'),
  stepPage('respond', 'Record the response', 'Save response'),
  stepPage('close', 'Close the complaint', 'Close complaint'),
  stepPage('withdraw', 'Withdraw the complaint', 'Withdraw complaint'),
  {
    url: complaintsRoutes.newPoint,
    template: 'complaints/views/forms/point.njk',
    title: 'Add a point of complaint',
    form: forms.pointForm,
    initial: (data, params) => ({ values: {}, locals: { complaintDescription: `The complaint received on ${dateText(complaintOf(data, params.complaintId).complaint.receivedOn)}.` } }),
    submit: (service, ctx, params, input) => service.addPoint(ctx, params.personId, params.complaintId ?? '', input),
  },
  {
    url: complaintsRoutes.answerPoint,
    template: 'complaints/views/forms/point-answer.njk',
    title: 'Record the answer to a point',
    form: forms.pointAnswerForm,
    initial: (data, params) => {
      const { complaint, pointVersions } = complaintOf(data, params.complaintId);
      const point = complaint.points.find((p) => p.id === params.pointId);
      if (!point) throw new NotFoundError('No such point');
      const answer = typeof point.ext?.answer === 'string' ? point.ext.answer : '';
      return { values: { version: String(pointVersions[point.id] ?? 1), answered: point.answered ? 'yes' : 'no', answer }, locals: { pointText: point.text } };
    },
    options: (_data, values) => ({ answered: choices.radioItems(choices.yesNo, values.answered) }),
    submit: (service, ctx, params, input) => service.answerPoint(ctx, params.personId, params.complaintId ?? '', params.pointId ?? '', input),
  },
  {
    url: complaintsRoutes.newOmbudsmanCase,
    template: 'complaints/views/forms/ombudsman-case.njk',
    title: 'Record an Ombudsman case',
    form: forms.ombudsmanCaseForm,
    options: (data, values) => choices.ombudsmanCaseOptions(data, values),
    submit: (service, ctx, params, input) => service.recordOmbudsmanCase(ctx, params.personId, input),
  },
  {
    url: complaintsRoutes.editOmbudsmanCase,
    template: 'complaints/views/forms/ombudsman-case.njk',
    title: 'Change an Ombudsman case',
    form: forms.ombudsmanCaseForm,
    initial: (data, params) => {
      const { ombudsmanCase: c, version } = caseOf(data, params.caseId);
      const ext = c.ext ?? {};
      return {
        values: {
          version: String(version), body: c.body, reference: c.reference, complaintId: c.complaintId ?? '', findings: c.findings,
          ...dateValues('enquiryOn', typeof ext.enquiryOn === 'string' ? ext.enquiryOn : undefined),
          ...dateValues('draftDecisionOn', typeof ext.draftDecisionOn === 'string' ? ext.draftDecisionOn : undefined),
          ...dateValues('finalDecisionOn', c.finalDecisionOn),
        },
      };
    },
    options: (data, values) => choices.ombudsmanCaseOptions(data, values),
    submit: (service, ctx, params, input) => service.updateOmbudsmanCase(ctx, params.personId, params.caseId ?? '', input),
  },
  {
    url: complaintsRoutes.newRemedy,
    template: 'complaints/views/forms/remedy.njk',
    title: 'Add an agreed action',
    form: forms.remedyForm,
    initial: (data, params) => ({ values: {}, locals: { caseDescription: `Ombudsman case ${caseOf(data, params.caseId).ombudsmanCase.reference}.` } }),
    options: (data, values) => choices.remedyOptions(data, values),
    submit: (service, ctx, params, input) => service.addRemedy(ctx, params.personId, params.caseId ?? '', input),
  },
  {
    url: complaintsRoutes.remedyProgress,
    template: 'complaints/views/forms/remedy-progress.njk',
    title: 'Record progress on an agreed action',
    form: forms.remedyProgressForm,
    initial: (data, params) => {
      const found = caseOf(data, params.caseId).remedies.find((r) => r.remedy.id === params.remedyId);
      if (!found) throw new NotFoundError('No such remedy');
      const { remedy, version, due } = found;
      return {
        values: { version: String(version), evidence: remedy.evidence ?? '', ...dateValues('completedOn', remedy.completedOn), ...dateValues('evidenceSentOn', remedy.evidenceSentOn) },
        locals: { remedyText: remedy.text, dueReason: due.reason },
      };
    },
    submit: (service, ctx, params, input) => service.recordRemedyProgress(ctx, params.personId, params.caseId ?? '', params.remedyId ?? '', input),
  },
];
