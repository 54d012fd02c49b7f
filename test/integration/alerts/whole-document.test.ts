/**
 * The whole `aftercare.alerts/v1` document of today is read in one statement (only the columns it shows,
 * the acknowledgement as a correlated EXISTS). Its bytes must be those of the document as it was built
 * before: every current stored row through Drizzle, the acknowledgements of those people read and applied
 * in code, sorted, then encoded by the route's zod schema — kept here as the reference. Compared for a
 * council, its ICB, an organisation that sees nothing and the system, with acknowledgements current,
 * lapsed, made later and of another alert; the CSV is the same document's.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, asc, isNull } from 'drizzle-orm';
import { safeEncode } from 'zod';
import { systemContext, type Actor } from '../../../src/platform/context.ts';
import type { DbOrTx } from '../../../src/platform/db/client.ts';
import { addDays, todayInLondon } from '../../../src/domain/calendar/civil-date.ts';
import { resolvedVisibility } from '../../../src/modules/register/repository.ts';
import { acknowledgedOn, alertKey } from '../../../src/modules/alerts/alert-diff.ts';
import { alertsCsv } from '../../../src/modules/alerts/alerts-csv.ts';
import { ALERTS_SCHEMA_ID, alertsDocument, type AlertsDocument, type ListedAlert } from '../../../src/modules/alerts/api-schemas.ts';
import { acknowledgementsOf, insertAcknowledgement } from '../../../src/modules/alerts/repository.ts';
import { storedAlerts } from '../../../src/modules/alerts/tables.ts';
import { createTestApp, type SignedIn, type TestApp } from '../../support/app.ts';
import { fixture } from './support.ts';

let t: TestApp;
let council: SignedIn;
let icb: SignedIn;
let stranger: SignedIn;
const people = ['p-1', 'p-2', 'p-3', 'p-4', 'p-5', 'p-6'];

/** The document as `listAlerts` built it for today before the one-statement read (the reference). */
async function referenceDocument(db: DbOrTx, actor: Actor, today: string): Promise<AlertsDocument> {
  const rows = (
    await db
      .select({ alert: storedAlerts })
      .from(storedAlerts)
      .where(and(isNull(storedAlerts.clearedAt), await resolvedVisibility(db, actor, storedAlerts.personId)))
      .orderBy(asc(storedAlerts.personId), asc(storedAlerts.since), asc(storedAlerts.ruleId), asc(storedAlerts.subjectId))
  ).map((row) => row.alert);
  const personIds = actor.kind === 'system' ? 'all' : [...new Set(rows.map((row) => row.personId))];
  const acks = new Map<string, { acknowledgedOn: string; lookAgainOn: string }[]>();
  for (const ack of await acknowledgementsOf(db, personIds)) {
    const key = `${ack.personId}\u0000${alertKey(ack)}`;
    acks.set(key, [...(acks.get(key) ?? []), ack]);
  }
  const alerts: ListedAlert[] = rows.map((row) => ({
    personId: row.personId,
    id: row.ruleId,
    severity: row.severity as ListedAlert['severity'],
    since: row.since,
    subject: { kind: row.subjectKind, id: row.subjectId },
    message: row.message,
    acknowledged: acknowledgedOn(acks.get(`${row.personId}\u0000${alertKey(row)}`) ?? [], today),
  }));
  const keys = (x: ListedAlert) => [x.personId, x.since, x.id, x.subject.id];
  alerts.sort((a, b) => {
    const [ka, kb] = [keys(a), keys(b)];
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
    return 0;
  });
  return { schema: ALERTS_SCHEMA_ID, asOf: today, alerts };
}

/** The bytes fastify-type-provider-zod sent for a document: the schema's encoding, then JSON.stringify. */
const encoded = (document: AlertsDocument) => JSON.stringify(safeEncode(alertsDocument, document).data);

before(async () => {
  t = await createTestApp();
  const files = ['law/TC-04.json', 'law/TC-01.json', 'law/TC-09.json'].map(fixture);
  for (const [i, id] of people.entries()) {
    const file = files[i % files.length]!;
    await t.services.register.importCaseFileAlone(systemContext(), { ...file, person: { ...file.person, id } });
  }
  const duty = (await t.services.register.readCaseFile(t.services.db, 'p-1')).duties[0]!;
  council = await t.signedInUser(['practitioner'], { organisationId: duty.localAuthorityId });
  icb = await t.signedInUser(['practitioner'], { organisationId: duty.healthBodyId });
  stranger = await t.signedInUser(['practitioner'], { organisationId: await t.createOrganisation() });
  // Acknowledgements of four kinds: in force today, lapsed, made after today, and of a subject that has no alert.
  const today = todayInLondon(new Date());
  const whole = await t.services.alerts.listAlerts(systemContext());
  const [first, second, third] = [whole.alerts[0]!, whole.alerts[3]!, whole.alerts[5]!];
  const ack = (alert: ListedAlert, acknowledgedOn: string, lookAgainOn: string, subjectId = alert.subject.id) =>
    insertAcknowledgement(t.services.db, {
      id: `ack-${alert.personId}-${acknowledgedOn}-${subjectId}`, personId: alert.personId, ruleId: alert.id, subjectKind: alert.subject.kind, subjectId,
      reason: 'Looked at it', acknowledgedOn, lookAgainOn, acknowledgedBy: 'u', acknowledgedByName: 'U', acknowledgedAt: new Date(),
    });
  await ack(first, addDays(today, -3), addDays(today, 30));
  await ack(second, addDays(today, -30), today);
  await ack(third, addDays(today, 1), addDays(today, 30));
  await ack(third, addDays(today, -1), addDays(today, 30), 'no-such-subject');
});
after(async () => {
  await t.close();
});

describe("today's whole alerts document", () => {
  it('has the same bytes as the document built from whole rows, for every kind of caller', async () => {
    const today = todayInLondon(new Date());
    for (const [name, user] of [['council', council], ['ICB', icb], ['organisation that sees nothing', stranger]] as const) {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: user.headers });
      assert.equal(response.statusCode, 200, name);
      const actor: Actor = { kind: 'user', id: user.id, name: 'x', organisationId: user.organisationId, teamId: null, roles: ['practitioner'] };
      const reference = await referenceDocument(t.services.db, actor, today);
      assert.equal(response.body, encoded(reference), name);
      if (name !== 'organisation that sees nothing') assert.ok(reference.alerts.length > 0, `${name} sees alerts (${reference.alerts.length})`);
      const csv = await t.app.inject({ method: 'GET', url: '/alerts/alerts.csv', headers: user.headers });
      assert.equal(csv.body, alertsCsv(reference.alerts), `${name}: CSV`);
    }
    const system = await t.services.alerts.listAlerts(systemContext());
    const reference = await referenceDocument(t.services.db, systemContext().actor, today);
    assert.equal(encoded(system), encoded(reference), 'system');
    assert.deepEqual(
      system.alerts.filter((a) => a.acknowledged).map((a) => `${a.personId}/${a.id}/${a.subject.id}`),
      [system.alerts[0]!].map((a) => `${a.personId}/${a.id}/${a.subject.id}`),
      'only the acknowledgement in force today counts',
    );
  });
});
