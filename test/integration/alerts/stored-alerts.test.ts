/**
 * Stored alerts stay equal to a fresh evaluation of the case file after every kind of register change
 * (property test over random edit sequences through the services), are kept as history (raised, cleared),
 * and acknowledging one hides it from the default list until its look-again date, never deleting it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { storedAlerts } from '../../../src/modules/alerts/tables.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { fixture, NOW, storedAndFresh, systemAt, withAlerts } from './support.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(async () => {
  await database.close();
});

const date = fc.integer({ min: 0, max: 700 }).map((days) => new Date(Date.UTC(2024, 6, 1) + days * 86_400_000).toISOString().slice(0, 10));

type Edit =
  | { kind: 'detention'; section: '2' | '3' | '37'; start: string; length: number }
  | { kind: 'duty'; start: string; council: number; icb: number }
  | { kind: 'residence'; from: string; council: number; unsettled: boolean }
  | { kind: 'gp'; from: string; icb: number }
  | { kind: 'endDuty'; end: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('detention' as const), section: fc.constantFrom('2' as const, '3' as const, '37' as const), start: date, length: fc.integer({ min: 1, max: 120 }) }),
  fc.record({ kind: fc.constant('duty' as const), start: date, council: fc.nat(1), icb: fc.nat(1) }),
  fc.record({ kind: fc.constant('residence' as const), from: date, council: fc.nat(1), unsettled: fc.boolean() }),
  fc.record({ kind: fc.constant('gp' as const), from: date, icb: fc.nat(1) }),
  fc.record({ kind: fc.constant('endDuty' as const), end: date }),
);

describe('stored alerts', () => {
  it('equal a fresh evaluation after import and after each random register edit', async () => {
    await withAlerts(async ({ services }) => {
      const ctx = systemAt();
      let n = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 5 }), async (edits) => {
          const file = fixture('law/TC-04.json');
          const personId = `p-${++n}`;
          await services.register.importCaseFileAlone(ctx, { ...file, person: { ...file.person, id: personId } });
          const exported = await services.register.readCaseFile(services.db, personId);
          const councils = exported.organisations.filter((o) => o.kind === 'local_authority').map((o) => o.id);
          const icbs = exported.organisations.filter((o) => o.kind === 'icb').map((o) => o.id);
          let check = await storedAndFresh(services, personId);
          assert.deepEqual(check.stored, check.fresh);
          for (const step of edits) {
            const current = await services.register.readCaseFile(services.db, personId);
            try {
              if (step.kind === 'detention') {
                const end = new Date(Date.parse(step.start) + step.length * 86_400_000).toISOString().slice(0, 10);
                await services.register.addDetention(ctx, personId, { section: step.section, start: step.start, end, leftHospital: end });
              } else if (step.kind === 'duty') {
                const detention = current.detentions.at(-1);
                if (!detention) continue;
                await services.register.addDuty(ctx, personId, { detentionId: detention.id, start: step.start, localAuthorityId: councils[step.council % councils.length], healthBodyId: icbs[step.icb % icbs.length] });
              } else if (step.kind === 'residence') {
                await services.register.addResidence(ctx, personId, { from: step.from, nation: 'england', kind: step.unsettled ? 'temporary' : 'own_home', localAuthorityId: councils[step.council % councils.length] });
              } else if (step.kind === 'gp') {
                await services.register.addGpRegistration(ctx, personId, { from: step.from, healthBodyId: icbs[step.icb % icbs.length] });
              } else {
                const duty = current.duties.find((d) => !d.end);
                if (!duty) continue;
                const { version } = (await services.register.getCase(ctx, personId)).duties.find((d: { id: string }) => d.id === duty.id) as { version: number };
                await services.register.endDuty(ctx, personId, duty.id, { end: step.end, endReason: 'other', version });
              }
            } catch (error) {
              // A write the register refuses (a date before the duty began) changes nothing, alerts included.
              if (!(error instanceof Error && /Validation|Conflict/.test(error.constructor.name))) throw error;
            }
            check = await storedAndFresh(services, personId);
            assert.deepEqual(check.stored, check.fresh);
          }
        }),
        { numRuns: 10, seed: 117 },
      );
    }, database);
  });

  it('are cleared, not deleted, when they stop holding, and the sweep is idempotent', async () => {
    await withAlerts(async ({ services }) => {
      const ctx = systemAt();
      const file = fixture('law/TC-04.json');
      await services.register.importCaseFileAlone(ctx, { ...file, person: { ...file.person, id: 'p-sweep' } });
      const first = await services.alerts.sweep({ asOf: '2026-03-12', now: NOW });
      assert.equal(first.status, 'done');
      const rowsAfterFirst = await services.db.select().from(storedAlerts).where(eq(storedAlerts.personId, 'p-sweep'));
      assert.ok(rowsAfterFirst.length >= 3, 'the case raises alerts on that date');
      const again = await services.alerts.sweep({ asOf: '2026-03-12', now: NOW });
      assert.deepEqual(again.status === 'done' && [again.raised, again.cleared, again.updated], [0, 0, 0]);
      assert.deepEqual(await services.db.select().from(storedAlerts).where(eq(storedAlerts.personId, 'p-sweep')), rowsAfterFirst);
      // Sweeping back to a date before anything held clears every alert but keeps the rows.
      await services.alerts.sweep({ asOf: '2022-01-01', now: NOW });
      const rows = await services.db.select().from(storedAlerts).where(eq(storedAlerts.personId, 'p-sweep'));
      assert.equal(rows.length, rowsAfterFirst.length);
      assert.ok(rows.every((row) => row.clearedAt !== null));
    }, database);
  });
});
