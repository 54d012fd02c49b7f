/**
 * The flag codes the law engine raises (`../shared/domain/s117-rules.md` §7 summary table, plus the few
 * the decision procedures need). A flag is written `RULE-ID:CODE`: the rule that raises it, then the code.
 * LA- flags concern the council and ICB- flags the health body (the mismatch alerts rely on that prefix).
 */
export const FLAG_CODES = Object.freeze({
  S117_3C: 'No ordinary residence in England or Wales: s117(3)(c) names the council where the person is resident or is sent on discharge, and the Act does not say which (LA-08, U-06).',
  ICB_NFA: 'Not registered with a GP and no usual residence could be identified on the application date (ICB-03; Who Pays? no-fixed-abode rule).',
  CARE_ACT_DEEMING_DIVERGENCE: 'A council placed the person under the Care Act; Care Act deeming makes that council responsible for Care Act needs, but not for s117 (LA-03, U-02).',
  PRISON_OR: 'Custody came before the detention: ordinary residence is taken from before custody, if it was not abandoned (LA-10).',
  RECALL_CONTESTED: 'Whether a CTO recall or revocation, or a conditional-discharge recall, ends the duty and re-tests ordinary residence is contested (RECALL_POLICY, U-03).',
  CUSTODY_GAP: 'The person is or was in prison while entitled: keep the entitlement, mark services as in custody, plan for release (U-05).',
  CROSS_BORDER: 'An England–Wales case: the responsible bodies are in one nation and the person lives in the other (ICB-08, LA-11(c)).',
  ICB_WALES: 'An English ICB keeps or loses responsibility across a move to Wales; the regulations bind English ICBs only (ICB-08).',
  S17_TRIGGER: 'Overnight or community-trial s17 leave: has the person ceased to be detained and left hospital? A person must decide (ELIG-05).',
  LEGACY: 'The chain began before 1 July 2022: the health body follows the earlier CCG rules (ICB-09).',
  INFERRED: 'No recorded judgement of ordinary residence: inferred from the kind of residence (LA-02).',
  PRE2015: 'The detention began before 1 April 2015, under the earlier wording of s117(3) (LA-01).',
  MHA2025_DEEMING: 'The Mental Health Act 2025 deeming provision and the ordinary meaning give different councils (LA-03A, U-11).',
  PART3: 'A Part 3 (court or transfer) basis: the ICB regulations are framed around applications, so the ICB is a default (ICB-07, U-07).',
  LEGAL_CONDITION: 'A residence under a legal condition (CTO, conditional discharge, guardianship, licence) is not voluntary and was not taken as ordinary residence (LA-04).',
  INFORMAL_ADMISSION: 'An informal admission came before the detention; it may have changed ordinary residence on the facts (LA-09, U-04).',
  UNBROKEN_PERIOD: 'Ordinary residence differs between the start of the unbroken detention and the start of the qualifying section (LA-05, U-04).',
  LOOKED_AFTER: 'A child placed under the Children Act: s105(6) deeming does not apply to s117 (LA-03).',
  AREA_UNKNOWN: 'The residence that decides has no council or health body recorded for its area.',
  PART6_TRANSFER: 'Transferred into England or Wales under MHA Part 6: probably qualifies as the corresponding section (§1.2).',
  CTO_IN_FORCE: 'A joint decision to end the duty was recorded while a CTO was in force; it cannot end the duty (END-02).',
  IMPROPER_GROUNDS: 'A joint decision to end the duty rests only on grounds that do not show the needs have gone; the duty continues (END-03).',
  CONDITIONAL_DISCHARGE: 'Aftercare was ended by joint decision while the person was conditionally discharged and liable to recall: legal sign-off is needed (END-04, U-09).',
  NOT_JOINT: 'An ending was recorded without both bodies signing off; one body alone cannot end the duty (END-01).',
} as const);

export type FlagCode = keyof typeof FLAG_CODES;

/** `RULE-ID:CODE`, e.g. flag('LA-10', 'PRISON_OR') = "LA-10:PRISON_OR". */
export function flag(ruleId: string, code: FlagCode): string {
  return `${ruleId}:${code}`;
}
