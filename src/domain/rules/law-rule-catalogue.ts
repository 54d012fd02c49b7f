/**
 * Every law rule id of `../shared/domain/s117-rules.md`, with its meaning in one plain-English sentence and
 * the source the rules document gives for it. Rule ids appear in evaluation reasons and flags
 * ("LA-10:PRISON_OR"); this table is what `docs/rules.md` prints for them. The ids not used in the
 * document (CMP-08, CMP-09) are absent on purpose.
 */
export type LawRuleArea = 'eligibility' | 'ending' | 'local_authority' | 'health_body' | 'services' | 'planning' | 'complaints';

export interface LawRule {
  readonly id: string;
  readonly area: LawRuleArea;
  readonly meaning: string;
  readonly source: string;
}

export const lawRuleAreaTitles: Record<LawRuleArea, string> = {
  eligibility: 'Eligibility and when the duty starts',
  ending: 'How the duty ends',
  local_authority: 'Responsible local authority',
  health_body: 'Responsible ICB or Welsh health board',
  services: 'What after-care covers, charging, choice and funding',
  planning: 'Care planning',
  complaints: 'Complaints and the Ombudsmen',
};

const rule = (id: string, area: LawRuleArea, meaning: string, source: string): LawRule => Object.freeze({ id, area, meaning, source });

export const lawRuleCatalogue: readonly LawRule[] = Object.freeze([
  rule('ELIG-01', 'eligibility', 'Detention under section 3, 37 (with or without 41), 45A, 47 or 48 qualifies a person for after-care once they cease to be detained and leave hospital.', 'MHA 1983 s117(1)'),
  rule('ELIG-02', 'eligibility', 'Sections 2, 4, 5, 35, 36, 38, 135 and 136, guardianship, informal admission and deprivation of liberty do not qualify on their own.', 'MHA 1983 s117(1) by omission; Mind; MHLO'),
  rule('ELIG-03', 'eligibility', 'Eligibility comes from the person\'s history: a live duty from an earlier qualifying detention continues through a later section 2, informal admission or deprivation of liberty.', 'MHLO; Code of Practice ch.33'),
  rule('ELIG-04', 'eligibility', 'The duty starts on the first day the person has both ceased to be detained under the qualifying section and left hospital, so an informal stay delays it.', 'MHA 1983 s117(1) "whether or not immediately after so ceasing"'),
  rule('ELIG-05', 'eligibility', 'Section 17 leave does not start the duty by itself; extended or overnight community leave is flagged for a person to decide.', 'R (CXF) v Central Bedfordshire [2017] EWHC 2311; R v Richmond ex p Watson [1999]'),
  rule('ELIG-06', 'eligibility', 'A community treatment order continues the duty from the section 3 or unrestricted section 37 it follows, for as long as the order lasts.', 'MHA 1983 s117(2)'),
  rule('ELIG-07', 'eligibility', 'Conditional discharge continues the duty from the restricted detention (37/41, 45A, 47/49, 48/49) it follows.', 'Mind "Section 117 aftercare"; GN Law (2015)'),
  rule('ELIG-08', 'eligibility', 'After-care planning should start at admission, before the duty itself begins.', 'Code of Practice para 33.10; R v Camden & Islington HA ex p K [2001]'),
  rule('ELIG-09', 'eligibility', 'Age and immigration status do not matter: children and people of any immigration status are owed after-care.', 'Code of Practice ch.33; MHLO'),
  rule('END-01', 'ending', 'The duty ends by decision only when the council and the ICB or health board are both satisfied the person no longer needs after-care; one body alone cannot end it.', 'MHA 1983 s117(2); PHSO/LGSCO joint guidance (2022)'),
  rule('END-02', 'ending', 'No decision to end the duty can be made while the person is on a community treatment order.', 'MHA 1983 s117(2)'),
  rule('END-03', 'ending', 'A proposal to end the duty is refused during a CTO, on improper grounds alone (disengagement, time passed, discharge from specialist services and the like), without both bodies\' agreement, or without a needs-based review.', 'MHA 1983 s117(2); Code of Practice ch.33; Ombudsman findings'),
  rule('END-04', 'ending', 'Ending the duty during a conditional discharge is allowed but flagged and needs legal sign-off.', 'MHLO forum practice'),
  rule('END-05', 'ending', 'The duty ends automatically when the person is detained again under a qualifying section; a new duty arises at the next discharge.', 'R (Worcestershire CC) v SSHSC [2023] UKSC 31'),
  rule('END-06', 'ending', 'The duty ends when the person dies.', 'common sense'),
  rule('LA-01', 'local_authority', 'The responsible council is the one for the area where the person was ordinarily resident immediately before being detained, or, with no ordinary residence in England or Wales, where they are resident or sent on discharge.', 'MHA 1983 s117(3) as substituted by Care Act 2014 s75 (from 1 April 2015)'),
  rule('LA-02', 'local_authority', 'Ordinary residence has its ordinary meaning: a home adopted voluntarily for settled purposes, judged through a decision-maker where the person lacks capacity.', 'R v Barnet LBC ex p Shah [1983]; Worcestershire [2023] UKSC 31'),
  rule('LA-03', 'local_authority', 'Care Act deeming does not apply to after-care, so a person placed in another council\'s area can become ordinarily resident there.', 'R (Worcestershire CC) v SSHSC [2023] UKSC 31'),
  rule('LA-03A', 'local_authority', 'If the Mental Health Act 2025 deeming provision is in force, a person placed by one council in specified accommodation elsewhere stays ordinarily resident in the placing council; differences are flagged.', 'Mental Health Act 2025 (reported as s.46(3A)(b)), text and commencement unverified'),
  rule('LA-04', 'local_authority', 'Time detained in hospital or in prison, or living under a legal condition, cannot make someone ordinarily resident in that place.', 'Worcestershire paras 56–57; R (Wiltshire) v Hertfordshire [2014] EWCA Civ 712'),
  rule('LA-05', 'local_authority', 'Residence is tested immediately before the detention that gave rise to the current duty, taken from the start of an unbroken run of compulsory detention.', 'Worcestershire [2023] UKSC 31; MHLO forum'),
  rule('LA-06', 'local_authority', 'The responsible council stays the same for the life of a duty, however often the person moves.', 'MHA 1983 s117(3); Care and Support Statutory Guidance ch.19'),
  rule('LA-07', 'local_authority', 'A qualifying re-detention ends the old council\'s duty, and the next duty goes to the council of ordinary residence immediately before the new detention.', 'Worcestershire [2023] UKSC 31'),
  rule('LA-08', 'local_authority', 'A homeless person may still be ordinarily resident somewhere; only if not does the "resident or sent on discharge" test apply, and that case is always flagged.', 'MHA 1983 s117(3)(c); MHLO forum; R (Sunderland) v South Tyneside [2012] EWCA Civ 1232'),
  rule('LA-09', 'local_authority', 'An informal hospital stay before the detention may change ordinary residence, so it is flagged.', 'MHLO; R (Sunderland) v South Tyneside [2012]'),
  rule('LA-10', 'local_authority', 'For prisoners and court orders from custody, the council is the one where the person lived before custody unless that home was given up; always flagged.', 'MHLO forum forensic practice'),
  rule('LA-11', 'local_authority', 'Disputes between councils are decided by the Secretary of State (England), the Welsh Ministers (Wales), or under joint arrangements across the border.', 'MHA 1983 s117(4)–(5); Care Act 2014 s40; SSWBA 2014 s195'),
  rule('LA-12', 'local_authority', 'While councils dispute responsibility, the lead council keeps meeting needs and refers the dispute to the Secretary of State after four months.', 'Care and Support (Disputes Between Local Authorities) Regulations 2014'),
  rule('LA-13', 'local_authority', 'A council that paid while another was responsible can recover what it spent.', 'Care Act 2014 s41'),
  rule('ICB-01', 'health_body', 'By default the health body follows the same ordinary-residence test as the council; in Wales it is the local health board for that area.', 'MHA 1983 s117(3)'),
  rule('ICB-02', 'health_body', 'For detentions from 1 July 2022 the ICB with core responsibility when the detention began keeps the after-care duty until the person is formally discharged from after-care.', 'NHS (ICBs: Responsibilities) Regulations 2022 (SI 2022/635) regs 5 and 7'),
  rule('ICB-03', 'health_body', 'Core responsibility lies with the ICB of the person\'s GP practice, or, if they are not registered, the ICB where they usually live.', 'NHS Act 2006 s14Z31; Who Pays?'),
  rule('ICB-04', 'health_body', 'A re-detention before formal discharge from after-care does not change the ICB, unlike the council.', 'SI 2022/635 reg 5; NHS England note on Worcestershire'),
  rule('ICB-05', 'health_body', 'After a formal joint decision ending after-care, a later detention identifies the ICB afresh.', 'SI 2022/635 reg 2(2)'),
  rule('ICB-06', 'health_body', 'NHS commissioners should not refuse or delay care because it is unclear who is responsible.', 'Who Pays? para 1.4'),
  rule('ICB-07', 'health_body', 'For court orders, transfers from custody and NHS England secure care, the ICB of GP registration before detention or custody is used by default, always flagged.', 'SI 2022/635 reg 5 (framed around applications); MHLO forum'),
  rule('ICB-08', 'health_body', 'Moves between England and Wales may shift responsibility to a Welsh health board, so they are flagged.', 'MHA 1983 s117(3)(b); SI 2022/635 reg 7'),
  rule('ICB-09', 'health_body', 'Duties that began before 1 July 2022 follow the earlier CCG and Who Pays? rules, always flagged.', 'Who Pays? 2013–2020 versions; Standing Rules amendments'),
  rule('SERV-01', 'services', 'A service is after-care only if it meets a need arising from the mental disorder and reduces the risk of deterioration and readmission.', 'MHA 1983 s117(6)'),
  rule('SERV-02', 'services', 'After-care is read broadly and can include health, social care, employment, accommodation and social, cultural and spiritual support.', 'Code of Practice ch.33'),
  rule('SERV-03', 'services', 'Care Act eligibility criteria are not the test for after-care needs.', 'LGA Partners in Care and Health s117 framework'),
  rule('SERV-04', 'services', 'Accommodation is after-care only when the need for it results from the condition and it is enhanced, specialised accommodation; then it is free.', 'R (Afework) v Camden [2013] EWHC 1637; MHA 1983 s117(6)'),
  rule('SERV-05', 'services', 'No charge can be made for after-care services, and wrongful charges are refunded.', 'R (Stennett) v Manchester CC [2002] UKHL 34'),
  rule('SERV-06', 'services', 'In a mixed package each service is tagged, and only services that are not after-care may be financially assessed.', 'Ombudsman findings; council practice'),
  rule('SERV-07', 'services', 'A person entitled to after-care accommodation may choose a suitable, available setting of the same type.', 'MHA 1983 s117A; Care and Support and After-care (Choice of Accommodation) Regulations 2014'),
  rule('SERV-08', 'services', 'If the chosen setting costs more than the usual rate, the person or a third party may pay the difference.', 'MHA 1983 s117A; SI 2014/2670'),
  rule('SERV-09', 'services', 'A top-up is lawful only for a genuinely preferred dearer setting; if nothing suitable was found at the usual rate, the authority pays the full cost.', 'LGSCO Sefton 23 005 398'),
  rule('SERV-10', 'services', 'Council direct payments can fund after-care and count as after-care services.', 'MHA 1983 s117(2C); Care Act 2014 ss31–33 and Sch 4'),
  rule('SERV-11', 'services', 'People have a legal right to a personal health budget for the NHS part of their after-care.', 'NHS Standing Rules Regulations 2012 regs 32A–32B (from 2 December 2019)'),
  rule('SERV-12', 'services', 'The council and the ICB share the duty; how they split the cost is a local agreement that must never delay services.', 'DHSC/NHS England discharge guidance (2024); PHSO/LGSCO guidance (2022)'),
  rule('SERV-13', 'services', 'The Tribunal may recommend that the after-care bodies make plans for after-care.', 'Mental Health Act 2025 s45'),
  rule('SERV-14', 'services', 'There is no statutory register, but the Ombudsmen treat having no record of who is owed after-care as fault.', 'LGSCO 21 003 925; Northamptonshire 22 009 742a'),
  rule('PLAN-01', 'planning', 'After-care planning sits within the Care Programme Approach or its successor, the Community Mental Health Framework.', 'NHS England CPA position statement (2022)'),
  rule('PLAN-02', 'planning', 'Planning starts at admission and the plan must be in place by discharge.', 'Code of Practice para 33.10; PHSO/LGSCO guidance (2022)'),
  rule('PLAN-03', 'planning', 'The person, their clinicians, community team, GP, council, carers, advocate and other agencies should be involved in planning.', 'Code of Practice ch.33 (unverified list)'),
  rule('PLAN-04', 'planning', 'The written plan covers the person\'s needs, who provides each service, its after-care status, funder, care coordinator and review date, and is shared with the person.', 'Code of Practice ch.33; PHSO/LGSCO guidance (2022)'),
  rule('PLAN-05', 'planning', 'Plans are reviewed regularly, at least every 12 months by default, and any ending must follow a review.', 'Code of Practice ch.33; local policies; LGSCO 21 003 925'),
  rule('PLAN-06', 'planning', 'In Wales, secondary mental health service users must have a care coordinator and a written care and treatment plan.', 'Mental Health (Wales) Measure 2010 ss14, 18'),
  rule('PLAN-07', 'planning', 'Statutory care and treatment plans under the 2025 Act are kept separate from, and linked to, the after-care plan.', 'Mental Health Act 2025 s21'),
  rule('CMP-01', 'complaints', 'Councils and NHS bodies must handle complaints properly, respectfully and in good time, and act on them.', 'Complaints Regulations 2009 (SI 2009/309) reg 3'),
  rule('CMP-02', 'complaints', 'For a joint complaint the bodies must co-operate, agree who leads and give one co-ordinated response.', 'SI 2009/309 reg 9'),
  rule('CMP-03', 'complaints', 'Complaints are normally made within 12 months of the event or of learning of it, but a late complaint with good reason is still considered.', 'SI 2009/309 reg 12'),
  rule('CMP-04', 'complaints', 'A complaint is acknowledged no later than 3 working days after it is received.', 'SI 2009/309 reg 13'),
  rule('CMP-05', 'complaints', 'The body investigates and sends a signed written response with its conclusions, actions and the right to go to the Ombudsman.', 'SI 2009/309 reg 14'),
  rule('CMP-06', 'complaints', 'If there is no response within 6 months of receipt (or a longer agreed period), the body must explain why in writing.', 'SI 2009/309 reg 14(4)'),
  rule('CMP-07', 'complaints', 'The statutory adult social care complaints process has one local stage.', 'LGSCO good practice guide, Part 4'),
  rule('CMP-10', 'complaints', 'The Ombudsmen normally expect the body to have had the complaint and a chance to respond first.', 'Local Government Act 1974 s26(5)'),
  rule('CMP-11', 'complaints', 'The Ombudsmen normally do not investigate complaints made more than 12 months after the person knew of the matter.', 'Local Government Act 1974 ss26B, 34D; Health Service Commissioners Act 1993 s9(4)'),
  rule('CMP-12', 'complaints', 'The LGSCO and PHSO can consider complaints spanning health and social care together.', 'Local Government Act 1974 s33ZA; Health Service Commissioners Act 1993 s18ZA'),
  rule('CMP-13', 'complaints', 'The Ombudsmen look for fault (maladministration or service failure) and whether it caused injustice before recommending a remedy.', 'Local Government Act 1974 ss26(1), 26A(1); HSCA 1993 s3(1)'),
  rule('CMP-14', 'complaints', 'Remedies put things right first, then add payments, apologies, reassessments, refunds with interest and service improvements.', 'LGSCO Guidance on remedies (November 2025)'),
  rule('CMP-15', 'complaints', 'Personal remedies are usually due within one month of the final decision and service improvements within three, with evidence of compliance.', 'LGSCO decision practice; Local Government Act 1974 s31(2)'),
]);
