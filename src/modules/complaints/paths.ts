/**
 * Typed path builders for complaints and Ombudsman cases: every URL of this capability is written once,
 * here, beside the Fastify route patterns it must match. Ids are encoded.
 */
const e = encodeURIComponent;
const person = (id: string) => `/people/${e(id)}`;
const complaint = (id: string, complaintId: string) => `${person(id)}/complaints/${e(complaintId)}`;
const ombudsmanCase = (id: string, caseId: string) => `${person(id)}/ombudsman-cases/${e(caseId)}`;
const remedy = (id: string, caseId: string, remedyId: string) => `${ombudsmanCase(id, caseId)}/remedies/${e(remedyId)}`;

/** The workflow steps as they appear in URLs. */
export const stepSlugs = { acknowledge: 'acknowledge', respond: 'respond', close: 'close', withdraw: 'withdraw', agree_response_date: 'agree-response-date' } as const;
export type StepKind = keyof typeof stepSlugs;

export const complaintsPaths = {
  section: (id: string) => `${person(id)}/complaints`,
  newComplaint: (id: string) => `${person(id)}/complaints/new`,
  step: (id: string, complaintId: string, step: StepKind) => `${complaint(id, complaintId)}/${stepSlugs[step]}`,
  newPoint: (id: string, complaintId: string) => `${complaint(id, complaintId)}/points/new`,
  answerPoint: (id: string, complaintId: string, pointId: string) => `${complaint(id, complaintId)}/points/${e(pointId)}`,
  letter: (id: string, complaintId: string) => `${complaint(id, complaintId)}/letter`,
  letterPdf: (id: string, complaintId: string) => `${complaint(id, complaintId)}/letter.pdf`,
  newOmbudsmanCase: (id: string) => `${person(id)}/ombudsman-cases/new`,
  editOmbudsmanCase: (id: string, caseId: string) => `${ombudsmanCase(id, caseId)}/edit`,
  newRemedy: (id: string, caseId: string) => `${ombudsmanCase(id, caseId)}/remedies/new`,
  remedyProgress: (id: string, caseId: string, remedyId: string) => remedy(id, caseId, remedyId),
  review: (id: string, caseId: string, remedyId: string) => `${remedy(id, caseId, remedyId)}/review`,
  reviewMember: (id: string, caseId: string, remedyId: string) => `${remedy(id, caseId, remedyId)}/review/members`,
  complaintClocks: () => '/complaints',
  remedies: () => '/remedies',
} as const;

export const complaintsRoutes = {
  section: '/people/:personId/complaints',
  newComplaint: '/people/:personId/complaints/new',
  step: (step: StepKind) => `/people/:personId/complaints/:complaintId/${stepSlugs[step]}`,
  newPoint: '/people/:personId/complaints/:complaintId/points/new',
  answerPoint: '/people/:personId/complaints/:complaintId/points/:pointId',
  letter: '/people/:personId/complaints/:complaintId/letter',
  letterPdf: '/people/:personId/complaints/:complaintId/letter.pdf',
  newOmbudsmanCase: '/people/:personId/ombudsman-cases/new',
  editOmbudsmanCase: '/people/:personId/ombudsman-cases/:caseId/edit',
  newRemedy: '/people/:personId/ombudsman-cases/:caseId/remedies/new',
  remedyProgress: '/people/:personId/ombudsman-cases/:caseId/remedies/:remedyId',
  review: '/people/:personId/ombudsman-cases/:caseId/remedies/:remedyId/review',
  reviewMember: '/people/:personId/ombudsman-cases/:caseId/remedies/:remedyId/review/members',
  complaintClocks: '/complaints',
  remedies: '/remedies',
} as const;

const api = '/api/v1/people/:personId';
export const complaintsApiRoutes = {
  complaints: `${api}/complaints`,
  points: `${api}/complaints/:complaintId/points`,
  point: `${api}/complaints/:complaintId/points/:pointId`,
  steps: `${api}/complaints/:complaintId/steps`,
  ombudsmanCases: `${api}/ombudsman-cases`,
  ombudsmanCase: `${api}/ombudsman-cases/:caseId`,
  remedies: `${api}/ombudsman-cases/:caseId/remedies`,
  remedy: `${api}/ombudsman-cases/:caseId/remedies/:remedyId`,
  reviewCohort: `${api}/ombudsman-cases/:caseId/remedies/:remedyId/review-cohort`,
  reviews: `${api}/ombudsman-cases/:caseId/remedies/:remedyId/review-cohort/reviews`,
  remedyCompliance: '/api/v1/remedies',
  complaintClocks: '/api/v1/complaints',
} as const;
