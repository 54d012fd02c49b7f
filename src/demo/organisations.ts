/**
 * The organisations demo data and generated case files refer to. Councils, ICBs, the Welsh council and
 * health board and the NHS trust are real bodies with their real codes (GSS codes for councils, ODS codes
 * for NHS bodies); the providers and the charity are fictional (their CQC-style location ids are made up).
 * Ids are stable so that every generated case file and the seeded register agree on them.
 */
import type { Organisation } from '../domain/case-file/schema.ts';

/** The ids below, named so that generators and tests never spell them twice. */
export const demoOrganisationIds = {
  worcestershire: 'org-worcestershire',
  herefordshire: 'org-herefordshire',
  birmingham: 'org-birmingham',
  powys: 'org-powys',
  icbHerefordshireWorcestershire: 'org-icb-qgh',
  icbBirminghamSolihull: 'org-icb-qhl',
  lhbPowys: 'org-lhb-powys',
  trustHerefordshireWorcestershire: 'org-trust-r1a',
  providerMalvernView: 'org-provider-malvern-view',
  providerTemeCare: 'org-provider-teme-care',
  charityRiversideHousing: 'org-charity-riverside',
} as const;

const ids = demoOrganisationIds;

const organisations: readonly Organisation[] = [
  { id: ids.worcestershire, name: 'Worcestershire County Council', kind: 'local_authority', code: 'E10000034', nation: 'england' },
  { id: ids.herefordshire, name: 'Herefordshire Council', kind: 'local_authority', code: 'E06000019', nation: 'england' },
  { id: ids.birmingham, name: 'Birmingham City Council', kind: 'local_authority', code: 'E08000025', nation: 'england' },
  { id: ids.powys, name: 'Powys County Council', kind: 'local_authority', code: 'W06000023', nation: 'wales' },
  { id: ids.icbHerefordshireWorcestershire, name: 'NHS Herefordshire and Worcestershire ICB', kind: 'icb', code: 'QGH', nation: 'england' },
  { id: ids.icbBirminghamSolihull, name: 'NHS Birmingham and Solihull ICB', kind: 'icb', code: 'QHL', nation: 'england' },
  { id: ids.lhbPowys, name: 'Powys Teaching Health Board', kind: 'lhb', code: '7A7', nation: 'wales' },
  {
    id: ids.trustHerefordshireWorcestershire,
    name: 'Herefordshire and Worcestershire Health and Care NHS Trust',
    kind: 'nhs_trust',
    code: 'R1A',
    nation: 'england',
  },
  {
    id: ids.providerMalvernView,
    name: 'Malvern View Supported Living (fictional)',
    kind: 'provider',
    code: '1-9900000101',
    nation: 'england',
    cqc: { overall: 'good', safe: 'good', effective: 'good', caring: 'outstanding', responsive: 'good', wellLed: 'good', reportDate: '2025-03-14' },
  },
  {
    id: ids.providerTemeCare,
    name: 'Teme Valley Care at Home (fictional)',
    kind: 'provider',
    code: '1-9900000202',
    nation: 'england',
    cqc: {
      overall: 'requires_improvement',
      safe: 'requires_improvement',
      effective: 'good',
      caring: 'good',
      responsive: 'good',
      wellLed: 'requires_improvement',
      reportDate: '2024-11-02',
    },
  },
  { id: ids.charityRiversideHousing, name: 'Riverside Mental Health Housing Trust (fictional charity)', kind: 'voluntary', nation: 'england' },
];

/** A fresh copy each call, so a caller may change its copy freely. */
export function demoOrganisations(): Organisation[] {
  return structuredClone(organisations) as Organisation[];
}

/** Which council and health body cover an area, for generated residences and GP registrations. */
export interface DemoArea {
  localAuthorityId: string;
  healthBodyId: string;
  nation: 'england' | 'wales';
  /** A town in the area for generated addresses. */
  towns: readonly string[];
  /** Prefix for made-up GP practice codes in the area (ODS practice codes are a letter and 5 digits). */
  practicePrefix: string;
}

export const demoAreas: readonly DemoArea[] = [
  { localAuthorityId: ids.worcestershire, healthBodyId: ids.icbHerefordshireWorcestershire, nation: 'england', towns: ['Worcester', 'Redditch', 'Kidderminster', 'Bromsgrove', 'Evesham', 'Malvern'], practicePrefix: 'M81' },
  { localAuthorityId: ids.herefordshire, healthBodyId: ids.icbHerefordshireWorcestershire, nation: 'england', towns: ['Hereford', 'Leominster', 'Ross-on-Wye', 'Ledbury'], practicePrefix: 'M81' },
  { localAuthorityId: ids.birmingham, healthBodyId: ids.icbBirminghamSolihull, nation: 'england', towns: ['Birmingham', 'Sutton Coldfield', 'Erdington', 'Selly Oak'], practicePrefix: 'M85' },
  { localAuthorityId: ids.powys, healthBodyId: ids.lhbPowys, nation: 'wales', towns: ['Llandrindod Wells', 'Brecon', 'Newtown', 'Welshpool'], practicePrefix: 'W95' },
];
