/**
 * The organisations, staff and contacts of the reference case (LGSCO 24 014 179). Worcestershire County
 * Council and NHS Herefordshire and Worcestershire ICB are named with their real codes (the decision names
 * the Council and "the relevant ICB"); everyone else is anonymised as the decision anonymises them.
 */
import type { Contact, Organisation, Staff } from '../domain/case-file/schema.ts';

export function referenceCaseParties(): { organisations: Organisation[]; staff: Staff[]; contacts: Contact[] } {
  const unnamed = (id: string, name: string, kind: Organisation['kind']): Organisation => ({ id, name, kind, nation: 'england' });
  return {
    organisations: [
      { id: 'org-worcestershire', name: 'Worcestershire County Council', kind: 'local_authority', code: 'E10000034', nation: 'england' },
      { id: 'org-icb-qgh', name: 'NHS Herefordshire and Worcestershire ICB', kind: 'icb', code: 'QGH', nation: 'england' },
      unnamed('org-council-k', 'Council K (a neighbouring council, anonymised in the decision)', 'local_authority'),
      unnamed('org-council-other', "The council where charity 2's accommodation is (not named in the decision)", 'local_authority'),
      {
        ...unnamed('org-agency-1', 'Agency 1 (anonymised)', 'provider'),
        cqc: { wellLed: 'requires_improvement' },
        ext: { note: "CQC: 'amber' (requires improvement) on well-led; a pre-placement risk assessment scored it amber on staff knowledge. Not known to the Council or to council K." },
      },
      { ...unnamed('org-agency-3', 'Agency 3 (anonymised)', 'provider'), ext: { note: 'Residential care for people with criminal convictions.' } },
      { ...unnamed('org-charity-2', 'Charity 2 (anonymised)', 'voluntary'), ext: { note: 'Supports people who need housing support and have mental health issues.' } },
      unnamed('org-substance-charity', 'Alcohol and substance misuse charity (unnamed in the decision)', 'voluntary'),
      unnamed('org-care-agency', 'Care agency providing daily support (unnamed in the decision)', 'provider'),
      unnamed('org-provider-a', 'Provider approached before the first panel (unnamed)', 'provider'),
      unnamed('org-provider-b', 'Second provider approached before the first panel (unnamed)', 'provider'),
      unnamed('org-placement-may', 'Placement that declined Mr B in May 2024 (unnamed)', 'provider'),
      unnamed('org-provider-c', 'Supported living provider that declined Mr B in June 2024 (unnamed)', 'provider'),
      unnamed('org-provider-d', 'Supported living provider that declined Mr B in July 2024 (unnamed)', 'provider'),
    ],
    staff: [
      { id: 'st-ref-sw1', name: "Mr B's social worker (until October 2024)", organisationId: 'org-worcestershire', role: 'social_worker' },
      { id: 'st-ref-sw2', name: "Mr B's second social worker (October 2024 to June 2025)", organisationId: 'org-worcestershire', role: 'social_worker' },
      { id: 'st-ref-co', name: 'Complaint investigator', organisationId: 'org-worcestershire', role: 'complaints_officer' },
    ],
    contacts: [
      {
        id: 'c-rep',
        name: "Mr B's representative",
        role: 'representative',
        actsForPerson: true,
        consent: { given: true, date: '2024-08-01' },
        ext: { note: 'Complained for Mr B in August 2024; the Ombudsman discussed the complaint with him.' },
      },
      { id: 'c-charity2-worker', name: "Charity 2's worker", organisationId: 'org-charity-2', role: 'support_worker', actsForPerson: false },
      { id: 'c-agency1-manager', name: 'Manager of agency 1', organisationId: 'org-agency-1', role: 'other', actsForPerson: false },
    ],
  };
}
