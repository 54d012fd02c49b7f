/**
 * Canonical URLs the export uses. UK Core (HL7 UK, FHIR R4) profiles, extensions and code systems as published
 * in the UK Core package (checked against NHSDigital/FHIR-R4-UKCORE-STAGING-MAIN); HL7 terminology code
 * systems from terminology.hl7.org. Aftercare's own code systems have no published home: they sit under a
 * base the caller sets (see `FhirExportOptions.systemBase`).
 */
const ukCore = 'https://fhir.hl7.org.uk/StructureDefinition';

export const profiles = {
  Patient: `${ukCore}/UKCore-Patient`,
  RelatedPerson: `${ukCore}/UKCore-RelatedPerson`,
  Practitioner: `${ukCore}/UKCore-Practitioner`,
  Organization: `${ukCore}/UKCore-Organization`,
  EpisodeOfCare: `${ukCore}/UKCore-EpisodeOfCare`,
  Encounter: `${ukCore}/UKCore-Encounter`,
  CareTeam: `${ukCore}/UKCore-CareTeam`,
  CarePlan: `${ukCore}/UKCore-CarePlan`,
  Task: `${ukCore}/UKCore-Task`,
  Communication: `${ukCore}/UKCore-Communication`,
} as const;

export const extensions = {
  nhsNumberVerificationStatus: `${ukCore}/Extension-UKCore-NHSNumberVerificationStatus`,
  legalStatus: `${ukCore}/Extension-UKCore-LegalStatus`,
} as const;

export const systems = {
  nhsNumber: 'https://fhir.nhs.uk/Id/nhs-number',
  odsOrganisationCode: 'https://fhir.nhs.uk/Id/ods-organization-code',
  nhsNumberVerificationStatusEngland: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland',
  legalStatusClassificationEngland: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-LegalStatusClassificationEngland',
  legalStatusContext: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-LegalStatusContext',
  organisationType: 'http://terminology.hl7.org/CodeSystem/organization-type',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  roleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  participationMode: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationMode',
} as const;

/** Aftercare's own identifier and code systems, under the caller's base. */
export function aftercareSystems(base: string) {
  return {
    recordId: `${base}/Id/record`,
    gssCode: `${base}/Id/ons-gss-code`,
    cqcLocationId: `${base}/Id/cqc-location-id`,
    contactRole: `${base}/CodeSystem/contact-role`,
    careTeamRole: `${base}/CodeSystem/care-team-role`,
    serviceKind: `${base}/CodeSystem/service-kind`,
    episodeType: `${base}/CodeSystem/episode-type`,
  };
}
export type AftercareSystems = ReturnType<typeof aftercareSystems>;
