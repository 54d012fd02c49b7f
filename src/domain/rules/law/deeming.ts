/**
 * Deeming and s117 (LA-03, LA-03A, U-02, U-11). Care Act s39 and Children Act s105(6) deeming do not apply
 * to s117 (Worcestershire); the Mental Health Act 2025 provision, once in force, applies Care Act s39 to
 * adults' s117 ordinary residence for detentions that begin on or after `mha2025DeemingFrom`.
 */
import { addMonths, type CivilDate } from '../../calendar/civil-date.ts';
import type { Residence } from '../../case-file/schema.ts';
import { organisationName, type LawContext } from './context.ts';
import { flag } from './flags.ts';
import type { OrdinaryResidenceFinding } from './ordinary-residence.ts';
import { councilReasons } from './reasons.ts';
import type { CouncilDecision } from './responsible-council.ts';

/** Care Act s39 "specified accommodation". */
const SPECIFIED_ACCOMMODATION: ReadonlySet<Residence['kind']> = new Set<Residence['kind']>(['care_home', 'supported_living', 'shared_lives']);
/** LA-03A: until the date is set, flag divergence for detentions after Royal Assent (18 December 2025). */
const MHA_2025_ROYAL_ASSENT = '2025-12-18';

export function checkDeeming(context: LawContext, finding: OrdinaryResidenceFinding, decision: CouncilDecision): void {
  const residence = finding.residence;
  if (residence === null || residence.placedById === undefined) return;
  const placing = residence.placedById;
  const placingName = organisationName(context, placing);
  decision.ruleIds.add('LA-03'); // placed by a council: no deeming for s117 (Worcestershire) unless LA-03A applies

  if (residence.placedUnder === 'children_act') {
    decision.flags.add(flag('LA-03', 'LOOKED_AFTER'));
    decision.reasons.push(councilReasons.lookedAfter(placingName));
  }
  if (!SPECIFIED_ACCOMMODATION.has(residence.kind) || placing === decision.organisationId) return;

  if (isAdultOn(context.dateOfBirth, finding.t0)) {
    const from = context.config.mha2025DeemingFrom;
    const ordinaryName = organisationName(context, decision.organisationId);
    if (from !== null && finding.t0 >= from) {
      decision.flags.add(flag('LA-03A', 'MHA2025_DEEMING'));
      decision.ruleIds.delete('LA-03');
      decision.ruleIds.add('LA-03A');
      decision.reasons.push(councilReasons.deemingApplied(placingName, ordinaryName, from));
      decision.organisationId = placing;
      decision.nation = context.organisations.get(placing)?.nation ?? residence.nation;
      return; // deemed into the placing council: no Care Act divergence remains
    }
    if (finding.t0 > MHA_2025_ROYAL_ASSENT) {
      decision.flags.add(flag('LA-03A', 'MHA2025_DEEMING'));
      decision.ruleIds.add('LA-03A');
      decision.reasons.push(councilReasons.deemingNotInForce(placingName, ordinaryName));
    }
  }
  if (residence.placedUnder === 'care_act') {
    decision.flags.add(flag('LA-03', 'CARE_ACT_DEEMING_DIVERGENCE'));
    decision.reasons.push(councilReasons.careActDivergence(placingName, organisationName(context, decision.organisationId)));
  }
}

/** LA-03A applies to people aged 18 or over; with no date of birth, assume an adult. */
function isAdultOn(dateOfBirth: CivilDate | null, date: CivilDate): boolean {
  return dateOfBirth === null || addMonths(dateOfBirth, 12 * 18) <= date;
}
