/**
 * The law engine: from an as-of view of a case file, the s117 duties the law gives, each with its
 * responsible council and health body, the rules that decided them, reasons and flags for a person to decide.
 */
import type { CivilDate } from '../../calendar/civil-date.ts';
import type { CaseFile } from '../../case-file/schema.ts';
import type { RulesConfig } from '../config.ts';
import type { LawAnalysis, LawDuty } from '../evaluation.ts';
import { buildLawContext } from './context.ts';
import { buildDetentionChains } from './detention-chains.ts';
import { buildDuties } from './duties.ts';
import { ordinaryResidenceCache } from './ordinary-residence.ts';
import { decideCouncil } from './responsible-council.ts';
import { decideHealthBody } from './responsible-health-body.ts';

export function analyseLaw(view: CaseFile, asOf: CivilDate, config: RulesConfig): LawAnalysis {
  const context = buildLawContext(view, asOf, config);
  const chains = buildDetentionChains(view.detentions, asOf, config.recallPolicy);
  const timeline = buildDuties(context, chains);
  const orAt = ordinaryResidenceCache(context);

  const duties: LawDuty[] = [];
  for (const draft of timeline.drafts) {
    const council = decideCouncil(context, draft, orAt);
    const healthBody = decideHealthBody(context, draft, council, orAt);
    const duty: LawDuty = {
      detentionId: (draft.period.dutyDetention ?? draft.period.episodes[0])?.id ?? draft.period.id,
      start: draft.start,
      localAuthority: { organisationId: council.organisationId, ruleIds: sortedUnion(draft.ruleIds, council.ruleIds), reasons: [...draft.reasons, ...council.reasons] },
      healthBody: { organisationId: healthBody.organisationId, ruleIds: sortedUnion(draft.ruleIds, healthBody.ruleIds), reasons: [...draft.reasons, ...healthBody.reasons] },
      flags: sortedUnion(draft.flags, council.flags, healthBody.flags),
    };
    if (draft.end !== undefined) {
      duty.end = draft.end;
      if (draft.endReason !== undefined) duty.endReason = draft.endReason;
    }
    duties.push(duty);
  }
  duties.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.detentionId < b.detentionId ? -1 : a.detentionId > b.detentionId ? 1 : 0));
  return { duties, flags: [...timeline.flags].sort() };
}

function sortedUnion(...sets: ReadonlySet<string>[]): string[] {
  const all: string[] = [];
  for (const set of sets) for (const value of set) all.push(value);
  all.sort(byCodeUnits);
  let kept = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[kept++] = all[i] as string;
  all.length = kept;
  return all;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
