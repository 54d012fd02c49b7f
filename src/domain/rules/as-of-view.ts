/**
 * The case file as it stood on `asOf` (contract "Conventions"): a case file is a snapshot of today, so
 * evaluating it as of an earlier date ignores every record whose own date is after `asOf` and treats every
 * dated change after `asOf` as not yet happened. Fields with no date of their own (a meeting's status, a
 * point's `answered`, accommodation-plus answers, organisations and staff) keep their value.
 *
 * Speed matters (evaluation runs thousands of times a second): untouched records and arrays are shared with
 * the input, not copied; only a record that changes is shallow-copied. The input is never modified.
 *
 * The view may still hold references to records that did not yet exist on `asOf` (a care plan agreed before
 * its duty starts, a service listing a need of a later plan); the rules look records up by id and treat an
 * id that finds nothing as absent.
 */
import type { CivilDate } from '../calendar/civil-date.ts';
import type { CarePlan, CaseFile, Detention, Duty, EndingDecision } from '../case-file/schema.ts';

/** Maps records to themselves (unchanged), a changed copy, or null (dropped); returns `records` itself if nothing changed. */
function mapRecords<T>(records: T[], view: (record: T) => T | null): T[] {
  let result: T[] | undefined;
  for (let i = 0; i < records.length; i += 1) {
    const record = records[i]!;
    const next = view(record);
    if (next !== record && !result) result = records.slice(0, i);
    if (result && next !== null) result.push(next);
  }
  return result ?? records;
}

const after = (date: CivilDate | undefined, asOf: CivilDate): boolean => date !== undefined && date > asOf;

/** A copy without `keys`, or the record itself when none of them is set. Built afresh, not with `delete`, so the copy stays a fast object. */
function without<T extends object>(record: T, keys: readonly (keyof T)[]): T {
  if (!keys.some((key) => record[key] !== undefined)) return record;
  const copy: Partial<T> = {};
  for (const key of Object.keys(record) as (keyof T)[]) {
    if (!keys.includes(key)) copy[key] = record[key];
  }
  return copy as T;
}

/** A copy without those of the date fields `keys` that are after `asOf`, or the record itself when there are none. */
function withoutLater<T extends object>(record: T, asOf: CivilDate, keys: readonly (keyof T)[]): T {
  let later: (keyof T)[] | undefined;
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string' && value > asOf) (later ??= []).push(key);
  }
  return later ? without(record, later) : record;
}

/** Drops a period record that had not begun, and an end (`to`) not yet reached. */
function period<T extends { from: CivilDate; to?: CivilDate | undefined }>(record: T, asOf: CivilDate): T | null {
  if (record.from > asOf) return null;
  return withoutLater(record, asOf, ['to']);
}

/**
 * A detention as of `asOf`. If it had not ended by `asOf`, its `end` and `leftHospital` are dropped. If it
 * had ended (`end <= asOf`) but `leftHospital` is after `asOf`, `leftHospital` is KEPT: the person ceased to
 * be detained but was still in hospital on `asOf` (an informal stay), and the law engine compares
 * `leftHospital` with `asOf` to see that. Dropping it would make the view say they left on `end`.
 */
function detentionAsOf(detention: Detention, asOf: CivilDate): Detention | null {
  if (detention.start > asOf) return null;
  let result = after(detention.end, asOf) ? without(detention, ['end', 'leftHospital']) : detention;
  if (result.leave) {
    const leave = mapRecords(result.leave, (l) => period(l, asOf));
    if (leave !== result.leave) result = { ...result, leave };
  }
  return result;
}

function endingAsOf(ending: EndingDecision, asOf: CivilDate): EndingDecision {
  const dropped: (keyof EndingDecision)[] = [];
  if (ending.localAuthoritySignOff && ending.localAuthoritySignOff.date > asOf) dropped.push('localAuthoritySignOff');
  if (ending.healthBodySignOff && ending.healthBodySignOff.date > asOf) dropped.push('healthBodySignOff');
  return withoutLater(dropped.length === 0 ? ending : without(ending, dropped), asOf, ['writtenReasonsSentOn']);
}

function dutyAsOf(duty: Duty, asOf: CivilDate): Duty | null {
  if (duty.start > asOf) return null;
  let result = after(duty.end, asOf) ? without(duty, ['end', 'endReason']) : duty;
  if (result.ending) {
    const ending = endingAsOf(result.ending, asOf);
    if (ending !== result.ending) result = { ...result, ending };
  }
  return result;
}

/**
 * Care plans count as agreed from `agreedOn`, so a plan agreed after `asOf` is dropped (drafts have no date
 * and stay). A plan superseded only by a plan agreed after `asOf` was still the agreed plan on `asOf`.
 */
function carePlansAsOf(plans: CarePlan[], asOf: CivilDate): CarePlan[] {
  if (!plans.some((plan) => after(plan.agreedOn, asOf) || plan.reviewedOn?.some((d) => d > asOf))) return plans;
  const kept = mapRecords(plans, (plan) => {
    if (after(plan.agreedOn, asOf)) return null;
    const reviewedOn = plan.reviewedOn?.filter((d) => d <= asOf);
    return reviewedOn && reviewedOn.length !== plan.reviewedOn!.length ? { ...plan, reviewedOn } : plan;
  });
  return mapRecords(kept, (plan) => {
    if (plan.status !== 'superseded' || plan.agreedOn === undefined) return plan;
    const agreedOn = plan.agreedOn;
    const supersededBy = kept.some((other) => other !== plan && other.dutyId === plan.dutyId && other.agreedOn !== undefined && other.agreedOn > agreedOn);
    return supersededBy ? plan : { ...plan, status: 'agreed' };
  });
}

export function asOfView(file: CaseFile, asOf: CivilDate): CaseFile {
  const meetings = mapRecords(file.meetings, (m) => (m.date > asOf ? null : m));
  const decisions = mapRecords(file.decisions, (d) => (d.date > asOf ? null : withoutLater(d, asOf, ['premiseFailedOn'])));
  const complaints = mapRecords(file.complaints, (c) => {
    if (c.receivedOn > asOf) return null;
    const result = withoutLater(c, asOf, ['acknowledgedOn', 'respondedOn']);
    // The outcome is the finding of the response; only a withdrawal stands without one.
    return after(c.respondedOn, asOf) && c.outcome !== 'withdrawn' ? without(result, ['outcome']) : result;
  });
  const gone = (ids: readonly { id: string }[], kept: readonly { id: string }[]) =>
    ids.length === kept.length ? new Set<string>() : new Set(ids.filter((r) => !kept.includes(r)).map((r) => r.id));
  const goneMeetings = gone(file.meetings, meetings);
  const goneDecisions = gone(file.decisions, decisions);
  const goneComplaints = gone(file.complaints, complaints);

  const person = withoutLater(file.person, asOf, ['dateOfDeath']);
  return {
    ...file,
    person,
    contacts: mapRecords(file.contacts, (c) => (c.consent && c.consent.date > asOf ? without(c, ['consent']) : c)),
    detentions: mapRecords(file.detentions, (d) => detentionAsOf(d, asOf)),
    ctos: mapRecords(file.ctos, (c) => (c.start > asOf ? null : withoutLater(c, asOf, ['end']))),
    residences: mapRecords(file.residences, (r) => period(r, asOf)),
    gpRegistrations: mapRecords(file.gpRegistrations, (g) => period(g, asOf)),
    duties: mapRecords(file.duties, (d) => dutyAsOf(d, asOf)),
    disputes: mapRecords(file.disputes, (d) => (d.openedOn > asOf ? null : withoutLater(d, asOf, ['referredOn', 'resolvedOn']))),
    allocations: mapRecords(file.allocations, (a) => period(a, asOf)),
    carePlans: carePlansAsOf(file.carePlans, asOf),
    services: mapRecords(file.services, (s) => {
      if (after(s.start, asOf)) return null;
      let result = s;
      // An end not yet reached: the service was still running, whatever its status says today.
      if (after(s.end, asOf)) result = { ...without(s, ['end']), status: s.status === 'ended' ? 'active' : s.status };
      if (result.funding) {
        const funding = mapRecords(result.funding, (f) => period(f, asOf));
        if (funding !== result.funding) result = { ...result, funding };
      }
      if (result.topUp) {
        const topUp = period(result.topUp, asOf);
        if (topUp !== result.topUp) result = topUp ? { ...result, topUp } : without(result, ['topUp']);
      }
      return result;
    }),
    charges: mapRecords(file.charges, (c) => {
      if (c.from > asOf) return null;
      const result = withoutLater(c, asOf, ['to']);
      return c.refund && c.refund.date > asOf ? without(result, ['refund']) : result;
    }),
    paymentOffers: mapRecords(file.paymentOffers, (o) =>
      o.offeredOn > asOf ? null : after(o.respondedOn, asOf) ? { ...without(o, ['respondedOn']), response: 'pending' } : o,
    ),
    panelRequests: mapRecords(file.panelRequests, (p) =>
      p.submittedOn > asOf ? null : after(p.decidedOn, asOf) ? without(p, ['decision', 'decidedOn', 'reasons']) : p,
    ),
    placementSearches: mapRecords(file.placementSearches, (p) =>
      p.approachedOn > asOf ? null : after(p.outcomeOn, asOf) ? { ...without(p, ['outcomeOn', 'reason']), outcome: 'pending' } : p,
    ),
    meetings,
    decisions,
    // An action raised at a meeting, by a decision or on a complaint that had not yet happened did not exist.
    actions: mapRecords(file.actions, (a) => {
      if ((a.meetingId && goneMeetings.has(a.meetingId)) || (a.decisionId && goneDecisions.has(a.decisionId)) || (a.complaintId && goneComplaints.has(a.complaintId))) return null;
      return withoutLater(a, asOf, ['completedOn']);
    }),
    communicationPlans: mapRecords(file.communicationPlans, (p) => period(p, asOf)),
    communications: mapRecords(file.communications, (c) => (c.date > asOf ? null : c)),
    appointments: mapRecords(file.appointments, (a) => (a.date > asOf ? null : a)),
    complaints,
    ombudsmanCases: mapRecords(file.ombudsmanCases, (o) => {
      // No ombudsman case before the complaint it is about.
      if (o.complaintId && goneComplaints.has(o.complaintId)) return null;
      const remedies = mapRecords(o.remedies, (r) => withoutLater(r, asOf, ['completedOn', 'evidenceSentOn']));
      return withoutLater(remedies === o.remedies ? o : { ...o, remedies }, asOf, ['finalDecisionOn']);
    }),
  };
}
