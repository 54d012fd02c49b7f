/**
 * A person's case file as a FHIR R4 Bundle (type collection) of UK Core resources. Pure and deterministic:
 * the same case file and `generatedAt` give the same bundle byte for byte. Entries use `urn:uuid:` full URLs
 * and reference each other by them.
 */
import type { CaseFile } from '../../case-file/schema.ts';
import { careTeam, encounter, episodeOfCare } from './duties.ts';
import { carePlan } from './care-plans.ts';
import { communication, task } from './coordination.ts';
import { exportContext } from './context.ts';
import { deterministicUuid } from './ids.ts';
import { organization } from './organisations.ts';
import { patient, practitioner, relatedPerson } from './people.ts';
import type { Bundle } from './types.ts';

export interface FhirExportOptions {
  /** When the export was made (ISO 8601 with time zone, e.g. 2026-11-27T10:00:00Z). */
  generatedAt: string;
  /** Base URL of Aftercare's own identifier and code systems at this deployment. */
  systemBase?: string;
}

/** Reserved (RFC 2606) so that no one mistakes it for a published system; a deployment sets its own. */
export const DEFAULT_SYSTEM_BASE = 'https://aftercare.invalid/fhir';

export function caseFileToFhirBundle(file: CaseFile, options: FhirExportOptions): Bundle {
  const ctx = exportContext(file, options.generatedAt.slice(0, 10), options.systemBase ?? DEFAULT_SYSTEM_BASE);
  const resources = [
    patient(ctx, file.person),
    ...file.contacts.map((c) => relatedPerson(ctx, c)),
    ...file.organisations.map((o) => organization(ctx, o)),
    ...file.staff.map((s) => practitioner(ctx, s)),
    ...file.duties.map((d) => episodeOfCare(ctx, d)),
    ...file.duties.map((d) => careTeam(ctx, d)),
    ...file.detentions.map((d) => encounter(ctx, d)),
    ...file.carePlans.map((p) => carePlan(ctx, p)),
    ...file.actions.map((a) => task(ctx, a)),
    ...file.communications.map((c) => communication(ctx, c)),
  ];
  return {
    resourceType: 'Bundle',
    id: deterministicUuid(`${file.person.id}|Bundle`),
    meta: { lastUpdated: options.generatedAt },
    type: 'collection',
    timestamp: options.generatedAt,
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  };
}
