/**
 * Care records' use cases (ADR 0001, "Services"): aftercare plans, services and their funding, charges,
 * refunds, top-ups and payment offers, and ending a duty. Every write runs in the case frame (`writeCase`:
 * permission, visibility, the work with its audit events, then the case-change listeners, one
 * transaction), validates with zod reporting every error, and applies the pure rules of
 * src/domain/care-records — a refusal writes nothing and records no audit event.
 */
import type { Db } from '../../platform/db/client.ts';
import { defaultReviewMonths } from '../../domain/care-records/care-plan.ts';
import { createCaseWriter, type CaseWriter } from '../register/case-write.ts';
import { createCareReads } from './care-reads.ts';
import { createEndingWrites } from './ending-writes.ts';
import { createMoneyWrites } from './money-writes.ts';
import { createPlanWrites } from './plan-writes.ts';
import { createServiceWrites } from './service-writes.ts';
import { rehearsalWriter } from './use-case.ts';

export interface CareRecordsServiceDeps {
  db: Db;
  /** The shared case frame, so the case-change listeners (alerts) run; a private one when not given. */
  caseWriter?: CaseWriter;
  /** Annual simple interest on refunds when the user gives no rate (default 8%). */
  refundInterestPercent?: number;
  /** Months from agreement (or the latest review) to the next review (PLAN-05, default 12). */
  reviewMonths?: number;
}

export function createCareRecordsService(deps: CareRecordsServiceDeps) {
  const caseWriter = deps.caseWriter ?? createCaseWriter({ db: deps.db });
  const reviewMonths = deps.reviewMonths ?? defaultReviewMonths;
  const refundInterestPercent = deps.refundInterestPercent ?? 8;
  // The same writes in a frame that rolls back: what a confirmation page checks before it asks.
  const rehearsal = rehearsalWriter(deps.db);
  const rehearsedPlans = createPlanWrites({ caseWriter: rehearsal, reviewMonths });
  const rehearsedServices = createServiceWrites({ caseWriter: rehearsal });
  const rehearsedMoney = createMoneyWrites({ caseWriter: rehearsal, refundInterestPercent });
  const rehearsedEndings = createEndingWrites({ caseWriter: rehearsal });
  return {
    /** Checks a change as the write would (refusals, conflicts) without keeping it. */
    rehearse: {
      removeNeed: rehearsedPlans.removeNeed,
      endService: rehearsedServices.endService,
      endCharge: rehearsedMoney.endCharge,
      proposeEnding: rehearsedEndings.proposeEnding,
    },
    ...createCareReads({ db: deps.db, reviewMonths, refundInterestPercent }),
    ...createPlanWrites({ caseWriter, reviewMonths }),
    ...createServiceWrites({ caseWriter }),
    ...createMoneyWrites({ caseWriter, refundInterestPercent }),
    ...createEndingWrites({ caseWriter }),
  };
}

export type CareRecordsService = ReturnType<typeof createCareRecordsService>;
