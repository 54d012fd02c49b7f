/**
 * The reference case: Mr B, from the Local Government and Social Care Ombudsman's decision on Worcestershire
 * County Council (24 014 179), reconstructed as a case file as faithfully as the fields allow. It is
 * anonymised as the decision is (Mr B, council K, agency 1, agency 3, charity 2). The decision gives months,
 * not days, for most events: the exact dates here are invented within those months and listed in the
 * person's `ext.datesInvented`; dates the decision states are kept. The same document is committed as
 * test/fixtures/reference/lgsco-24-014-179.json (regenerate with `node src/demo/write-reference-fixture.ts`).
 */
import type { CaseFile } from '../domain/case-file/schema.ts';
import { CASE_FILE_SCHEMA_ID } from '../domain/case-file/schema.ts';
import { referenceCaseParties } from './reference-case-parties.ts';
import { referenceCaseWork } from './reference-case-work.ts';

export const REFERENCE_PERSON_ID = 'p-lgsco-24-014-179';

export function referenceCaseFile(): CaseFile {
  const parties = referenceCaseParties();
  const work = referenceCaseWork();
  return {
    schema: CASE_FILE_SCHEMA_ID,
    organisations: parties.organisations,
    staff: parties.staff,
    person: {
      id: REFERENCE_PERSON_ID,
      givenName: 'Mr',
      familyName: 'B',
      nhsNumber: '9990241171',
      ext: {
        source: 'LGSCO final decision 24 014 179 (Worcestershire County Council); anonymised as in the decision.',
        nhsNumber: 'From the never-issued 999 test range: not a real NHS number.',
        datesInvented: [
          'The s3 detention (8 August to 18 November 2022) and the earlier Worcestershire residence: the decision says only that he was detained under s3 in the past while living in Worcestershire.',
          'The move to council K on 12 December 2022 (decision: December 2022); the eviction on 14 July 2023 and homelessness from 4 September 2023 (decision: "later", 2023).',
          'The hospital admission on 11 March 2024 (decision: March 2024) and the hotel from 5 April 2024 (four weeks before Friday 3 May 2024, which the decision gives).',
          'The decision calls 7 May 2024 a Monday; it was a Tuesday (6 May was the bank holiday). The date is kept as given.',
          'Temporary accommodation from 21 October 2024 (decision: October 2024); charity 2 accommodation from 17 February 2025 (decision: offered later) until it broke down on 9 June 2025 (decision: June 2025).',
          'Panel: submitted 4 December, decided 14 December 2023 (decision: December 2023); the resubmission of 19 March 2024 is given, its rejection on 21 March 2024 is invented.',
          'Care plans agreed 16 April and 24 May 2024 (decision: April, May 2024); the professionals meeting on 11 April 2024 (decision: April 2024).',
          'Providers approached before the first panel (October and November 2023), the placement that declined in May 2024 and the two supported-living refusals of June and July 2024 (decision: "a lot of agencies ... had declined Mr B").',
          'Representative acting with consent from 1 August 2024 (he complained for Mr B in August 2024); complaint received 12 August, acknowledged 14 August, answered 25 October 2024.',
          'The appointment with the representative on 15 October 2024 (decision: between September and 7 November 2024; the Council found no record of it).',
          'The change of social worker on 21 October 2024 (decision: October 2024); the June 2025 meeting on 19 June 2025 and the end of the allocation on 20 June 2025 (decision: June 2025).',
          "The premise of the 8 October 2024 decision is taken to have failed on 2 December 2024: the decision says only that the move to charity 2's accommodation did not happen soon because there were no vacancies.",
          'The final decision date, 10 September 2025: the decision text carries none (it reports events of June 2025). Its three remedies are due within one month.',
        ],
      },
    },
    contacts: parties.contacts,
    detentions: [
      {
        id: 'det-s3',
        section: '3',
        start: '2022-08-08',
        end: '2022-11-18',
        hospital: 'A mental health unit in Worcestershire (not named in the decision)',
        ext: { note: 'Decision: "detained under section 3 of the Mental Health Act in the past"; he is eligible for s117 aftercare.' },
      },
    ],
    ctos: [],
    residences: [
      { from: '2016-01-04', to: '2020-01-06', nation: 'england', localAuthorityId: 'org-worcestershire', healthBodyId: 'org-icb-qgh', kind: 'rough_sleeping', ordinarilyResident: 'unknown', ext: { note: 'Street homeless for many years.' } },
      { from: '2020-01-06', to: '2022-08-08', nation: 'england', localAuthorityId: 'org-worcestershire', healthBodyId: 'org-icb-qgh', kind: 'hostel', ordinarilyResident: 'yes' },
      { from: '2022-08-08', to: '2022-11-18', nation: 'england', localAuthorityId: 'org-worcestershire', healthBodyId: 'org-icb-qgh', kind: 'hospital_detained', ordinarilyResident: 'no' },
      { from: '2022-11-18', to: '2022-12-12', nation: 'england', localAuthorityId: 'org-worcestershire', healthBodyId: 'org-icb-qgh', kind: 'hostel', ordinarilyResident: 'yes' },
      { from: '2022-12-12', to: '2023-07-14', nation: 'england', localAuthorityId: 'org-council-k', kind: 'supported_living', ordinarilyResident: 'yes', ext: { note: 'Housing with a charity specialising in support for people with addiction problems; he was later evicted.' } },
      { from: '2023-07-14', to: '2023-09-04', nation: 'england', localAuthorityId: 'org-council-k', kind: 'temporary' },
      { from: '2023-09-04', to: '2024-03-11', nation: 'england', localAuthorityId: 'org-council-k', kind: 'rough_sleeping', ext: { note: 'Homeless, with several hospital admissions for pneumonia and overdoses (dates not given).' } },
      { from: '2024-03-11', to: '2024-04-05', nation: 'england', localAuthorityId: 'org-council-k', kind: 'other', ext: { note: 'In hospital (admitted March 2024; reason not given in the decision).' } },
      { from: '2024-04-05', to: '2024-05-03', nation: 'england', localAuthorityId: 'org-council-k', kind: 'hotel', ext: { note: 'Discharged to a hotel; stayed four weeks, then had to move.' } },
      { from: '2024-05-03', to: '2024-10-21', nation: 'england', localAuthorityId: 'org-council-k', kind: 'rough_sleeping', ext: { note: 'The second hotel refused him access (found out 7 May 2024); homeless from then on.' } },
      { from: '2024-10-21', to: '2025-02-17', nation: 'england', localAuthorityId: 'org-council-k', kind: 'temporary' },
      { from: '2025-02-17', to: '2025-06-09', nation: 'england', localAuthorityId: 'org-council-other', kind: 'supported_living', ext: { note: "Charity 2's accommodation, in a different local authority." } },
      { from: '2025-06-09', nation: 'england', kind: 'no_fixed_abode', ext: { note: 'The placement broke down in June 2025; where he lived afterwards is not in the decision.' } },
    ],
    gpRegistrations: [{ from: '2020-01-06', healthBodyId: 'org-icb-qgh', ext: { note: 'Assumed: registered with a practice in Worcestershire before the detention; later registrations are not in the decision.' } }],
    duties: [
      { id: 'du-1', detentionId: 'det-s3', start: '2022-11-18', localAuthorityId: 'org-worcestershire', healthBodyId: 'org-icb-qgh', ext: { note: 'Worcestershire CC and the ICB stayed responsible after his move to council K (decision, paragraphs 11 and 45). The Council said it had not ended the duty.' } },
    ],
    disputes: [],
    allocations: [
      { dutyId: 'du-1', staffId: 'st-ref-sw1', from: '2022-11-18', to: '2024-10-21' },
      { dutyId: 'du-1', staffId: 'st-ref-sw2', from: '2024-10-21', to: '2025-06-20', ext: { note: 'After the June 2025 meeting Mr B "did not have an allocated social worker anymore".' } },
    ],
    ...work,
  };
}
