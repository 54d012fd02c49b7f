/**
 * Complaints and Ombudsman cases (issue 6): reads filtered by case visibility, writes through the
 * case-change frame (permission, visibility, the domain's rule, audit, the case-change listeners — one
 * transaction), the compliance view and the review cohorts of service-improvement remedies.
 */
import type { Db } from '../../platform/db/client.ts';
import { createCaseWriter, type CaseWriter } from '../register/case-write.ts';
import { createCohorts } from './cohorts.ts';
import { createComplaintWrites } from './complaint-writes.ts';
import { createOmbudsmanWrites } from './ombudsman-writes.ts';
import { createComplaintReads } from './reads.ts';

export interface ComplaintsServiceDeps {
  db: Db;
  /** The shared case-change frame, so alert refresh and other listeners run on these writes too. */
  caseWriter?: CaseWriter;
}

export function createComplaintsService({ db, caseWriter = createCaseWriter({ db }) }: ComplaintsServiceDeps) {
  return {
    ...createComplaintReads({ db }),
    ...createComplaintWrites({ caseWriter }),
    ...createOmbudsmanWrites({ caseWriter }),
    ...createCohorts({ db, caseWriter }),
  };
}

export type ComplaintsService = ReturnType<typeof createComplaintsService>;
