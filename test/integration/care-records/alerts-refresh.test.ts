/**
 * The care-records changes behind the new pages (change and end a service, end a charge, change and remove a
 * draft plan's need) each write one audit event and leave the case's stored alerts equal to a fresh
 * evaluation of its case file, with the services wired as the app wires them (the shared case writer).
 * A rehearsal (the confirmation pages' check) writes neither.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../../src/platform/db/client.ts';
import { fixture, storedAndFresh, systemAt, withAlerts } from '../alerts/support.ts';

test('every new care-records write is audited once and refreshes the stored alerts; a rehearsal does neither', async () => {
  await withAlerts(async ({ services }) => {
    const ctx = systemAt();
    const file = fixture('law/TC-04.json');
    const personId = 'p-care-alerts';
    await services.register.importCaseFileAlone(ctx, { ...file, person: { ...file.person, id: personId } });
    const care = services.careRecords;
    const events = async () => rowsOf<{ action: string }>(await services.db.execute(sql`select action from audit_event where person_id = ${personId} order by id`)).map((e) => e.action);
    const alertIds = async () => (await storedAndFresh(services, personId)).stored.map((key) => key.split('|')[0]);
    const expectRefreshed = async () => {
      const { stored, fresh } = await storedAndFresh(services, personId);
      assert.deepEqual(stored, fresh);
    };

    const plan = await care.createPlan(ctx, personId, { dutyId: 'du1' });
    await care.addNeed(ctx, personId, plan.id, { version: 1, description: 'Help to go out', relatedToMentalDisorder: true, category: 'social' });
    const needId = (await care.getCareRecords(ctx, personId)).carePlans[0]?.record.needs[0]?.id ?? '';
    const service = await care.addService(ctx, personId, { dutyId: 'du1', needIds: [needId], description: 'Day centre', kind: 'day_service', status: 'active', start: '2023-02-01', aftercare: false });
    const charge = await care.addCharge(ctx, personId, { serviceId: service.id, payer: 'person', kind: 'contribution', from: '2023-03-01', weeklyPence: 2500 });
    assert.ok(!(await alertIds()).includes('aftercare-charged'));

    const steps: [string, () => Promise<unknown>][] = [
      ['service.update', () => care.changeService(ctx, personId, service.id, { version: 1, needIds: [needId], description: 'Day centre', kind: 'day_service', status: 'active', start: '2023-02-01', aftercare: true })],
      ['charge.end', () => care.endCharge(ctx, personId, charge.id, { version: 1, to: '2024-03-01' })],
      ['service.end', () => care.endService(ctx, personId, service.id, { version: 2, end: '2025-01-31' })],
      ['care_plan.change_need', () => care.changeNeed(ctx, personId, plan.id, needId, { version: 2, description: 'Help to go out and meet people', relatedToMentalDisorder: true })],
      ['care_plan.remove_need', () => care.removeNeed(ctx, personId, plan.id, needId, { version: 3 })],
    ];
    for (const [action, write] of steps) {
      const before = await events();
      await write();
      const added = (await events()).slice(before.length);
      assert.deepEqual(added.filter((a) => a !== 'case.view'), [action], `${action}: one audit event`);
      await expectRefreshed();
      if (action === 'service.update') assert.ok((await alertIds()).includes('aftercare-charged'), 'the change raised the charging alert at once');
    }

    // The confirmation pages' rehearsal: checked like the write, then nothing kept.
    const plan2 = await care.createPlan(ctx, personId, { dutyId: 'du1' });
    await care.addNeed(ctx, personId, plan2.id, { version: 1, description: 'A job', relatedToMentalDisorder: true });
    const need2 = (await care.getCareRecords(ctx, personId)).carePlans.find((p) => p.record.id === plan2.id)?.record.needs[0]?.id ?? '';
    const before = await events();
    await care.rehearse.removeNeed(ctx, personId, plan2.id, need2, { version: 2 });
    await assert.rejects(care.rehearse.removeNeed(ctx, personId, plan2.id, need2, { version: 1 }), { name: 'ConflictError' });
    assert.deepEqual(await events(), before);
    assert.equal((await care.getCareRecords(ctx, personId)).carePlans.find((p) => p.record.id === plan2.id)?.record.needs.length, 1);
  });
});
