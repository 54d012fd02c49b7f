import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countRecords, generateDemoCaseFiles, largeCaseFile } from '../../../src/demo/case-file-generator.ts';
import { isValidNhsNumber } from '../../../src/domain/case-file/nhs-number.ts';
import { validateCaseFile } from '../../../src/domain/case-file/validate.ts';
import { evaluate } from '../../../src/domain/rules/evaluate.ts';
import type { CaseFile } from '../../../src/domain/case-file/schema.ts';

const asOf = '2026-11-27';
const registerSections = ['organisations', 'staff', 'person', 'contacts', 'detentions', 'ctos', 'residences', 'gpRegistrations', 'duties', 'disputes', 'allocations'] as const;

/** Dates of events that cannot lie in the future of a snapshot (planned meetings, appointments and due dates may). */
function pastDates(file: CaseFile): string[] {
  return [
    ...file.detentions.flatMap((d) => [d.start, d.end, d.leftHospital]),
    ...file.residences.flatMap((r) => [r.from, r.to]),
    ...file.gpRegistrations.flatMap((g) => [g.from, g.to]),
    ...file.duties.flatMap((d) => [d.start, d.end, d.ending?.writtenReasonsSentOn]),
    ...file.allocations.flatMap((a) => [a.from, a.to]),
    ...file.carePlans.map((p) => p.agreedOn),
    ...file.services.flatMap((s) => [s.start, s.end]),
    ...file.charges.flatMap((c) => [c.from, c.to, c.refund?.date]),
    ...file.panelRequests.flatMap((p) => [p.submittedOn, p.decidedOn]),
    ...file.placementSearches.flatMap((p) => [p.approachedOn, p.outcomeOn]),
    ...file.communications.map((c) => c.date),
    ...file.complaints.flatMap((c) => [c.receivedOn, c.acknowledgedOn, c.respondedOn]),
    ...file.ombudsmanCases.flatMap((o) => [o.finalDecisionOn, ...o.remedies.flatMap((r) => [r.completedOn, r.evidenceSentOn])]),
  ].filter((date): date is string => date !== undefined);
}

describe('generateDemoCaseFiles', () => {
  it('gives the same files for the same seed and different files for another', () => {
    const a = generateDemoCaseFiles({ seed: 11, people: 20, asOf });
    const b = generateDemoCaseFiles({ seed: 11, people: 20, asOf });
    const c = generateDemoCaseFiles({ seed: 12, people: 20, asOf });
    assert.deepEqual(a, b);
    assert.notDeepEqual(
      a.map((file) => file.person.nhsNumber),
      c.map((file) => file.person.nhsNumber),
    );
  });

  it('makes person n the same whatever the number of people or the batch it is generated in', () => {
    const ten = generateDemoCaseFiles({ seed: 5, people: 10, asOf });
    const three = generateDemoCaseFiles({ seed: 5, people: 3, asOf, firstPerson: 4 });
    assert.deepEqual(three.map((file) => file.person.id), ['p-5-4', 'p-5-5', 'p-5-6']);
    assert.deepEqual(three.map((file) => file.detentions), ten.slice(3, 6).map((file) => file.detentions));
  });

  it("keeps the register sections identical with sections 'register' and leaves the others empty", () => {
    const all = generateDemoCaseFiles({ seed: 3, people: 30, asOf, sections: 'all' });
    const register = generateDemoCaseFiles({ seed: 3, people: 30, asOf, sections: 'register' });
    for (const [i, file] of register.entries()) {
      const full = all[i] as CaseFile;
      for (const section of registerSections.filter((s) => s !== 'organisations' && s !== 'staff')) assert.deepEqual(file[section], full[section], section);
      assert.equal(file.carePlans.length + file.services.length + file.communications.length + file.meetings.length + file.complaints.length, 0);
      // Only what the register part refers to: a subset of the full file's organisations and staff.
      for (const organisation of file.organisations) assert.ok(full.organisations.some((o) => o.id === organisation.id));
      for (const member of file.staff) assert.ok(full.staff.some((s) => s.id === member.id));
    }
  });

  it('produces files that pass validateCaseFile over a few hundred seeds', () => {
    let files = 0;
    for (let seed = 1; seed <= 300; seed++) {
      for (const file of generateDemoCaseFiles({ seed, people: 2, asOf, sections: seed % 5 === 0 ? 'register' : 'all' })) {
        const result = validateCaseFile(file);
        assert.ok(result.ok, `seed ${seed} ${file.person.id}: ${result.ok ? '' : JSON.stringify(result.errors.slice(0, 5))}`);
        files++;
      }
    }
    assert.equal(files, 600);
  });

  it('uses unique never-issued NHS numbers (999 range) with valid check digits, and nothing happens after asOf', () => {
    const files = generateDemoCaseFiles({ seed: 21, people: 500, asOf });
    const numbers = files.map((file) => file.person.nhsNumber ?? '');
    assert.equal(new Set(numbers).size, 500);
    for (const number of numbers) {
      assert.match(number, /^999\d{7}$/);
      assert.ok(isValidNhsNumber(number), number);
    }
    for (const file of files) for (const date of pastDates(file)) assert.ok(date <= asOf, `${file.person.id}: ${date}`);
  });

  it('holds only the organisations and staff the case refers to', () => {
    for (const file of generateDemoCaseFiles({ seed: 8, people: 40, asOf })) {
      const text = JSON.stringify({ ...file, organisations: [], staff: [] });
      for (const member of file.staff) assert.ok(text.includes(`"${member.id}"`), member.id);
      for (const organisation of file.organisations) {
        const referred = text.includes(`"${organisation.id}"`) || file.staff.some((member) => member.organisationId === organisation.id);
        assert.ok(referred, `${file.person.id} holds unreferenced ${organisation.id}`);
      }
    }
  });

  it('averages about 40 records a person with all sections', () => {
    const files = generateDemoCaseFiles({ seed: 99, people: 400, asOf });
    const average = files.reduce((sum, file) => sum + countRecords(file), 0) / files.length;
    assert.ok(average >= 32 && average <= 55, `average ${average}`);
  });

  it('covers the histories the register must handle', () => {
    const files = generateDemoCaseFiles({ seed: 2026, people: 300, asOf });
    const count = (predicate: (file: CaseFile) => boolean): number => files.filter(predicate).length;
    /** A detention under the last section that continues, step by step back, from the ones before it. */
    const chain = (file: CaseFile, sections: string[]): boolean =>
      file.detentions.some((detention) => {
        let current: CaseFile['detentions'][number] | undefined = detention;
        for (const section of [...sections].reverse()) {
          if (current?.section !== section) return false;
          current = file.detentions.find((d) => d.id === current?.continuesFrom);
        }
        return true;
      });
    assert.ok(count((f) => chain(f, ['136', '2', '3'])) > 10, 's136 → s2 → s3');
    assert.ok(count((f) => f.detentions.some((d) => d.section === '37/41')) > 5, 's37/41');
    assert.ok(count((f) => f.ctos.length > 0) > 10, 'CTOs');
    assert.ok(count((f) => f.duties.some((d) => d.endReason === 'redetained')) > 10, 'qualifying re-detentions');
    assert.ok(count((f) => f.residences.some((r) => r.placedById && r.placedById !== r.localAuthorityId)) > 20, 'placed in another council');
    assert.ok(count((f) => f.contacts.some((c) => c.role === 'representative' && c.consent?.given)) > 50, 'representatives with consent');
    assert.ok(count((f) => f.contacts.some((c) => c.role === 'advocate')) > 30, 'advocates');
    assert.ok(count((f) => f.panelRequests.some((p) => p.resubmissionOf)) > 3, 'panel resubmissions');
    assert.ok(count((f) => f.ombudsmanCases.length > 0) >= 1, 'ombudsman cases');
    const alerts = new Map<string, number>();
    for (const file of files) {
      for (const alert of evaluate(file, asOf).alerts) {
        alerts.set(alert.id, (alerts.get(alert.id) ?? 0) + 1);
        // The register is right unless it was made wrong on purpose (marked in ext.demoError).
        if (alert.id === 'responsible-authority-mismatch' || alert.id === 'responsible-health-body-mismatch') {
          const duty = file.duties.find((d) => d.id === alert.subject.id);
          assert.match(String(duty?.ext?.demoError), alert.id === 'responsible-authority-mismatch' ? /council/ : /health_body/, `${file.person.id} ${alert.message}`);
        }
      }
    }
    for (const id of ['responsible-authority-mismatch', 'entitlement-not-registered', 'no-allocated-worker', 'assessed-need-unmet', 'no-contact-with-person']) {
      assert.ok((alerts.get(id) ?? 0) > 0, `some ${id}`);
    }
    // Mostly right: most people raise no mismatch.
    assert.ok((alerts.get('responsible-authority-mismatch') ?? 0) < 60);
  });
});

describe('largeCaseFile', () => {
  it('is about a thousand valid records, deterministic for its seed', () => {
    const file = largeCaseFile(1);
    const records = countRecords(file);
    assert.ok(records >= 900 && records <= 1100, `records ${records}`);
    assert.ok(validateCaseFile(file).ok);
    assert.deepEqual(largeCaseFile(1), file);
  });
});
