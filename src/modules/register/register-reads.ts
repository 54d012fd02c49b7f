/**
 * Reads: the register list and one person's case. Both are filtered by visibility in SQL; reading a case
 * is audited (`case.view`) once the read has succeeded.
 */
import { recordAudit } from '../../platform/audit/audit-trail.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { allOrganisations, organisationsWithSuccessors, type OrganisationSummary } from '../../platform/organisations/directory.ts';
import { assertPermission } from '../../platform/permissions.ts';
import { registerQuery, type PersonCaseDto, type RegisterPage } from './api-schemas.ts';
import {
  allocationFromRow,
  compact,
  contactFromRow,
  ctoFromRow,
  detentionFromRow,
  disputeFromRow,
  dutyFromRow,
  gpRegistrationFromRow,
  personFromRow,
  residenceFromRow,
  staffFromRow,
} from './case-file-mapping.ts';
import { referencedOrganisationIds } from './case-references.ts';
import { loadVisibleCaseInOneStatement } from './case-rows-read.ts';
import { listRegister } from './register-list.ts';
import * as repository from './repository.ts';
import { parseInput, today } from './use-case.ts';

/** `countLimit`: where the register's count stops (`REGISTER_COUNT_LIMIT` of register-list.ts unless given). */
export function createRegisterReads({ db, countLimit }: { db: Db; countLimit?: number }) {
  return {
    async listPeople(ctx: ServiceContext, rawQuery: unknown): Promise<RegisterPage> {
      assertPermission(ctx.actor, 'case:read');
      const query = parseInput(registerQuery, rawQuery);
      const { rows, total, totalExact, page, nextCursor, previousCursor } = await listRegister(db, ctx.actor, query, today(ctx), countLimit);
      return {
        people: rows.map((row) => ({
          id: row.id,
          givenName: row.given_name,
          familyName: row.family_name,
          nhsNumber: row.nhs_number,
          dateOfBirth: row.date_of_birth,
          openDuties: Number(row.open_duties),
          latestDutyStart: row.latest_duty_start,
          localAuthority: row.local_authority_id ? { id: row.local_authority_id, name: row.local_authority_name ?? row.local_authority_id } : null,
          healthBody: row.health_body_id ? { id: row.health_body_id, name: row.health_body_name ?? row.health_body_id } : null,
          workers: typeof row.workers === 'string' ? (JSON.parse(row.workers) as { id: string; name: string }[]) : row.workers,
        })),
        total,
        page,
        pageSize: query.pageSize,
        pages: Math.max(1, page, Math.ceil(total / query.pageSize)),
        totalExact,
        nextCursor,
        previousCursor,
      };
    },

    /** A person's case as the pages and the API show it: case-file records plus each row's version. */
    async getCase(ctx: ServiceContext, personId: string): Promise<PersonCaseDto> {
      assertPermission(ctx.actor, 'case:read');
      // No transaction: the case is one statement (its own snapshot), and the view's audit event is written
      // once the read has succeeded. BEGIN and COMMIT were two of a page's round trips.
      const view = await readCase(db, ctx, personId);
      await recordAudit(db, ctx, { action: 'case.view', recordType: 'person', recordId: personId, personId });
      return view;
    },

    async listOrganisations(ctx: ServiceContext) {
      assertPermission(ctx.actor, 'case:read');
      return (await allOrganisations(db)).map((org) => compact(organisationSummary(org)));
    },

    async listWorkers(ctx: ServiceContext) {
      assertPermission(ctx.actor, 'case:read');
      return ctx.actor.organisationId ? repository.workersOf(db, ctx.actor.organisationId) : [];
    },
  };
}

export async function readCase(tx: DbOrTx, ctx: ServiceContext, personId: string): Promise<PersonCaseDto> {
  // The visible person, the nine register tables and the staff they name in one statement (one round trip instead of eleven: case-rows-read.ts).
  const found = await loadVisibleCaseInOneStatement(tx, ctx.actor, personId);
  if (!found) throw new NotFoundError('No such person');
  const { person, rows, staff: staffRows } = found;
  const withVersion = <R extends { version: number }, T>(row: R, record: T) => ({ ...record, version: row.version });
  const sections = {
    contacts: rows.contacts.map((row) => withVersion(row, contactFromRow(row))),
    detentions: rows.detentions.map((row) => withVersion(row, detentionFromRow(row))),
    ctos: rows.ctos.map((row) => withVersion(row, ctoFromRow(row))),
    residences: rows.residences.map((row) => ({ id: row.id, ...withVersion(row, residenceFromRow(row)) })),
    gpRegistrations: rows.gpRegistrations.map((row) => ({ id: row.id, ...withVersion(row, gpRegistrationFromRow(row)) })),
    duties: rows.duties.map((row) => withVersion(row, dutyFromRow(row))),
    disputes: rows.disputes.map((row) => withVersion(row, disputeFromRow(row))),
    allocations: rows.allocations.map((row) => ({ id: row.id, ...withVersion(row, allocationFromRow(row)) })),
  };
  const organisationIds = referencedOrganisationIds({ ...sections, staff: staffRows.map(staffFromRow) });
  if (person.createdByOrganisationId) organisationIds.push(person.createdByOrganisationId);
  for (const share of rows.shares) organisationIds.push(share.organisationId);
  const organisationRows = await organisationsWithSuccessors(tx, organisationIds);
  return {
    person: { ...personFromRow(person), createdByOrganisationId: person.createdByOrganisationId, version: person.version },
    ...sections,
    organisations: organisationRows.map((org) => compact(organisationSummary(org))),
    staff: staffRows.map(staffFromRow),
    sharedWith: rows.shares.map((share) => share.organisationId),
  };
}

/**
 * What the pages need of an organisation: its name, its nation (the law's responsible bodies depend on it:
 * the overview evaluates them from this view; the JSON's response schema leaves it out), and when it ceased
 * and who succeeded it (for "now part of").
 */
function organisationSummary(org: OrganisationSummary) {
  const { id, name, kind, code, nation, validFrom, validTo, successorId } = org;
  return { id, name, kind, code, nation, validFrom, validTo, successorId };
}

