/**
 * Care records' forms: plans (new version, need, agree, review, sent to), services (new, funding share,
 * top-up, change, end), charges (new, end), refunds, payment offers and the steps of ending a duty. Each: GET
 * shows the form under the identity bar; POST saves and returns to its section, or shows the error summary
 * naming every problem (a refused rule included, nothing written), or — for a stale hidden `version` — the
 * conflict page. A form with a `confirm` step first shows its answers to confirm (the write rehearsed, so a
 * refusal or conflict shows before the question), and saves when the confirmation posts back.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { todayInLondon } from '../../domain/calendar/civil-date.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { ConflictError, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { conflictRows } from '../../platform/http/conflict-rows.ts';
import { serviceContext } from '../../platform/http/request-context.ts';
import type { RegisterService } from '../register/service.ts';
import { identityBar } from '../register/view-shaping/case-view.ts';
import { readableRecord } from '../register/view-shaping/format.ts';
import type { FormBody } from '../register/view-shaping/forms.ts';
import type { CareRecordsView } from './care-reads.ts';
import { careForms } from './form-specs.ts';
import type { CareRecordsService } from './service.ts';
import { everyError } from './view-shaping/form-errors.ts';

export type Params = Record<string, string> & { personId: string };
export type Query = Record<string, string | undefined>;
export type Organisation = { id: string; name: string; kind: string };

export interface CareFormSpec {
  url: string;
  template: string;
  title: string;
  submitText?: string;
  /** `govuk-button--warning` for a form whose only answer is to remove something. */
  submitClasses?: string;
  returnTo: (params: Params) => string;
  form: { dateFields: string[]; toInput: (body: FormBody) => unknown; fieldFor?: (path: string) => string };
  /** The select, radio and checkbox items, with the user's answers kept. */
  options?: (view: CareRecordsView, values: FormBody, params: Params, organisations: Organisation[]) => Record<string, unknown>;
  /** Whether the options list every organisation (a service's provider). */
  needsOrganisations?: boolean;
  /** Values a GET starts from (the hidden version of the record changed) and what the page says about it. */
  initial?: (view: CareRecordsView, params: Params, query: Query) => { values: FormBody; locals?: Record<string, unknown> };
  submit: (care: CareRecordsService, ctx: ServiceContext, params: Params, input: unknown) => Promise<unknown>;
  /** Where a saved form goes when that depends on what the write answered (otherwise `returnTo`). */
  redirectTo?: (params: Params, result: unknown) => string;
  /**
   * A confirmation (an irreversible step) or check-your-answers step between the form and the write: the
   * write is rehearsed (refusals and conflicts show now), then the answers are shown to confirm; a row with
   * a `field` has a Change button that takes the answers back to the form.
   */
  confirm?: {
    title: string;
    submitText: string;
    warning?: (view: CareRecordsView, params: Params) => string | undefined;
    rows: (view: CareRecordsView, values: FormBody, params: Params) => CheckRow[];
    rehearse: (care: CareRecordsService, ctx: ServiceContext, params: Params, input: unknown) => Promise<unknown>;
  };
}

export interface CheckRow {
  key: string;
  value: string;
  /** The form field a Change button returns to. */
  field?: string;
}

/** The answers as hidden fields (checkboxes as one field each), without the CSRF token. */
function hiddenAnswers(body: FormBody): { name: string; value: string }[] {
  return Object.entries(body)
    .filter(([name]) => name !== '_csrf' && name !== 'confirmed')
    .flatMap(([name, value]) => [value].flat().filter((v): v is string => typeof v === 'string').map((v) => ({ name, value: v })));
}

export function registerCareFormRoutes(app: FastifyInstance, services: { register: RegisterService; careRecords: CareRecordsService }): void {
  const { register, careRecords } = services;

  for (const spec of careForms) {
    const render = async (request: FastifyRequest<{ Params: Params; Querystring: Query }>, reply: FastifyReply, values: FormBody | null, issues: ValidationIssue[] = []) => {
      const ctx = serviceContext(request);
      const view = await careRecords.getCareRecords(ctx, request.params.personId);
      const person = await register.getCase(ctx, request.params.personId);
      const start = spec.initial?.(view, request.params, request.query ?? {}) ?? { values: {} };
      const shown = values ?? start.values;
      return reply.code(issues.length ? 400 : 200).view(spec.template, {
        ...start.locals,
        identity: identityBar(person, todayInLondon(ctx.now)),
        formTitle: spec.title,
        submitText: spec.submitText,
        submitClasses: spec.submitClasses,
        backHref: spec.returnTo(request.params),
        // Reached through a Change button (`?change=`): posting back to that URL would show the form again.
        formAction: request.query?.change !== undefined ? request.url.split('?')[0] : undefined,
        values: shown,
        options: spec.options?.(view, shown, request.params, spec.needsOrganisations ? await register.listOrganisations(ctx) : []) ?? {},
        ...everyError(issues, spec.form.dateFields, spec.form.fieldFor),
      });
    };

    app.get<{ Params: Params; Querystring: Query }>(spec.url, { config: { permission: 'case:write', audit: 'case.view' } }, (request, reply) => render(request, reply, null));

    const renderConfirm = async (request: FastifyRequest<{ Params: Params; Querystring: Query }>, reply: FastifyReply, body: FormBody) => {
      const confirm = spec.confirm;
      if (!confirm) throw new Error('No confirmation step');
      const ctx = serviceContext(request);
      const view = await careRecords.getCareRecords(ctx, request.params.personId);
      const person = await register.getCase(ctx, request.params.personId);
      return reply.view('care-records/views/confirm.njk', {
        identity: identityBar(person, todayInLondon(ctx.now)),
        formTitle: confirm.title,
        submitText: confirm.submitText,
        warning: confirm.warning?.(view, request.params),
        rows: confirm.rows(view, body, request.params),
        hidden: hiddenAnswers(body),
        changeAction: request.url.split('?')[0],
        backHref: spec.returnTo(request.params),
      });
    };

    app.post<{ Params: Params; Querystring: Query; Body: FormBody }>(spec.url, { config: { permission: 'case:write' } }, async (request, reply) => {
      const body = request.body ?? {};
      try {
        // A Change button (on the confirmation page, so the answers carry `confirmed`) brings them back to the form.
        if (spec.confirm && request.query?.change !== undefined) return await render(request, reply, body);
        if (spec.confirm && body.confirmed !== 'yes') {
          await spec.confirm.rehearse(careRecords, serviceContext(request), request.params, spec.form.toInput(body));
          return await renderConfirm(request, reply, body);
        }
        const result = await spec.submit(careRecords, serviceContext(request), request.params, spec.form.toInput(body));
        return reply.redirect(spec.redirectTo?.(request.params, result) ?? spec.returnTo(request.params), 303);
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

