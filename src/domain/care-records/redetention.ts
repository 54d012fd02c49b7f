/**
 * Automatic ending on a qualifying re-detention (END-05, Worcestershire [2023] UKSC 31): the open duty ends
 * on the day the new qualifying detention begins, with reason `redetained`; a new duty arises when the
 * person next leaves hospital. Detention under a section that does not qualify (s2, s136…) does not end it
 * (ELIG-03, TC-14). The health body carries on: the originating ICB keeps responsibility through later
 * detentions until a joint decision ends aftercare (ICB-02, ICB-04), so the next duty keeps it.
 * Recalls follow RECALL_POLICY (U-03): under `continuing_order` a recall or CTO revocation does not end the
 * duty; either way the point is flagged for a person to decide.
 */
import type { Detention, Duty } from '../case-file/schema.ts';
import type { RulesConfig } from '../rules/config.ts';
import type { RuleReason } from './rule-result.ts';
import { formatDate } from './wording.ts';
// ELIG-01 and the recall kinds: the law engine's single definition.
import { isQualifyingSection, isRecall } from '../rules/law/qualifying-sections.ts';


export interface RedetentionEnding {
  dutyId: string;
  duty: Duty; // the duty as it now stands, ended
  /** The health body that stays responsible for the next duty (ICB-04). */
  continuingHealthBodyId: string;
  reasons: RuleReason[];
}

export interface RedetentionOutcome {
  ended: RedetentionEnding[];
  continuing: { dutyId: string; reasons: RuleReason[] }[];
  flags: string[];
}

/** Given a newly recorded detention, which of the person's open duties end, and on what date. */
export function endDutiesOnRedetention(input: { duties: readonly Duty[]; detention: Detention; recallPolicy: RulesConfig['recallPolicy'] }): RedetentionOutcome {
  const { duties, detention, recallPolicy } = input;
  const openOnStart = duties.filter((duty) => duty.detentionId !== detention.id && duty.start <= detention.start && (duty.end === undefined || duty.end > detention.start));
  const outcome: RedetentionOutcome = { ended: [], continuing: [], flags: [] };
  if (openOnStart.length === 0) return outcome;

  const section = `section ${detention.section}`;
  const recall = isRecall(detention);
  if (recall) outcome.flags.push('END-05:RECALL_CONTESTED');
  let continuingReason: RuleReason | null = null;
  if (!isQualifyingSection(detention.section)) {
    continuingReason = { ruleId: 'ELIG-03', reason: `Detention under ${detention.section === 'other' ? 'another power' : section} does not end aftercare. The duty continues.` };
  } else if (recall && recallPolicy === 'continuing_order') {
    continuingReason = { ruleId: 'END-05', reason: 'A recall to hospital, or revoking a CTO, does not end aftercare under this area’s policy, because the original order stayed in force. A person must confirm this.' };
  }
  for (const duty of openOnStart) {
    if (continuingReason) {
      outcome.continuing.push({ dutyId: duty.id, reasons: [continuingReason] });
      continue;
    }
    const ended: Duty = { ...duty, end: detention.start, endReason: 'redetained' };
    outcome.ended.push({
      dutyId: duty.id,
      duty: ended,
      continuingHealthBodyId: duty.healthBodyId,
      reasons: [
        { ruleId: 'END-05', reason: `The person was detained again under ${recall ? 'a recall' : section} on ${formatDate(detention.start)}, so this duty ended that day. A new duty starts when they next leave hospital.` },
        { ruleId: 'ICB-04', reason: 'The health body stays responsible for the next duty, because aftercare was not ended by a joint decision.' },
      ],
    });
  }
  return outcome;
}
