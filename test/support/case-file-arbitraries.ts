/**
 * fast-check arbitraries of valid case files: a generated demo person (any seed, any person number) plus
 * random extra records, and helpers to add records dated after an evaluation date. Every file these give
 * passes `validateCaseFile` (the property tests check that too).
 */
import fc from 'fast-check';
import { generateDemoCaseFiles } from '../../src/demo/case-file-generator.ts';
import { addDays, daysBetween } from '../../src/domain/calendar/civil-date.ts';
import type { CaseFile, Communication } from '../../src/domain/case-file/schema.ts';

export const SNAPSHOT = '2026-11-27';
const EARLIEST = '2016-01-01';

/** A civil date from `from` to `to` inclusive. */
export function dateArbitrary(from = EARLIEST, to = SNAPSHOT): fc.Arbitrary<string> {
  return fc.integer({ min: 0, max: daysBetween(from, to) }).map((offset) => addDays(from, offset));
}

/** A generated person: the seed and person number are shrinkable integers. */
export function generatedCaseFile(sections: 'register' | 'all' = 'all'): fc.Arbitrary<CaseFile> {
  return fc
    .tuple(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 10_000 }))
    .map(([seed, person]) => generateDemoCaseFiles({ seed, people: 1, firstPerson: person, asOf: SNAPSHOT, sections })[0] as CaseFile);
}

interface ExtraCommunication {
  date: string;
  direction: Communication['direction'];
  channel: Communication['channel'];
  toPerson: boolean;
  contactIndex: number;
  decisionIndex: number;
}

const extraCommunication: fc.Arbitrary<ExtraCommunication> = fc.record({
  date: dateArbitrary(),
  direction: fc.constantFrom('outbound', 'inbound'),
  channel: fc.constantFrom('letter', 'email', 'phone', 'visit', 'meeting', 'text', 'other'),
  toPerson: fc.boolean(),
  contactIndex: fc.nat(),
  decisionIndex: fc.nat(),
});

const extraAppointment = fc.record({
  date: dateArbitrary(),
  outcome: fc.constantFrom(undefined, 'attended', 'did_not_attend', 'cancelled_by_person', 'cancelled_by_staff', 'staff_did_not_attend'),
  staffIndex: fc.nat(),
});

/** A generated file with random extra communications and appointments (dated anywhere up to the snapshot). */
export function caseFileArbitrary(): fc.Arbitrary<CaseFile> {
  return fc
    .tuple(generatedCaseFile(), fc.array(extraCommunication, { maxLength: 6 }), fc.array(extraAppointment, { maxLength: 4 }))
    .map(([file, communications, appointments]) => {
      const result = structuredClone(file);
      communications.forEach((extra, i) => {
        const contact = result.contacts[extra.contactIndex % Math.max(1, result.contacts.length)];
        const decision = result.decisions[extra.decisionIndex % Math.max(1, result.decisions.length)];
        const communication: Communication = {
          id: `x-com${i + 1}`,
          date: extra.date,
          direction: extra.direction,
          channel: extra.channel,
          with: extra.toPerson || !contact ? ['person'] : [contact.id],
          summary: 'Extra generated contact',
        };
        if (decision && extra.decisionIndex % 3 === 0) communication.aboutDecisionIds = [decision.id];
        result.communications.push(communication);
      });
      const staff = result.staff.filter((member) => member.role === 'social_worker');
      appointments.forEach((extra, i) => {
        const member = staff[extra.staffIndex % Math.max(1, staff.length)];
        if (!member) return;
        result.appointments.push({ id: `x-apt${i + 1}`, date: extra.date, staffId: member.id, with: ['person'], ...(extra.outcome ? { outcome: extra.outcome } : {}) });
      });
      return result;
    });
}

/**
 * Records dated after `asOf`, added to a copy of `file`: new contact, appointments, meetings, decisions,
 * complaints, panel requests, placement searches, payment offers, care plans, a detention and a duty, and a
 * move (closing the open residence on the move's date, itself a change after `asOf`).
 */
export function withRecordsAfter(file: CaseFile, asOf: string, daysAfter: readonly number[]): CaseFile {
  const result = structuredClone(file);
  const day = (i: number): string => addDays(asOf, 1 + (daysAfter[i % Math.max(1, daysAfter.length)] ?? 0));
  const duty = result.duties[0];
  const worker = result.staff.find((member) => member.role === 'social_worker');
  const council = result.organisations.find((organisation) => organisation.kind === 'local_authority');
  const health = result.organisations.find((organisation) => organisation.kind === 'icb' || organisation.kind === 'lhb');
  result.communications.push({ id: 'f-com1', date: day(0), direction: 'outbound', channel: 'letter', with: ['person'], summary: 'Later letter' });
  result.decisions.push({ id: 'f-dec1', date: day(1), text: 'A later decision', kind: 'other', affectsPerson: true, ...(duty ? { dutyId: duty.id } : {}) });
  result.meetings.push({ id: 'f-m1', date: day(2), status: 'planned', kind: 'review', invited: ['person'], attended: [] });
  result.complaints.push({ id: 'f-cmp1', receivedOn: day(3), complainant: 'person', organisationIds: council ? [council.id] : [], procedure: 'statutory_2009', points: [{ id: 'f-pt1', text: 'A later complaint', answered: false }] });
  result.detentions.push({ id: 'f-det1', section: '3', start: day(4), end: addDays(day(4), 60) });
  if (worker) result.appointments.push({ id: 'f-apt1', date: day(5), staffId: worker.id, with: ['person'] });
  if (duty) {
    result.panelRequests.push({ id: 'f-pr1', dutyId: duty.id, submittedOn: day(6), proposal: 'A later proposal', decision: 'rejected', decidedOn: addDays(day(6), 5), reasons: 'Later' });
    result.placementSearches.push({ id: 'f-ps1', dutyId: duty.id, approachedOn: day(7), outcome: 'declined_by_provider', outcomeOn: addDays(day(7), 3) });
    result.paymentOffers.push({ id: 'f-po1', dutyId: duty.id, kind: 'direct_payment', offeredOn: day(8), response: 'pending' });
    result.carePlans.push({ id: 'f-cp1', dutyId: duty.id, status: 'agreed', agreedOn: day(9), needs: [{ id: 'f-n1', description: 'A later need', relatedToMentalDisorder: true }] });
  }
  if (council && health) result.duties.push({ id: 'f-du1', detentionId: 'f-det1', start: addDays(day(4), 60), localAuthorityId: council.id, healthBodyId: health.id });
  const last = result.residences[result.residences.length - 1];
  const moveOn = day(10);
  if (last && !last.to && last.from < moveOn && council) {
    last.to = moveOn;
    result.residences.push({ from: moveOn, nation: council.nation ?? 'england', localAuthorityId: council.id, kind: 'rough_sleeping' });
  }
  return result;
}
