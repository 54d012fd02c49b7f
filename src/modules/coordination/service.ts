/**
 * Coordination's use cases (ADR 0001, "Services"): the funding panel, placement searches, meetings,
 * decisions and actions, the communication plan, the communications log and appointments, letters and the
 * provider directory. Writes go through the case writer (one transaction: permission, visibility, the work
 * with its audit events, then the case-change listeners); reads are filtered by visibility and audited.
 */
import { recordAudit } from '../../platform/audit/audit-trail.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { assertPermission } from '../../platform/permissions.ts';
import { findOrganisation } from '../../platform/users/repository.ts';
import { createCaseWriter, type CaseWriter } from '../register/case-write.ts';
import { workersOf } from '../register/repository.ts';
import { parseInput, requireVisiblePerson, today } from '../register/use-case.ts';
import { letterInput } from './api-schemas.ts';
import { loadCoordinationCase, type CoordinationCase } from './case-reads.ts';
import { createCaseWrites } from './case-writes.ts';
import { decisionLetter, letterSummary, type Letter } from './letters/letter-content.ts';
import { cqcApiConfig, createCqcApi, type CqcApi } from './providers/cqc-api.ts';
import { createProviderDirectory } from './providers/provider-directory.ts';
import { actionsOwnedBy, panelAgenda } from './repository.ts';

export interface CoordinationServiceDeps {
  db: Db;
  /** The shared case writer (its listeners refresh alerts); one of our own when not given. */
  caseWriter?: CaseWriter;
  /** The CQC API adapter; by default from CQC_API_SUBSCRIPTION_KEY, off when it is not set. */
  cqcApi?: CqcApi | null;
}

export function createCoordinationService(deps: CoordinationServiceDeps) {
  const { db } = deps;
  const caseWriter = deps.caseWriter ?? createCaseWriter({ db });
  const config = cqcApiConfig();
  const cqcApi = deps.cqcApi !== undefined ? deps.cqcApi : config ? createCqcApi(config) : null;
  const writes = createCaseWrites({ caseWriter });

  async function readCase(ctx: ServiceContext, personId: string): Promise<CoordinationCase> {
    assertPermission(ctx.actor, 'case:read');
    return db.transaction(async (tx) => {
      const person = await requireVisiblePerson(tx, ctx.actor, personId);
      const c = await loadCoordinationCase(tx, person);
      await recordAudit(tx, ctx, { action: 'case.view', recordType: 'person', recordId: personId, personId });
      return c;
    });
  }

  async function senderOf(ctx: ServiceContext) {
    const organisation = ctx.actor.organisationId ? await findOrganisation(db, ctx.actor.organisationId) : undefined;
    return { name: ctx.actor.name, organisation: organisation?.name ?? 'Aftercare' };
  }

  /** The letter about a decision, as it would be sent today (nothing is recorded). */
  async function prepareLetter(ctx: ServiceContext, personId: string, raw: unknown): Promise<{ letter: Letter; case: CoordinationCase }> {
    const { decisionId, date } = parseInput(letterInput, raw);
    const c = await readCase(ctx, personId);
    const decision = c.decisions.find((d) => d.id === decisionId);
    if (!decision) throw new NotFoundError('No such decision');
    const letter = decisionLetter({ person: c.person, contacts: c.contacts, communicationPlans: c.communicationPlans, decision, date: date ?? today(ctx), sender: await senderOf(ctx) });
    return { letter, case: c };
  }

  return {
    ...writes,
    ...createProviderDirectory({ db, cqcApi }),
    getCoordination: readCase,
    prepareLetter,

    /** Generates the letter and records the outbound letter on the communications log, referencing the decision. */
    async generateLetter(ctx: ServiceContext, personId: string, raw: unknown): Promise<{ letter: Letter; communicationId: string | null }> {
      const { letter } = await prepareLetter(ctx, personId, raw);
      const { decisionId, date } = parseInput(letterInput, raw);
      if (letter.copies.length === 0) return { letter, communicationId: null };
      const written = await writes.recordLetter(ctx, personId, { date: date ?? today(ctx), with: letter.copies.map((c) => c.ref), decisionId, summary: letterSummary(letter) });
      return { letter, communicationId: written.id };
    },

    /** Staff of the user's organisation who may own actions, attend meetings and hold appointments. */
    async listWorkers(ctx: ServiceContext) {
      assertPermission(ctx.actor, 'case:read');
      return ctx.actor.organisationId ? workersOf(db, ctx.actor.organisationId) : [];
    },

    async myActions(ctx: ServiceContext) {
      assertPermission(ctx.actor, 'case:read');
      return actionsOwnedBy(db, ctx.actor);
    },

    async panelAgenda(ctx: ServiceContext, day: string) {
      assertPermission(ctx.actor, 'case:read');
      return panelAgenda(db, ctx.actor, day);
    },
  };
}

export type CoordinationService = ReturnType<typeof createCoordinationService>;
