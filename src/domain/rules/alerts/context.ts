/**
 * Facts the alert rules share, derived once per evaluation and only when a rule first asks for them
 * (alert-rules "Terms"): active duties, representatives and plans in force on a date, who a communication
 * reaches, settled accommodation, and indexes by id. Evaluation runs tens of thousands of times a second, so
 * every lookup by id goes through a Map and every date is compared as a `YYYY-MM-DD` string.
 */
import type { CivilDate } from '../../calendar/civil-date.ts';
import { plusDays, workingDaysAfter } from './dates.ts';
import type {
  Allocation,
  CarePlan,
  CaseFile,
  Communication,
  CommunicationPlan,
  Contact,
  Decision,
  Detention,
  Duty,
  Organisation,
  PanelRequest,
  PlacementSearch,
  Residence,
  Service,
} from '../../case-file/schema.ts';
import type { RulesConfig } from '../config.ts';
import type { LawAnalysis, LawDuty } from '../evaluation.ts';

export const QUALIFYING_SECTIONS: ReadonlySet<string> = new Set([
  '3',
  '37',
  '37/41',
  '45A',
  '47',
  '47/49',
  '48',
  '48/49',
]);
export const UNSETTLED_RESIDENCE_KINDS: ReadonlySet<string> = new Set([
  'rough_sleeping',
  'no_fixed_abode',
  'hotel',
  'temporary',
]);
export const ACCOMMODATION_SERVICE_KINDS: ReadonlySet<string> = new Set([
  'accommodation',
  'supported_living',
  'residential_care',
  'nursing_care',
]);

/** Half-open period: covers `from` up to the day before `to` (contract "Conventions"). */
export function covers(from: CivilDate, to: CivilDate | undefined, day: CivilDate): boolean {
  return from <= day && (to === undefined || to > day);
}

/** A service in progress on D: status not planned, a start on or before D, no end on or before D. */
export function inProgressOn(service: Service, day: CivilDate): boolean {
  return (
    service.status !== 'planned' && service.start !== undefined && covers(service.start, service.end, day)
  );
}

/** An ending that is not automatic (END-05 re-detention, END-06 death) must be a joint decision (END-01). */
export function endedByDecision(duty: Duty, asOf: CivilDate): duty is Duty & { end: CivilDate } {
  return (
    duty.end !== undefined &&
    duty.end <= asOf &&
    duty.endReason !== 'redetained' &&
    duty.endReason !== 'death'
  );
}

/** "Reaches X": an outbound communication whose `with` names X. */
export function reaches(communication: Communication, ref: string): boolean {
  return communication.direction === 'outbound' && communication.with.includes(ref);
}

function groupBy<T>(records: readonly T[], key: (record: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const k = key(record);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(record);
    else groups.set(k, [record]);
  }
  return groups;
}

function indexById<T extends { id: string }>(records: readonly T[]): Map<string, T> {
  const index = new Map<string, T>();
  for (const record of records) index.set(record.id, record);
  return index;
}

const NONE: readonly never[] = Object.freeze([]);

export class AlertContext {
  readonly view: CaseFile;
  readonly asOf: CivilDate;
  readonly law: LawAnalysis;
  readonly config: RulesConfig;
  readonly thresholds: RulesConfig['thresholds'];
  /** The person's name as a manager would read it in a list. */
  readonly personName: string;
  /** END-06: the person died on or before asOf. */
  readonly personDied: boolean;

  #activeDuties?: Duty[];
  #duties?: Map<string, Duty>;
  #detentions?: Map<string, Detention>;
  #contacts?: Map<string, Contact>;
  #decisions?: Map<string, Decision>;
  #organisations?: Map<string, Organisation>;
  #panelRequests?: Map<string, PanelRequest>;
  #carePlansByDuty?: Map<string, CarePlan[]>;
  #allocationsByDuty?: Map<string, Allocation[]>;
  #servicesById?: Map<string, Service>;
  #servicesByNeed?: Map<string, Service[]>;
  #communicationsByDecision?: Map<string, Communication[]>;
  #placementSearchesByDuty?: Map<string, PlacementSearch[]>;
  #panelRequestsByDuty?: Map<string, PanelRequest[]>;
  #lawDutyByDetention?: Map<string, LawDuty>;
  #residences?: readonly Residence[];
  #dayAfterAsOf?: CivilDate;
  #shared = new Map<string, unknown>();
  #representatives = new Map<CivilDate, Contact[]>();

  constructor(view: CaseFile, asOf: CivilDate, law: LawAnalysis, config: RulesConfig) {
    this.view = view;
    this.asOf = asOf;
    this.law = law;
    this.config = config;
    this.thresholds = config.thresholds;
    this.personName = `${view.person.givenName} ${view.person.familyName}`;
    this.personDied = view.person.dateOfDeath !== undefined && view.person.dateOfDeath <= asOf;
  }

  /**
   * A fact derived once per evaluation and shared by several rules (e.g. the decisions due to be told, used by both
   * decision alerts). `key` names the fact; `build` computes it on first use.
   */
  shared<T>(key: string, build: (ctx: AlertContext) => T): T {
    if (this.#shared.has(key)) return this.#shared.get(key) as T;
    const value = build(this);
    this.#shared.set(key, value);
    return value;
  }

  /** Active duty: recorded, `start <= asOf` and no `end <= asOf`. */
  get activeDuties(): readonly Duty[] {
    return (this.#activeDuties ??= this.view.duties.filter((duty) =>
      covers(duty.start, duty.end, this.asOf),
    ));
  }

  duty(id: string): Duty | undefined {
    return (this.#duties ??= indexById(this.view.duties)).get(id);
  }

  detention(id: string): Detention | undefined {
    return (this.#detentions ??= indexById(this.view.detentions)).get(id);
  }

  contact(id: string): Contact | undefined {
    return (this.#contacts ??= indexById(this.view.contacts)).get(id);
  }

  decision(id: string): Decision | undefined {
    return (this.#decisions ??= indexById(this.view.decisions)).get(id);
  }

  organisation(id: string): Organisation | undefined {
    return (this.#organisations ??= indexById(this.view.organisations)).get(id);
  }

  panelRequest(id: string): PanelRequest | undefined {
    return (this.#panelRequests ??= indexById(this.view.panelRequests)).get(id);
  }

  service(id: string): Service | undefined {
    return (this.#servicesById ??= indexById(this.view.services)).get(id);
  }

  carePlansOf(dutyId: string): readonly CarePlan[] {
    return (
      (this.#carePlansByDuty ??= groupBy(this.view.carePlans, (plan) => plan.dutyId)).get(dutyId) ?? NONE
    );
  }

  allocationsOf(dutyId: string): readonly Allocation[] {
    return (
      (this.#allocationsByDuty ??= groupBy(this.view.allocations, (allocation) => allocation.dutyId)).get(
        dutyId,
      ) ?? NONE
    );
  }

  placementSearchesOf(dutyId: string): readonly PlacementSearch[] {
    return (
      (this.#placementSearchesByDuty ??= groupBy(this.view.placementSearches, (search) => search.dutyId)).get(
        dutyId,
      ) ?? NONE
    );
  }

  panelRequestsOf(dutyId: string): readonly PanelRequest[] {
    return (
      (this.#panelRequestsByDuty ??= groupBy(this.view.panelRequests, (request) => request.dutyId)).get(
        dutyId,
      ) ?? NONE
    );
  }

  /** Services listing the need in `needIds`. */
  servicesFor(needId: string): readonly Service[] {
    if (!this.#servicesByNeed) {
      this.#servicesByNeed = new Map();
      for (const service of this.view.services) {
        for (const needId of service.needIds) {
          const group = this.#servicesByNeed.get(needId);
          if (group) group.push(service);
          else this.#servicesByNeed.set(needId, [service]);
        }
      }
    }
    return this.#servicesByNeed.get(needId) ?? NONE;
  }

  /** Communications dated on or before asOf that reference the decision in `aboutDecisionIds`. */
  communicationsAbout(decisionId: string): readonly Communication[] {
    if (!this.#communicationsByDecision) {
      this.#communicationsByDecision = new Map();
      for (const communication of this.view.communications) {
        if (communication.date > this.asOf || !communication.aboutDecisionIds) continue;
        for (const id of communication.aboutDecisionIds) {
          const group = this.#communicationsByDecision.get(id);
          if (group) group.push(communication);
          else this.#communicationsByDecision.set(id, [communication]);
        }
      }
    }
    return this.#communicationsByDecision.get(decisionId) ?? NONE;
  }

  /** The law's duty for a detention (the latest-starting one on or before asOf, should there be two). */
  lawDutyFor(detentionId: string): LawDuty | undefined {
    if (!this.#lawDutyByDetention) {
      this.#lawDutyByDetention = new Map();
      for (const lawDuty of this.law.duties) {
        if (lawDuty.start > this.asOf) continue;
        const seen = this.#lawDutyByDetention.get(lawDuty.detentionId);
        if (!seen || seen.start < lawDuty.start) this.#lawDutyByDetention.set(lawDuty.detentionId, lawDuty);
      }
    }
    return this.#lawDutyByDetention.get(detentionId);
  }

  /**
   * Representatives in force on D: contacts with `actsForPerson` and either consent given on or before D, or the
   * role deputy or attorney (their authority does not rest on consent).
   */
  representativesOn(day: CivilDate): readonly Contact[] {
    let found = this.#representatives.get(day);
    if (!found) {
      found = this.view.contacts.filter((contact) => isRepresentativeOn(contact, day));
      this.#representatives.set(day, found);
    }
    return found;
  }

  isRepresentativeOn(contactId: string, day: CivilDate): boolean {
    const contact = this.contact(contactId);
    return contact !== undefined && isRepresentativeOn(contact, day);
  }

  /** Communication plan in force on D: `from <= D`, no `to <= D`, the latest `from`. */
  communicationPlanOn(day: CivilDate): CommunicationPlan | undefined {
    let found: CommunicationPlan | undefined;
    for (const plan of this.view.communicationPlans) {
      if (covers(plan.from, plan.to, day) && (!found || plan.from > found.from)) found = plan;
    }
    return found;
  }

  /** Care plan in force on D: the duty's plan with the latest `agreedOn <= D`, whatever its current status. */
  carePlanInForce(dutyId: string, day: CivilDate): CarePlan | undefined {
    let found: CarePlan | undefined;
    for (const plan of this.carePlansOf(dutyId)) {
      if (
        plan.agreedOn !== undefined &&
        plan.agreedOn <= day &&
        (!found || plan.agreedOn > (found.agreedOn as string))
      )
        found = plan;
    }
    return found;
  }

  /** Residence history, oldest first. */
  get residences(): readonly Residence[] {
    if (!this.#residences) {
      const residences = this.view.residences;
      let sorted = true;
      for (let i = 1; i < residences.length && sorted; i += 1)
        sorted = (residences[i - 1] as Residence).from <= (residences[i] as Residence).from;
      this.#residences = sorted
        ? residences
        : [...residences].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    }
    return this.#residences;
  }

  residenceOn(day: CivilDate): Residence | undefined {
    for (const residence of this.residences) if (covers(residence.from, residence.to, day)) return residence;
    return undefined;
  }

  /** Settled accommodation on D; a day with no residence recorded is not settled. */
  isSettledOn(day: CivilDate): boolean {
    const residence = this.residenceOn(day);
    return residence !== undefined && !UNSETTLED_RESIDENCE_KINDS.has(residence.kind);
  }

  /** "N working days after D" (England and Wales bank holidays). */
  workingDaysAfter(day: CivilDate, n: number): CivilDate {
    return workingDaysAfter(day, n);
  }

  /** The day after asOf: the exclusive end of "every day up to and including asOf". */
  get dayAfterAsOf(): CivilDate {
    return (this.#dayAfterAsOf ??= plusDays(this.asOf, 1));
  }

  /**
   * The organisation that answers for `id` on asOf: follows `successorId` while the successor is in force on
   * asOf (alert-rules "Same organisation").
   */
  answeringOrganisation(id: string): string {
    let current = id;
    const seen = new Set<string>([current]);
    for (;;) {
      const successorId = this.organisation(current)?.successorId;
      if (successorId === undefined || seen.has(successorId)) return current;
      const successor = this.organisation(successorId);
      if (successor && !covers(successor.validFrom ?? this.asOf, successor.validTo, this.asOf))
        return current;
      seen.add(successorId);
      current = successorId;
    }
  }

  sameOrganisation(a: string, b: string): boolean {
    return a === b || this.answeringOrganisation(a) === this.answeringOrganisation(b);
  }
}

function isRepresentativeOn(contact: Contact, day: CivilDate): boolean {
  if (!contact.actsForPerson) return false;
  if (contact.role === 'deputy' || contact.role === 'attorney') return true;
  return contact.consent !== undefined && contact.consent.given && contact.consent.date <= day;
}
