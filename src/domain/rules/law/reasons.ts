/**
 * The plain-English sentences the law engine gives for its answers: each names the organisation, the date
 * and the rule ids (GOV.UK style: short, active).
 */
import type { CivilDate } from '../../calendar/civil-date.ts';
import type { Residence } from '../../case-file/schema.ts';

const RESIDENCE_WORDS: Readonly<Record<Residence['kind'], string>> = {
  own_home: 'own home',
  family: 'family home',
  care_home: 'care home',
  supported_living: 'supported living',
  shared_lives: 'shared lives placement',
  hostel: 'hostel',
  temporary: 'temporary accommodation',
  hotel: 'hotel',
  rough_sleeping: 'rough sleeping',
  no_fixed_abode: 'no fixed abode',
  prison: 'prison',
  hospital_detained: 'detention in hospital',
  hospital_informal: 'informal stay in hospital',
  approved_premises: 'approved premises',
  other: 'residence',
};

export function residenceWords(residence: Residence): string {
  return `${RESIDENCE_WORDS[residence.kind]} from ${residence.from}`;
}

export const dutyReasons = {
  arose: (section: string, ceased: CivilDate, left: CivilDate) =>
    left === ceased
      ? `The duty arose on ${left}, when the person ceased to be detained under ${section} and left hospital (ELIG-01, ELIG-04).`
      : `The duty arose on ${left}: the person ceased to be detained under ${section} on ${ceased} but stayed in hospital informally until ${left} (ELIG-01, ELIG-04).`,
  cto: (start: CivilDate) => `A community treatment order from ${start} continues the detention's aftercare; the duty cannot end while it is in force (ELIG-06, END-02).`,
  conditionalDischarge: (start: CivilDate) => `Conditionally discharged on ${start}: aftercare continues the restricted order (ELIG-07).`,
  continuedThrough: (date: CivilDate, section: string) => `Detained under ${section} on ${date}, which does not qualify, so the duty continued (ELIG-03).`,
  endedRedetained: (date: CivilDate, section: string) => `The duty ended on ${date}, when the person was detained again under ${section} (END-05).`,
  endedJointly: (date: CivilDate) => `The duty ended on ${date} by a joint decision of the council and the health body that the person no longer needs aftercare (END-01).`,
  endedByDeath: (date: CivilDate) => `The duty ended on ${date}, when the person died (END-06).`,
  endingBlockedByCto: (date: CivilDate) => `The joint decision recorded on ${date} does not end the duty: a community treatment order was in force (END-02).`,
  endingOnImproperGrounds: (date: CivilDate) => `The ending recorded on ${date} does not end the duty: its grounds do not show that the needs have gone (END-03).`,
  endingNotJoint: (date: CivilDate) => `The ending recorded on ${date} does not end the duty: both the council and the health body must sign it off (END-01).`,
  recallEnded: (date: CivilDate) => `Recalled on ${date}: under the worcestershire_strict policy the recall counts as a new detention (U-03); under the continuing-order view the duty would go on.`,
  s17Leave: (from: CivilDate, kind: string) => `On ${kind} s17 leave from ${from}: a person must decide whether the person had ceased to be detained and left hospital (ELIG-05).`,
  part6: (date: CivilDate) => `Transferred in under Part 6 on ${date}: treated as detained under the corresponding section (ELIG-01).`,
  custody: (from: CivilDate) => `In prison from ${from} while entitled: the duty continues and services are in custody; plan aftercare for release (U-05).`,
};

export const councilReasons = {
  ordinarilyResident: (name: string, dayBefore: CivilDate, t0: CivilDate, limb: '(a)' | '(b)') =>
    `Ordinarily resident in ${name}'s area on ${dayBefore}, immediately before the detention that began on ${t0} (LA-01${limb}, LA-05).`,
  inferred: (residence: string, yes: boolean) =>
    `No judgement of ordinary residence is recorded for the ${residence}; taken as ${yes ? 'ordinarily resident' : 'not ordinarily resident'} from its kind (LA-02).`,
  notInEnglandOrWales: (t0: CivilDate, residence: string) =>
    `No ordinary residence in England or Wales immediately before the detention that began on ${t0} (last residence: ${residence}) (LA-01(c), LA-08).`,
  sentOnDischarge: (name: string, date: CivilDate) => `Sent on discharge to ${name}'s area on ${date}: this council is given (LA-01(c), LA-08).`,
  notYetSent: () => 'Not yet sent anywhere on discharge, so no council can be named yet under s117(3)(c) (LA-01(c)).',
  sameCandidate: () => 'The person is resident in the same area, so both readings of s117(3)(c) agree (LA-08).',
  recallKept: (date: CivilDate, alternative: string) =>
    `Recalled on ${date}: under the continuing-order policy the recall neither ends the duty nor moves it (LA-06, U-03). If the recall counted as a new detention, the next duty would fall to ${alternative} (LA-07).`,
  otherCandidate: (name: string, when: string) =>
    `The other candidate under s117(3)(c) is ${name}, where the person ${when}; the Act does not say which to prefer (LA-08).`,
  custody: (from: CivilDate) => `In custody from ${from} before the detention: ordinary residence is taken from before custody (LA-10, LA-04).`,
  lostDuringDetention: (name: string, to: CivilDate) =>
    `The residence in ${name}'s area ended on ${to}, during the detention; losing accommodation while detained does not move ordinary residence (LA-04, LA-08).`,
  legalCondition: (residence: string, condition: string) =>
    `The ${residence} was under a ${condition.replace('_', ' ')} condition, which is not voluntary, so it does not make the person ordinarily resident there (LA-04).`,
  informal: (residence: string, name: string) =>
    `An ${residence} came before the detention; it may have changed ordinary residence on the facts (LA-09). Without a recorded judgement the earlier residence was used; the other candidate is ${name}.`,
  informalRecorded: (residence: string) => `The ${residence} is recorded as ordinary residence; informal admissions may change residence on the facts (LA-09).`,
  pre2015: (t0: CivilDate) => `The detention began on ${t0}, before 1 April 2015, when s117(3) read differently (resident, or sent on discharge): this answer applies the current test as far as the record allows (LA-01).`,
  deemingApplied: (deemed: string, ordinary: string, from: CivilDate) =>
    `The Mental Health Act 2025 deeming provision, in force from ${from}, keeps the person ordinarily resident in ${deemed}'s area, the placing council; on the ordinary meaning it would be ${ordinary} (LA-03A).`,
  deemingNotInForce: (deemed: string, ordinary: string) =>
    `On the ordinary meaning the council is ${ordinary} (LA-03); if the Mental Health Act 2025 deeming provision is in force, it would be ${deemed}, the placing council (LA-03A).`,
  careActDivergence: (placing: string, answer: string) =>
    `${placing} placed the person under the Care Act. Care Act deeming does not apply to s117, so ${answer} is responsible for aftercare; ${placing} may still be responsible for Care Act needs not related to the mental disorder (LA-03).`,
  lookedAfter: (placing: string) => `${placing} placed the child under the Children Act; its deeming rule does not apply to s117 (LA-03).`,
  movedDuringDuty: (name: string, date: CivilDate) => `Moved to ${name}'s area on ${date}; the council stays the same for the life of the duty (LA-06).`,
  afterRedetention: (date: CivilDate) => `The earlier duty ended on re-detention on ${date}, so this duty is allocated afresh (LA-07).`,
  unbrokenPeriod: (atStart: string, atSection: string, qualifyingStart: CivilDate) =>
    `Read at the start of the unbroken detention the council is ${atStart}; read at the qualifying section on ${qualifyingStart} it would be ${atSection} (LA-05).`,
  areaUnknown: () => 'The deciding residence has no council recorded for its area.',
};

export const healthBodyReasons = {
  welshBoard: (name: string, t0: CivilDate) =>
    `Ordinarily resident in Wales immediately before the detention that began on ${t0}: ${name}, the Local Health Board for that area, is responsible (ICB-01).`,
  byGp: (name: string, date: CivilDate, t0: CivilDate) =>
    `${name} had core responsibility on ${date}, for the detention that began on ${t0}: the person's GP practice belonged to it (ICB-02, ICB-03).`,
  byUsualResidence: (name: string, date: CivilDate, t0: CivilDate) =>
    `Not registered with a GP on ${date}, for the detention that began on ${t0}: ${name} covers the area where the person usually lived (ICB-03).`,
  noFixedAbode: (date: CivilDate, candidate: string | null) =>
    `Not registered with a GP and no usual residence on ${date}${candidate === null ? '' : `; candidate: ${candidate}, where the person was living`} (ICB-03).`,
  carried: (name: string, origin: CivilDate, t0: CivilDate) =>
    `${name} stays responsible through the detention that began on ${t0}: no joint decision ended aftercare after the application on ${origin} (ICB-04).`,
  gpChanged: (name: string, date: CivilDate, kept: string) => `Registered with a GP practice of ${name} from ${date}; ${kept} stays responsible (ICB-04).`,
  afterJointDecision: (t0: CivilDate) => `Aftercare had been ended by a joint decision before the detention that began on ${t0}, so the health body is identified afresh (ICB-05).`,
  legacy: (origin: CivilDate) => `The chain began on ${origin}, before the ICB regulations of 1 July 2022: earlier CCG rules apply and this is the registration-based default (ICB-09).`,
  part3: (date: CivilDate) => `A court order or transfer direction is not an application: the default is core responsibility on ${date}, before custody or detention (ICB-07).`,
  crossBorder: () => 'The person lives in the other nation from the responsible body: an England–Wales case (ICB-08).',
  englishIcbInWales: () => 'An English ICB may keep responsibility only while the person lives in England; Wales points to the Local Health Board (ICB-08).',
  areaUnknown: () => 'The deciding residence has no health body recorded for its area.',
};
