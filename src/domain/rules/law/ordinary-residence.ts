/**
 * Reading ordinary residence immediately before a detention period (§0.1a "Reading residence", §2.3 d–e):
 * R is the latest residence that began before t0 and is not detention in hospital or prison (LA-04). Its
 * recorded judgement decides; without one, the kind decides (LA-02:INFERRED). A residence under a legal
 * condition is not voluntary (LA-04, Wiltshire v Hertfordshire) and an informal stay in hospital without a
 * recorded judgement may not have moved residence (LA-09): both are passed over, with a flag, to the one before.
 */
import type { CivilDate } from '../../calendar/civil-date.ts';
import type { Residence } from '../../case-file/schema.ts';
import type { LawContext } from './context.ts';
import { lastIndexBefore } from './history.ts';

const SETTLED_KINDS: ReadonlySet<Residence['kind']> = new Set<Residence['kind']>(['own_home', 'family', 'supported_living', 'care_home', 'shared_lives']);

export interface OrdinaryResidenceFinding {
  t0: CivilDate;
  /** R: the residence that decides, or null when the history has none before t0. */
  residence: Residence | null;
  /** Ordinarily resident at R (recorded, else inferred from its kind). */
  ordinarilyResident: boolean;
  inferred: boolean;
  /** The earliest prison period after R and before t0 (LA-10). */
  custody: Residence | null;
  /** A residence under a legal condition that was passed over (LA-04). */
  legalCondition: Residence | null;
  /** An informal stay in hospital before the detention (LA-09): passed over, or R itself when recorded. */
  informal: Residence | null;
  /** A detention in hospital or prison was passed over (LA-04). */
  passedOverDetention: boolean;
}

export function findOrdinaryResidence(context: LawContext, t0: CivilDate): OrdinaryResidenceFinding {
  const residences = context.residences;
  let custody: Residence | null = null;
  let legalCondition: Residence | null = null;
  let informal: Residence | null = null;
  let residence: Residence | null = null;
  let passedOverDetention = false;
  for (let i = lastIndexBefore(residences, t0); i >= 0; i--) {
    const candidate = residences[i] as Residence;
    if (candidate.kind === 'hospital_detained') {
      passedOverDetention = true;
      continue;
    }
    if (candidate.kind === 'prison') {
      custody = candidate;
      passedOverDetention = true;
      continue;
    }
    if (candidate.legalCondition !== undefined) {
      legalCondition ??= candidate;
      continue;
    }
    if (candidate.kind === 'hospital_informal') {
      informal ??= candidate;
      if (candidate.ordinarilyResident !== 'yes') continue;
    }
    residence = candidate;
    break;
  }
  if (residence === null) return { t0, residence, ordinarilyResident: false, inferred: false, custody, legalCondition, informal, passedOverDetention };
  const recorded = residence.ordinarilyResident;
  const inferred = recorded === undefined || recorded === 'unknown';
  const ordinarilyResident = inferred ? SETTLED_KINDS.has(residence.kind) : recorded === 'yes';
  return { t0, residence, ordinarilyResident, inferred, custody, legalCondition, informal, passedOverDetention };
}

/** Is the person ordinarily resident in England or Wales at R? */
export function residentInEnglandOrWales(finding: OrdinaryResidenceFinding): boolean {
  const nation = finding.residence?.nation;
  return finding.ordinarilyResident && (nation === 'england' || nation === 'wales');
}

/** Memoised per analysis: the health body reads the origin period's finding too. */
export function ordinaryResidenceCache(context: LawContext): (t0: CivilDate) => OrdinaryResidenceFinding {
  const cache = new Map<CivilDate, OrdinaryResidenceFinding>();
  return (t0) => {
    let finding = cache.get(t0);
    if (finding === undefined) {
      finding = findOrdinaryResidence(context, t0);
      cache.set(t0, finding);
    }
    return finding;
  };
}
