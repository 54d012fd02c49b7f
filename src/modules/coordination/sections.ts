/**
 * The case-file sections coordination owns, each with its table and the contract's zod schema. A stored
 * row is the record's contract shape; `indexColumns` copies the fields that cross-person lists query.
 */
import type { z } from 'zod';
import * as schema from '../../domain/case-file/schema.ts';
import type { CaseFileSection } from '../case-files/section-store.ts';
import * as tables from './tables.ts';

export interface SectionDefinition {
  table: (typeof tables)[keyof Omit<typeof tables, 'providerLocations'>];
  schema: z.ZodType;
  /** The audit trail's record type (the contract's singular name). */
  recordType: string;
  indexColumns?: (record: Record<string, unknown>) => Record<string, unknown>;
}

export const coordinationSections = [
  'panelRequests',
  'placementSearches',
  'meetings',
  'decisions',
  'actions',
  'communicationPlans',
  'communications',
  'appointments',
] as const satisfies readonly CaseFileSection[];
export type CoordinationSection = (typeof coordinationSections)[number];

export const sectionDefinitions: Record<CoordinationSection, SectionDefinition> = {
  panelRequests: {
    table: tables.panelRequests, schema: schema.panelRequest, recordType: 'panel_request',
    indexColumns: (r) => ({ submittedOn: r.submittedOn, decidedOn: r.decidedOn ?? null, decision: r.decision ?? null }),
  },
  placementSearches: { table: tables.placementSearches, schema: schema.placementSearch, recordType: 'placement_search' },
  meetings: { table: tables.meetings, schema: schema.meeting, recordType: 'meeting' },
  decisions: { table: tables.decisions, schema: schema.decision, recordType: 'decision' },
  actions: {
    table: tables.actions, schema: schema.action, recordType: 'action',
    indexColumns: (r) => ({ ownerId: r.ownerId, due: r.due, completedOn: r.completedOn ?? null }),
  },
  communicationPlans: { table: tables.communicationPlans, schema: schema.communicationPlan, recordType: 'communication_plan' },
  communications: { table: tables.communications, schema: schema.communication, recordType: 'communication' },
  appointments: { table: tables.appointments, schema: schema.appointment, recordType: 'appointment' },
};

export type SectionRecord = {
  panelRequests: schema.PanelRequest;
  placementSearches: schema.PlacementSearch;
  meetings: schema.Meeting;
  decisions: schema.Decision;
  actions: schema.Action;
  communicationPlans: schema.CommunicationPlan;
  communications: schema.Communication;
  appointments: schema.Appointment;
};

/** A stored record with the version a change must name. */
export type Versioned<T> = T & { version: number };
