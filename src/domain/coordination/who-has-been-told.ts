/**
 * "Who has been told" about a decision that affects the person: the person (or the contact the communication
 * plan in force on the decision date routes through) and every representative in force on that date. The
 * definitions are those of the alerts decision-not-communicated and decision-not-shared-with-representative:
 * - a communication counts when it is outbound, dated on or before asOf, and lists the decision in
 *   `aboutDecisionIds` (late still clears);
 * - a communication_arrangement decision must reach the person themselves or a representative in force on the
 *   communication's date: a change in how the person is contacted cannot be told only through the new route;
 * - each is due 5 working days after the decision; from that day an unreached addressee is overdue (the alert).
 */
import type { CivilDate } from '../calendar/civil-date.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import type { Communication, CommunicationPlan, Contact, Decision } from '../case-file/schema.ts';
import { defaultRulesConfig, type RulesConfig } from '../rules/config.ts';
import { communicationPlanInForce, isRepresentativeInForce, reaches, representativesInForce } from './representatives.ts';

export interface DecisionRecords {
  communications: readonly Communication[];
  communicationPlans: readonly CommunicationPlan[];
  contacts: readonly Contact[];
}

export type TellingState = 'reached' | 'waiting' | 'overdue';

export interface Addressee {
  kind: 'person' | 'representative';
  /** "person", or the representative's contact id. */
  ref: string;
  name: string;
  /** For the person: the contact the plan routes through, whose being told counts as telling the person. */
  viaContactId: string | null;
  state: TellingState;
  /** The first communication that reached them (or, for the person, the route that counts). */
  reachedBy: { communicationId: string; date: CivilDate; through: string } | null;
  reason: string;
}

export interface WhoHasBeenTold {
  decisionId: string;
  /** 5 working days after the decision: from this day an addressee not reached raises the alert. */
  due: CivilDate;
  addressees: Addressee[];
  /** decision-not-communicated would be raised on asOf. */
  notCommunicated: boolean;
  /** decision-not-shared-with-representative would be raised on asOf. */
  notSharedWithRepresentative: boolean;
}

function firstReaching(communications: readonly Communication[], counts: (c: Communication) => string | undefined): Addressee['reachedBy'] {
  for (const communication of communications) {
    const through = counts(communication);
    if (through !== undefined) return { communicationId: communication.id, date: communication.date, through };
  }
  return null;
}

/** Null for a decision that does not affect the person, or is dated after asOf. */
export function whoHasBeenTold(
  decision: Decision, records: DecisionRecords, asOf: CivilDate, config: RulesConfig = defaultRulesConfig,
): WhoHasBeenTold | null {
  if (!decision.affectsPerson || decision.date > asOf) return null;
  const due = addWorkingDays(decision.date, config.thresholds.decisionCommunicatedWorkingDays);
  const late = asOf >= due;
  const about = records.communications
    .filter((c) => c.date <= asOf && c.aboutDecisionIds?.includes(decision.id))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const contactById = new Map(records.contacts.map((contact) => [contact.id, contact]));
  const nameOf = (ref: string): string => (ref === 'person' ? 'the person' : (contactById.get(ref)?.name ?? ref));

  const arrangement = decision.kind === 'communication_arrangement';
  const plan = communicationPlanInForce(records.communicationPlans, decision.date);
  const via = !arrangement && plan?.route === 'via_contact' && plan.viaContactId ? plan.viaContactId : null;
  const personReached = firstReaching(about, (c) => {
    if (reaches(c, 'person')) return 'person';
    if (via !== null && reaches(c, via)) return via;
    if (arrangement) {
      return c.with.find((ref) => {
        const contact = contactById.get(ref);
        return ref !== 'person' && reaches(c, ref) && contact !== undefined && isRepresentativeInForce(contact, c.date);
      });
    }
    return undefined;
  });
  const state = (reached: Addressee['reachedBy']): TellingState => (reached ? 'reached' : late ? 'overdue' : 'waiting');

  const routeNote = arrangement
    ? 'This decision changes how the person is contacted, so it must reach them or someone acting for them, not only the new route.'
    : via !== null
      ? `Their communication plan routes through ${nameOf(via)}.`
      : '';
  const person: Addressee = {
    kind: 'person', ref: 'person', name: 'the person', viaContactId: via, state: state(personReached), reachedBy: personReached,
    reason: personReached
      ? `Told on ${personReached.date}${personReached.through === 'person' ? '' : ` through ${nameOf(personReached.through)}`}.`
      : `${late ? 'Not told within 5 working days of the decision.' : `Not told yet. Tell them before ${due}.`} ${routeNote}`.trim(),
  };

  const representatives = representativesInForce(records.contacts, decision.date).map((contact): Addressee => {
    const reachedBy = firstReaching(about, (c) => (reaches(c, contact.id) ? contact.id : undefined));
    return {
      kind: 'representative', ref: contact.id, name: contact.name, viaContactId: null, state: state(reachedBy), reachedBy,
      reason: reachedBy
        ? `Told on ${reachedBy.date}.`
        : `${late ? 'Not told within 5 working days of the decision.' : `Not told yet. Tell them before ${due}.`} They act for the person.`,
    };
  });

  return {
    decisionId: decision.id,
    due,
    addressees: [person, ...representatives],
    notCommunicated: person.state === 'overdue',
    notSharedWithRepresentative: representatives.some((r) => r.state === 'overdue'),
  };
}
