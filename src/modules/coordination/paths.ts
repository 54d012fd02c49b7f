/**
 * Typed path builders for coordination: every URL of this capability is written once, here, with the
 * Fastify route patterns beside them so a route and its links cannot drift apart.
 */
const e = encodeURIComponent;
const person = (id: string) => `/people/${e(id)}`;

export type CoordinationSectionKey = 'panels' | 'meetings' | 'letters';

/** The forms on a person's case: `new` forms add a record; the others change one (`:recordId`). */
export const coordinationForms = {
  newPanelRequest: 'panel-requests/new',
  decidePanelRequest: 'panel-requests/:recordId/decide',
  newPlacementSearch: 'placement-searches/new',
  placementOutcome: 'placement-searches/:recordId/outcome',
  newMeeting: 'meetings/new',
  meetingHeld: 'meetings/:recordId/held',
  cancelMeeting: 'meetings/:recordId/cancel',
  newDecision: 'decisions/new',
  premiseFailed: 'decisions/:recordId/premise-failed',
  newAction: 'actions/new',
  completeAction: 'actions/:recordId/complete',
  newCommunicationPlan: 'communication-plan/new',
  newCommunication: 'communications/new',
  newAppointment: 'appointments/new',
  appointmentOutcome: 'appointments/:recordId/outcome',
} as const;
export type CoordinationForm = keyof typeof coordinationForms;

export const coordinationPaths = {
  section: (personId: string, section: CoordinationSectionKey) => `${person(personId)}/${section}`,
  form: (personId: string, form: CoordinationForm, recordId = '', query: Record<string, string> = {}) => {
    const search = new URLSearchParams(query).toString();
    return `${person(personId)}/${coordinationForms[form].replace(':recordId', e(recordId))}${search ? `?${search}` : ''}`;
  },
  letter: (personId: string, decisionId: string, format: 'html' | 'pdf') => `${person(personId)}/decisions/${e(decisionId)}/letter.${format}`,
  providers: () => '/providers',
  panelAgenda: (day?: string) => (day ? `/panel?date=${e(day)}` : '/panel'),
  myActions: () => '/my-actions',
} as const;

export const coordinationRoutes = {
  panels: '/people/:personId/panels',
  meetings: '/people/:personId/meetings',
  letters: '/people/:personId/letters',
  form: (form: CoordinationForm) => `/people/:personId/${coordinationForms[form]}`,
  letterHtml: '/people/:personId/decisions/:decisionId/letter.html',
  letterPdf: '/people/:personId/decisions/:decisionId/letter.pdf',
  providers: '/providers',
  providerLookup: '/providers/lookup',
  panelAgenda: '/panel',
  myActions: '/my-actions',
} as const;

export const coordinationApiRoutes = {
  coordination: '/api/v1/people/:personId/coordination',
  form: (form: CoordinationForm) => `/api/v1/people/:personId/${coordinationForms[form].replace(/\/new$/, '')}`,
  letters: '/api/v1/people/:personId/decisions/:decisionId/letters',
  providers: '/api/v1/providers',
  myActions: '/api/v1/my-actions',
} as const;
