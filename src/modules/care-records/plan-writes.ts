/**
 * Aftercare plans (PLAN-01…05): a draft for a duty (or a new version of the agreed plan, starting from its
 * needs), needs added while it is a draft, agreement (which supersedes the duty's earlier agreed plan and
 * sets the review date, by default 12 months on), reviews held, and who the agreed plan was sent to.
 * The rules are `agreeCarePlan` and `recordPlanReview` in src/domain/care-records/care-plan.ts.
 * The coordinating framework, who was involved and who the plan was shared with have no field in the
 * contract, so they are kept in the plan's `ext` (coordinatingFramework, involved, sharedWith).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/client.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import type { CarePlan } from '../../domain/case-file/schema.ts';
import { agreeCarePlan, recordPlanReview } from '../../domain/care-records/care-plan.ts';
import type { CaseWriter } from '../register/case-write.ts';
import { parseInput, throwIfIssues } from '../register/use-case.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { agreePlanInput, changeNeedInput, needInput, removeNeedInput, newPlanInput, planReviewInput, planShareInput } from './api-schemas.ts';
import * as map from './mapping.ts';
import { carePlanWhere, dutyWhere, requireRow } from './repository.ts';
import { carePlans } from './tables.ts';
import { duties } from '../register/tables.ts';
import { audit, defined, refusal, type Written } from './use-case.ts';

export function createPlanWrites({ caseWriter, reviewMonths }: { caseWriter: CaseWriter; reviewMonths: number }) {
  const { writeCase } = caseWriter;

  async function loadPlan(tx: Tx, personId: string, planId: string) {
    return map.carePlanFromRow(await requireRow(tx.select().from(carePlans).where(carePlanWhere(personId, planId))));
  }
  async function savePlan(tx: Tx, ctx: ServiceContext, personId: string, version: number, before: CarePlan, after: CarePlan, action: string): Promise<Written> {
    const { personId: _p, id: _i, ...values } = map.carePlanToRow(personId, after);
    const updated = await updateVersioned(tx, carePlans, carePlanWhere(personId, before.id), version, { ...values, updatedAt: ctx.now });
    await audit(tx, ctx, personId, action, before.id, before, after);
    return { id: before.id, version: updated.version };
  }

  return {
    /** A draft plan for a duty; from an earlier plan, its needs are copied (with new ids) as a new version. */
    createPlan: (ctx: ServiceContext, personId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const data = parseInput(newPlanInput, input);
        const duty = await tx.select({ id: duties.id }).from(duties).where(dutyWhere(personId, data.dutyId));
        throwIfIssues(duty.length ? [] : [{ path: 'dutyId', message: 'Select a duty of this person' }]);
        const from = data.copyFromPlanId ? await loadPlan(tx, personId, data.copyFromPlanId) : undefined;
        const ext = defined({ coordinatingFramework: data.coordinatingFramework ?? from?.ext?.coordinatingFramework, involved: data.involved });
        const plan: CarePlan = {
          id: randomUUID(),
          dutyId: data.dutyId,
          status: 'draft',
          needs: (from?.needs ?? []).map((need) => ({ ...need, id: randomUUID() })),
          ...(Object.keys(ext).length ? { ext } : {}),
        };
        await tx.insert(carePlans).values(map.carePlanToRow(personId, plan));
        await audit(tx, ctx, personId, 'care_plan.create', plan.id, null, plan);
        return { id: plan.id, version: 1 };
      }),

    addNeed: (ctx: ServiceContext, personId: string, planId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const before = await loadPlan(tx, personId, planId);
        const { version, ...need } = parseInput(needInput, input);
        if (before.status !== 'draft') throw refusal([{ ruleId: 'PLAN-04', field: 'description', reason: 'This plan is agreed, so it cannot change. Start a new version of the plan to add a need.' }]);
        const after: CarePlan = { ...before, needs: [...before.needs, defined({ id: randomUUID(), ...need })] };
        return savePlan(tx, ctx, personId, version, before, after, 'care_plan.add_need');
      }),

    /** Changes a need of a draft plan (an agreed plan changes in a new draft version, PLAN-04). */
    changeNeed: (ctx: ServiceContext, personId: string, planId: string, needId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const before = await loadPlan(tx, personId, planId);
        if (!before.needs.some((need) => need.id === needId)) throw new NotFoundError('No such need');
        const { version, ...need } = parseInput(changeNeedInput, input);
        if (before.status !== 'draft') throw refusal([{ ruleId: 'PLAN-04', field: 'description', reason: 'This plan is agreed, so it cannot change. Start a new version of the plan to change a need.' }]);
        const after: CarePlan = { ...before, needs: before.needs.map((n) => (n.id === needId ? defined({ id: needId, ...need }) : n)) };
        return savePlan(tx, ctx, personId, version, before, after, 'care_plan.change_need');
      }),

    /** Removes a need from a draft plan (services that named it keep the id, as imported history does). */
    removeNeed: (ctx: ServiceContext, personId: string, planId: string, needId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const before = await loadPlan(tx, personId, planId);
        if (!before.needs.some((need) => need.id === needId)) throw new NotFoundError('No such need');
        const { version } = parseInput(removeNeedInput, input);
        if (before.status !== 'draft') throw refusal([{ ruleId: 'PLAN-04', field: 'form', reason: 'This plan is agreed, so it cannot change. Start a new version of the plan to remove a need.' }]);
        return savePlan(tx, ctx, personId, version, before, { ...before, needs: before.needs.filter((n) => n.id !== needId) }, 'care_plan.remove_need');
      }),

    agreePlan: (ctx: ServiceContext, personId: string, planId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const before = await loadPlan(tx, personId, planId);
        const { version, agreedOn, reviewDue } = parseInput(agreePlanInput, input);
        const plans = (await tx.select().from(carePlans).where(eq(carePlans.personId, personId))).map(map.carePlanFromRow);
        const outcome = agreeCarePlan({ plan: before, plans, agreedOn, reviewDue, reviewMonths });
        if (!outcome.allowed) throw refusal(outcome.reasons);
        for (const superseded of outcome.result.superseded) {
          const { personId: _p, id: _i, ...values } = map.carePlanToRow(personId, superseded);
          await tx.update(carePlans).set({ ...values, updatedAt: ctx.now }).where(carePlanWhere(personId, superseded.id));
          await audit(tx, ctx, personId, 'care_plan.supersede', superseded.id, { ...superseded, status: 'agreed' }, superseded);
        }
        return savePlan(tx, ctx, personId, version, before, outcome.result.agreed, 'care_plan.agree');
      }),

    recordReview: (ctx: ServiceContext, personId: string, planId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const before = await loadPlan(tx, personId, planId);
        const { version, reviewedOn } = parseInput(planReviewInput, input);
        const outcome = recordPlanReview(before, reviewedOn, reviewMonths);
        if (!outcome.allowed) throw refusal(outcome.reasons);
        return savePlan(tx, ctx, personId, version, before, outcome.result, 'care_plan.review');
      }),

    /** Records who the agreed plan was sent to (no coordination module yet: kept on the plan's `ext.sharedWith`). */
    recordPlanShared: (ctx: ServiceContext, personId: string, planId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const before = await loadPlan(tx, personId, planId);
        const { version, ...sent } = parseInput(planShareInput, input);
        if (before.status === 'draft') throw refusal([{ ruleId: 'PLAN-04', field: 'sentTo', reason: 'Agree the plan before you share it.' }]);
        const sharedWith = [...((before.ext?.sharedWith as unknown[] | undefined) ?? []), defined({ ...sent, by: ctx.actor.name })];
        return savePlan(tx, ctx, personId, version, before, { ...before, ext: { ...before.ext, sharedWith } }, 'care_plan.share');
      }),
  };
}
