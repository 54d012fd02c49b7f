/**
 * The alerts, chronology and journey pages and the alerts API through the whole app (app.inject): lists
 * limited to the cases the caller may see, acknowledging with a reason and a look-again date (audited,
 * hidden from the default list, kept), the CSV, the chronology's filters and downloads, and the journey's
 * text table matching the evaluation.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { systemContext } from '../../../src/platform/context.ts';
import { rowsOf } from '../../../src/platform/db/client.ts';
import { todayInLondon } from '../../../src/domain/calendar/civil-date.ts';
import { evaluate } from '../../../src/domain/rules/evaluate.ts';
import { journeyFacts } from '../../../src/modules/chronology/journey.ts';
import { lawDifferences } from '../../../src/modules/chronology/law-summary.ts';
import { subjectKindText } from '../../../src/modules/alerts/view-shaping.ts';
import { createTestApp, type SignedIn, type TestApp } from '../../support/app.ts';
import { fixture } from './support.ts';

let t: TestApp;
let manager: SignedIn;
let stranger: SignedIn;
const personId = 'p-pages';

before(async () => {
  t = await createTestApp();
  const file = fixture('law/TC-04.json');
  await t.services.register.importCaseFileAlone(systemContext(), { ...file, person: { ...file.person, id: personId } });
  const exported = await t.services.register.readCaseFile(t.services.db, personId);
  manager = await t.signedInUser(['team_manager'], { organisationId: exported.duties[0]!.localAuthorityId });
  stranger = await t.signedInUser(['team_manager'], { organisationId: await t.createOrganisation({ id: 'org-elsewhere', name: 'Elsewhere Council' }) });
});
after(async () => {
  await t.close();
});

describe('alerts through the app', () => {
  it('GET /api/v1/alerts gives the contract document, only for cases the caller may see', async () => {
    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: manager.headers });
    assert.equal(mine.statusCode, 200);
    const document = mine.json();
    assert.equal(document.schema, 'aftercare.alerts/v1');
    assert.equal(document.asOf, todayInLondon());
    const fresh = evaluate(await t.services.register.readCaseFile(t.services.db, personId), document.asOf).alerts;
    assert.deepEqual(document.alerts.map((a: { id: string; subject: { id: string } }) => `${a.id}/${a.subject.id}`), fresh.map((a) => `${a.id}/${a.subject.id}`));
    assert.ok(document.alerts.every((a: { personId: string; acknowledged: boolean }) => a.personId === personId && a.acknowledged === false));

    const past = await t.app.inject({ method: 'GET', url: '/api/v1/alerts?asOf=2023-01-11', headers: manager.headers });
    assert.deepEqual(past.json().alerts.map((a: { id: string }) => a.id), evaluate(await t.services.register.readCaseFile(t.services.db, personId), '2023-01-11').alerts.map((a) => a.id));

    const theirs = await t.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: stranger.headers });
    assert.deepEqual(theirs.json().alerts, []);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/alerts?asOf=2023-02-30', headers: manager.headers })).statusCode, 400);
  });

  it('acknowledging needs a reason and a future date, hides the alert from the default list and keeps it', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/people/${personId}/alerts`, headers: manager.headers });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /No aftercare plan/);
    // The subject reads as words, never as the case-file name of its kind.
    for (const current of (await t.services.alerts.caseAlerts(systemContext(), personId))) assert.ok(page.body.includes(`About the ${subjectKindText(current.subject.kind)} ${current.subject.id}`));
    assert.doesNotMatch(page.body, /About the [a-z]+[A-Z]/);
    const alert = (await t.services.alerts.listAlerts(systemContext())).alerts.find((a) => a.id === 'no-aftercare-plan')!;
    const form = { _csrf: manager.csrfToken, ruleId: alert.id, subjectKind: alert.subject.kind, subjectId: alert.subject.id };
    const refused = await t.app.inject({ method: 'POST', url: `/people/${personId}/alerts/acknowledge`, headers: manager.headers, payload: { ...form, reason: '', lookAgainOn: '2020-01-01' } });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Enter why you are acknowledging this alert/);
    const done = await t.app.inject({ method: 'POST', url: `/people/${personId}/alerts/acknowledge`, headers: manager.headers, payload: { ...form, reason: 'Plan meeting booked', lookAgainOn: '2099-01-01' } });
    assert.equal(done.statusCode, 303);

    const list = await t.app.inject({ method: 'GET', url: '/alerts', headers: manager.headers });
    assert.equal(list.statusCode, 200);
    assert.doesNotMatch(list.body, /No aftercare plan/);
    const all = await t.app.inject({ method: 'GET', url: '/alerts?show=all', headers: manager.headers });
    assert.match(all.body, /No aftercare plan/);
    const api = (await t.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: manager.headers })).json();
    assert.equal(api.alerts.find((a: { id: string }) => a.id === 'no-aftercare-plan').acknowledged, true);
    const csv = await t.app.inject({ method: 'GET', url: '/alerts/alerts.csv', headers: manager.headers });
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    assert.match(csv.body, /^personId,id,severity/);
    assert.ok(csv.body.includes(`${personId},no-aftercare-plan,high`));

    const audits = await t.services.audit.search(systemContext(), { personId });
    assert.ok(JSON.stringify(audits).includes('alert.acknowledge'));
  });

  it('the chronology shows every record, filters, and downloads a PDF and the case file', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/people/${personId}/chronology`, headers: manager.headers });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Detention began/);
    assert.match(page.body, /Alert raised/);
    const filtered = await t.app.inject({ method: 'GET', url: `/people/${personId}/chronology?type=duties`, headers: manager.headers });
    assert.doesNotMatch(filtered.body, /Detention began/);
    assert.match(filtered.body, /Section 117 duty began/);
    const pdf = await t.app.inject({ method: 'GET', url: `/people/${personId}/chronology/chronology.pdf`, headers: manager.headers });
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const json = await t.app.inject({ method: 'GET', url: `/people/${personId}/chronology/case-file.json`, headers: manager.headers });
    assert.equal(json.json().person.id, personId);
    assert.equal((await t.app.inject({ method: 'GET', url: `/people/${personId}/chronology`, headers: stranger.headers })).statusCode, 404);
  });

  it('the overview says what the law gives, with rule ids, warns where the register differs, and links to the journey', async () => {
    const differing = 'p-differs';
    const file = fixture('law/TC-04.json');
    await t.services.register.importCaseFileAlone(systemContext(), { ...file, person: { ...file.person, id: differing }, duties: file.duties.map((d) => ({ ...d, healthBodyId: d.healthBodyId === 'icb-a' ? 'icb-b' : 'icb-a' })) });
    for (const id of [personId, differing]) {
      const page = await t.app.inject({ method: 'GET', url: `/people/${id}`, headers: manager.headers });
      assert.equal(page.statusCode, 200);
      const card = page.body.slice(page.body.indexOf('id="law-summary"'));
      assert.match(card, /What the law says/);
      assert.ok(card.includes(`href="/people/${id}/journey#what-the-law-says"`));
      const exported = await t.services.register.readCaseFile(t.services.db, id);
      const evaluation = evaluate(exported, todayInLondon());
      assert.ok(evaluation.duties.length > 0);
      for (const duty of evaluation.duties) for (const ruleId of [...duty.localAuthority.ruleIds, ...duty.healthBody.ruleIds]) assert.ok(card.includes(ruleId), ruleId);
      const differs = evaluation.duties.some((duty) => lawDifferences(exported, duty).length > 0);
      assert.equal(card.includes('The register differs from the law'), differs, id);
      if (id === differing) assert.ok(differs && /the register records the health body as/.test(card));
    }
    // One audited case view per overview, as before.
    const views = async () => rowsOf<{ n: number }>(await t.services.db.execute(sql`select count(*)::int as n from audit_event where person_id = ${personId} and action = 'case.view'`))[0]!.n;
    const before = await views();
    await t.app.inject({ method: 'GET', url: `/people/${personId}`, headers: manager.headers });
    assert.equal(await views(), before + 1);
  });

  it('the journey table gives the same facts as the evaluation, and what the law says', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/people/${personId}/journey`, headers: manager.headers });
    assert.equal(page.statusCode, 200);
    const file = await t.services.register.readCaseFile(t.services.db, personId);
    const evaluation = evaluate(file, todayInLondon());
    const rows = [...page.body.matchAll(/<tr class="govuk-table__row">\s*<td class="govuk-table__cell">([^<]*)<\/td><td class="govuk-table__cell">([^<]*)<\/td>/g)].map((m) => `${m[1]}|${m[2]}`);
    const facts = journeyFacts(file, evaluation).map((f) => `${f.lane}|${f.label}`.replaceAll('&', '&amp;'));
    assert.deepEqual(rows, facts);
    assert.equal(rows.filter((r) => r.startsWith('Duties the law gives')).length, evaluation.duties.length);
    assert.match(page.body, /What the law says/);
    for (const duty of evaluation.duties) for (const ruleId of duty.localAuthority.ruleIds) assert.ok(page.body.includes(ruleId));
    assert.match(page.body, /<svg role="img"/);
  });
});
