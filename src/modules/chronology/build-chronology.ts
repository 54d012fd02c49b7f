/**
 * A case's chronology (pure): every record of the case file as one or more dated entries (a detention's
 * start and end, a panel request's submission and decision…), plus the stored alerts' history (raised and
 * cleared), newest first. A record with no date still gets one entry, marked undated, so nothing is lost.
 */
import type { CaseFile } from '../../domain/case-file/schema.ts';
import { subjectKindText } from '../alerts/view-shaping.ts';

export interface ChronologyEntry {
  /** Unique within the chronology: section, record id and the event. */
  key: string;
  date: string | undefined;
  type: ChronologyType;
  recordId: string;
  title: string;
  detail: string;
}

export interface AlertHistoryRow {
  id: string;
  ruleId: string;
  subjectKind: string;
  subjectId: string;
  message: string;
  raisedOn: string;
  clearedOn: string | null;
}

type Rec = Record<string, unknown>;
interface SectionSpec {
  label: string;
  /** Date fields in order, each with what happened on it; the first is the record's main event. */
  events: [field: string, happened: string][];
  describe: (record: Rec) => string;
}

const str = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const first = (...values: unknown[]) => values.map(str).find((v) => v !== '') ?? '';

export const sectionSpecs = {
  contacts: { label: 'Contact', events: [['consent.date', 'consent recorded']], describe: (r) => `${str(r.name)} (${str(r.role)})` },
  detentions: { label: 'Detention', events: [['start', 'began'], ['end', 'ended'], ['leftHospital', 'left hospital']], describe: (r) => `Section ${str(r.section)}${r.hospital ? ` at ${str(r.hospital)}` : ''}` },
  ctos: { label: 'Community treatment order', events: [['start', 'began'], ['end', 'ended']], describe: (r) => `Following detention ${str(r.detentionId)}` },
  residences: { label: 'Residence', events: [['from', 'moved in'], ['to', 'moved out']], describe: (r) => `${str(r.kind).replaceAll('_', ' ')}${r.localAuthorityId ? ` in ${str(r.localAuthorityId)}` : ''}` },
  gpRegistrations: { label: 'GP registration', events: [['from', 'registered'], ['to', 'ended']], describe: (r) => `${first(r.practiceCode, 'Practice')} (${str(r.healthBodyId)})` },
  duties: { label: 'Section 117 duty', events: [['start', 'began'], ['end', 'ended']], describe: (r) => `${str(r.localAuthorityId)} and ${str(r.healthBodyId)}${r.endReason ? `, ended: ${str(r.endReason).replaceAll('_', ' ')}` : ''}` },
  disputes: { label: 'Dispute', events: [['openedOn', 'opened'], ['referredOn', 'referred'], ['resolvedOn', 'resolved']], describe: (r) => `With ${str(r.withOrganisationId)} about duty ${str(r.dutyId)}` },
  allocations: { label: 'Allocation', events: [['from', 'began'], ['to', 'ended']], describe: (r) => `Worker ${str(r.staffId)} on duty ${str(r.dutyId)}` },
  carePlans: { label: 'Aftercare plan', events: [['agreedOn', 'agreed'], ['reviewDue', 'review due']], describe: (r) => `Plan ${str(r.id)} (${str(r.status)})` },
  services: { label: 'Service', events: [['start', 'began'], ['end', 'ended']], describe: (r) => `${str(r.description)} (${str(r.status)})` },
  charges: { label: 'Charge', events: [['from', 'began'], ['to', 'ended']], describe: (r) => `${str(r.kind).replaceAll('_', ' ')} on service ${str(r.serviceId)}` },
  paymentOffers: { label: 'Payment offer', events: [['offeredOn', 'made'], ['respondedOn', 'answered']], describe: (r) => first(r.kind, r.response, 'Offer') },
  panelRequests: { label: 'Panel request', events: [['submittedOn', 'submitted'], ['decidedOn', 'decided']], describe: (r) => `${str(r.proposal)}${r.decision ? ` — ${str(r.decision).replaceAll('_', ' ')}` : ''}` },
  placementSearches: { label: 'Placement approach', events: [['approachedOn', 'made'], ['outcomeOn', 'answered']], describe: (r) => `${first(r.providerName, r.providerId)}: ${str(r.outcome).replaceAll('_', ' ')}` },
  meetings: { label: 'Meeting', events: [['date', 'held']], describe: (r) => `${str(r.kind).replaceAll('_', ' ')}${r.summary ? `: ${str(r.summary)}` : ''}` },
  decisions: { label: 'Decision', events: [['date', 'made'], ['premiseFailedOn', 'premise failed'], ['reviewBy', 'review by']], describe: (r) => str(r.text) },
  actions: { label: 'Action', events: [['due', 'due'], ['completedOn', 'completed']], describe: (r) => str(r.text) },
  communicationPlans: { label: 'Communication arrangement', events: [['from', 'began'], ['to', 'ended']], describe: (r) => first(r.arrangement, r.summary, r.id) },
  communications: { label: 'Communication', events: [['date', 'sent or received']], describe: (r) => `${str(r.direction)} ${str(r.channel)}: ${str(r.summary)}` },
  appointments: { label: 'Appointment', events: [['date', 'booked for']], describe: (r) => `${first(r.purpose, r.kind, 'Appointment')}${r.outcome ? ` — ${str(r.outcome).replaceAll('_', ' ')}` : ''}` },
  complaints: { label: 'Complaint', events: [['receivedOn', 'received'], ['acknowledgedOn', 'acknowledged'], ['respondedOn', 'answered']], describe: (r) => str(r.text) },
  ombudsmanCases: { label: 'Ombudsman case', events: [['finalDecisionOn', 'final decision']], describe: (r) => `${str(r.body)} ${str(r.reference)}` },
} satisfies Record<string, SectionSpec>;

export type ChronologyType = keyof typeof sectionSpecs | 'remedies' | 'alerts';

export const chronologyTypeLabels: Record<ChronologyType, string> = {
  ...(Object.fromEntries(Object.entries(sectionSpecs).map(([key, spec]) => [key, spec.label])) as Record<keyof typeof sectionSpecs, string>),
  remedies: 'Ombudsman remedy',
  alerts: 'Alert',
};

function at(record: Rec, path: string): string | undefined {
  const value = path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Rec)[key] : undefined), record);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function entriesOf(type: ChronologyType, label: string, events: [string, string][], describe: (r: Rec) => string, record: Rec, recordId: string): ChronologyEntry[] {
  const detail = describe(record);
  const dated = events.flatMap(([field, happened]) => {
    const date = at(record, field);
    return date ? [{ key: `${type}:${recordId}:${field}`, date, type, recordId, title: `${label} ${happened}`, detail }] : [];
  });
  return dated.length > 0 ? dated : [{ key: `${type}:${recordId}:undated`, date: undefined, type, recordId, title: `${label} (undated)`, detail }];
}

export function buildChronology(file: CaseFile, alertHistory: readonly AlertHistoryRow[] = []): ChronologyEntry[] {
  const entries: ChronologyEntry[] = [];
  for (const [section, spec] of Object.entries(sectionSpecs) as [keyof typeof sectionSpecs, SectionSpec][]) {
    const records = (file[section] ?? []) as unknown as Rec[];
    records.forEach((record, index) => {
      const recordId = str(record.id) || `${index + 1}`;
      entries.push(...entriesOf(section, spec.label, spec.events, spec.describe, record, recordId));
    });
  }
  for (const ombudsmanCase of file.ombudsmanCases ?? []) {
    for (const remedy of ombudsmanCase.remedies ?? []) {
      entries.push(...entriesOf('remedies', 'Ombudsman remedy', [['due', 'due'], ['completedOn', 'completed'], ['evidenceSentOn', 'evidence sent']], (r) => str(r.text), remedy as unknown as Rec, remedy.id));
    }
  }
  for (const alert of alertHistory) {
    const detail = `${alert.message} (${alert.ruleId}, about the ${subjectKindText(alert.subjectKind)} ${alert.subjectId})`;
    entries.push({ key: `alerts:${alert.id}:raised`, date: alert.raisedOn, type: 'alerts', recordId: alert.id, title: 'Alert raised', detail });
    if (alert.clearedOn) entries.push({ key: `alerts:${alert.id}:cleared`, date: alert.clearedOn, type: 'alerts', recordId: alert.id, title: 'Alert cleared', detail });
  }
  return sortNewestFirst(entries);
}

/** Newest first; undated entries last; ties by key so the order is stable. */
export function sortNewestFirst(entries: ChronologyEntry[]): ChronologyEntry[] {
  return entries.sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === undefined) return 1;
      if (b.date === undefined) return -1;
      return a.date < b.date ? 1 : -1;
    }
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  });
}
