/**
 * `POST /api/v1/evaluate?asOf=DATE`: validate a case file and evaluate it, without the database
 * (`../shared/contracts/case-file.md`, "Commands and endpoints"). Open to every role.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseFileSchema } from '../../domain/case-file/schema.ts';
import { validateCaseFile } from '../../domain/case-file/validate.ts';
import { evaluate } from '../../domain/rules/evaluate.ts';
import { isCivilDate, todayInLondon } from '../../domain/calendar/civil-date.ts';
import { platformPaths } from '../http/paths.ts';
import { problem, sendProblem } from '../http/problem.ts';

const responsibleBody = z.object({ organisationId: z.string().nullable(), ruleIds: z.array(z.string()), reasons: z.array(z.string()) });
export const evaluationSchema = z
  .object({
    schema: z.literal('aftercare.evaluation/v1'),
    asOf: z.string(),
    entitled: z.boolean(),
    duties: z.array(
      z.object({
        detentionId: z.string(),
        start: z.string(),
        end: z.string().optional(),
        endReason: z.enum(['redetained', 'joint_decision', 'death']).optional(),
        localAuthority: responsibleBody,
        healthBody: responsibleBody,
        flags: z.array(z.string()),
      }),
    ),
    flags: z.array(z.string()),
    alerts: z.array(
      z.object({
        id: z.string(),
        severity: z.enum(['high', 'medium', 'low']),
        since: z.string(),
        subject: z.object({ kind: z.string(), id: z.string() }),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'Evaluation', description: 'aftercare.evaluation/v1' });

const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export function registerEvaluateRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    platformPaths.evaluate(),
    {
      config: { permission: 'evaluate' },
      schema: {
        tags: ['evaluate'],
        summary: 'Validate and evaluate a case file',
        description: 'Returns the duties the law gives, the responsible council and health body, flags and alerts as of a date (default: today in London). Nothing is stored.',
        querystring: z.object({ asOf: z.string().refine(isCivilDate, 'must be a date as YYYY-MM-DD').optional() }),
        body: caseFileSchema,
        response: { 200: evaluationSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 422: problemSchema },
      },
      // The body is checked by validateCaseFile (schema and cross-references, every error at once), not by
      // Fastify's schema step, which would stop at the schema and word errors differently.
      validatorCompiler: ({ httpPart }) => (httpPart === 'body' ? (data: unknown) => ({ value: data }) : validateQuery),
    },
    async (request, reply) => {
      const result = validateCaseFile(request.body);
      if (!result.ok) return sendProblem(reply, problem(422, { detail: 'The case file is not valid', errors: result.errors }));
      return evaluate(result.caseFile, request.query.asOf ?? todayInLondon());
    },
  );
}

const querySchema = z.object({ asOf: z.string().refine(isCivilDate, 'must be a date as YYYY-MM-DD').optional() });
function validateQuery(data: unknown) {
  const parsed = querySchema.safeParse(data);
  if (parsed.success) return { value: parsed.data };
  const error = Object.assign(new Error('The query string is not valid'), {
    validation: parsed.error.issues.map((issue) => ({ instancePath: `/${issue.path.join('/')}`, message: issue.message, params: {} })),
    validationContext: 'querystring',
  });
  return { error };
}
