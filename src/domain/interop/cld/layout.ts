/**
 * The DHSC Adult Social Care Client Level Data (CLD) Release 1 file layout as Aftercare writes it.
 *
 * UNVERIFIED: the column names, their order, date format and the value vocabularies below were written from
 * memory of the CLD specification and of the SALT return whose categories it reuses; they have not been
 * checked against the published specification. They are kept in this one file so that they can be corrected
 * against it without touching the logic. `docs/interoperability.md` lists each one.
 */
import type { Residence, Service } from '../../case-file/schema.ts';

export const cldColumns = [
  'LA_Code',
  'Reporting_Period_Start_Date',
  'Reporting_Period_End_Date',
  'LA_Person_Unique_Identifier',
  'NHS_Number',
  'Date_of_Birth',
  'Date_of_Death',
  'Gender',
  'Ethnicity',
  'Postcode',
  'Client_Type',
  'Primary_Support_Reason',
  'Accommodation_Status',
  'Client_Funding_Status',
  'Event_Type',
  'Event_Reference',
  'Event_Start_Date',
  'Event_End_Date',
  'Event_Outcome',
  'Request_Route_of_Access',
  'Assessment_Type',
  'Service_Type',
  'Service_Component',
  'Delivery_Mechanism',
  'Unit_Cost',
  'Cost_Frequency_Unit_Type',
  'Planned_Units_Per_Week',
  'Review_Reason',
] as const;
export type CldColumn = (typeof cldColumns)[number];
export type CldRow = Record<CldColumn, string>;

export const cldEventTypes = { request: 'Request', assessment: 'Assessment', service: 'Service', review: 'Review' } as const;

/** s117 aftercare arises from the mental disorder that led to detention: SALT's "Mental Health Support". */
export const S117_PRIMARY_SUPPORT_REASON = 'Mental Health Support';
export const CLIENT_TYPE_SERVICE_USER = 'Service User';
/** A duty starts when the person leaves hospital: the request for support comes by discharge. */
export const REQUEST_ROUTE_HOSPITAL_DISCHARGE = 'Discharge from Hospital';
/** An s117 needs assessment is not a Care Act assessment; CLD has no s117 assessment type, so "Other". */
export const ASSESSMENT_TYPE_S117 = 'Other Assessment';
export const ASSESSMENT_OUTCOME_SUPPORT = 'Long Term Support';
export const ASSESSMENT_OUTCOME_NO_SERVICES = 'No Services Provided';
export const REVIEW_REASON_PLANNED = 'Planned';
export const COST_FREQUENCY_WEEKLY = 'Weekly';
export const DELIVERY_COMMISSIONED = 'CASSR Commissioned Support';
export const DELIVERY_DIRECT_PAYMENT = 'Direct Payment';

/** Service kind → SALT long-term support setting (Service_Type) and component. */
export const serviceCategories: Record<Service['kind'], { serviceType: string; component: string }> = {
  accommodation: { serviceType: 'Long Term Support: Community', component: 'Other Long Term Community Support' },
  supported_living: { serviceType: 'Long Term Support: Community', component: 'Supported Living' },
  residential_care: { serviceType: 'Long Term Support: Residential Care', component: 'Residential Care' },
  nursing_care: { serviceType: 'Long Term Support: Nursing Care', component: 'Nursing Care' },
  care_at_home: { serviceType: 'Long Term Support: Community', component: 'Home Support' },
  day_service: { serviceType: 'Long Term Support: Community', component: 'Day Care' },
  community_mental_health: { serviceType: 'Long Term Support: Community', component: 'Other Long Term Community Support' },
  substance_misuse: { serviceType: 'Long Term Support: Community', component: 'Other Long Term Community Support' },
  employment: { serviceType: 'Long Term Support: Community', component: 'Other Long Term Community Support' },
  other: { serviceType: 'Long Term Support: Community', component: 'Other Long Term Community Support' },
};

/** Funding split of an s117 service in the period → Client_Funding_Status. s117 aftercare is never charged for. */
export const fundingStatuses = {
  council: 'Fully LA Funded',
  joint: 'Joint LA and NHS Funded',
  notRecorded: 'Fully LA Funded',
} as const;

/** Residence kind → SALT accommodation status; kinds that do not tell the tenure are left blank. */
export const accommodationStatuses: Partial<Record<Residence['kind'], string>> = {
  family: 'Settled mainstream housing with family / friends (including flat-sharing)',
  care_home: 'Registered care home',
  supported_living: 'Supported accommodation / supported lodgings / supported group home',
  shared_lives: 'Shared Lives scheme',
  hostel: 'Night shelter / emergency hostel / direct access hostel',
  temporary: 'Placed in temporary accommodation by the council (including homelessness resettlement)',
  hotel: 'Placed in temporary accommodation by the council (including homelessness resettlement)',
  rough_sleeping: 'Rough sleeper / squatting',
  prison: 'Prison / Young offenders institution / detention centre',
  hospital_detained: 'Acute / long-term healthcare residential facility or hospital',
  hospital_informal: 'Acute / long-term healthcare residential facility or hospital',
  approved_premises: 'Approved premises for offenders released from prison or under probation supervision',
};
