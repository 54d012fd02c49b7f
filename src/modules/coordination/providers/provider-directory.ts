/**
 * The provider directory: provider organisations (kind `provider`, the CQC location id as `code`, ratings
 * in `cqc`) with what coordination keeps beside them (provider_locations). Locations are matched by their
 * CQC location id, so importing the same file twice changes nothing new.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit-trail.ts';
import { withOrganisationsChanging } from '../../../platform/organisations/directory.ts';
import type { ServiceContext } from '../../../platform/context.ts';
import type { Db, DbOrTx } from '../../../platform/db/client.ts';
import { ValidationError } from '../../../platform/errors.ts';
import { organisations } from '../../../platform/organisations/tables.ts';
import { assertPermission } from '../../../platform/permissions.ts';
import { listProviders } from '../repository.ts';
import { providerLocations } from '../tables.ts';
import { CqcApiError, type CqcApi } from './cqc-api.ts';
import type { ProviderLocation } from './cqc-csv.ts';

async function saveLocation(tx: DbOrTx, ctx: ServiceContext, location: ProviderLocation, source: 'csv' | 'api'): Promise<'created' | 'updated'> {
  const existing = (await tx.select().from(organisations).where(eq(organisations.code, location.locationId)).limit(1))[0];
  const details = {
    providerName: location.providerName ?? null, address: location.address, postcode: location.postcode ?? null,
    localAuthority: location.localAuthority ?? null, serviceTypes: location.serviceTypes, source, refreshedAt: ctx.now,
  };
  if (existing) {
    if (existing.kind !== 'provider') throw new ValidationError([{ path: 'locationId', message: `${location.locationId} is the code of ${existing.name}, which is not a provider` }]);
    await tx.update(organisations).set({ name: location.name, cqc: location.ratings, updatedAt: ctx.now, version: existing.version + 1 }).where(eq(organisations.id, existing.id));
    await tx.insert(providerLocations).values({ organisationId: existing.id, ...details }).onConflictDoUpdate({ target: providerLocations.organisationId, set: details });
    await recordAudit(tx, ctx, { action: 'organisation.update', recordType: 'organisation', recordId: existing.id, before: { name: existing.name, cqc: existing.cqc }, after: { name: location.name, cqc: location.ratings } });
    return 'updated';
  }
  const id = randomUUID();
  await tx.insert(organisations).values({ id, name: location.name, kind: 'provider', code: location.locationId, nation: 'england', cqc: location.ratings });
  await tx.insert(providerLocations).values({ organisationId: id, ...details });
  await recordAudit(tx, ctx, { action: 'organisation.create', recordType: 'organisation', recordId: id, after: { name: location.name, code: location.locationId, cqc: location.ratings } });
  return 'created';
}

export function createProviderDirectory({ db, cqcApi }: { db: Db; cqcApi: CqcApi | null }) {
  return {
    cqcApiEnabled: cqcApi !== null,

    async listProviders(ctx: ServiceContext) {
      assertPermission(ctx.actor, 'case:read');
      return listProviders(db);
    },

    /** Adds or refreshes every location of a CQC-style file in one transaction. */
    async importLocations(ctx: ServiceContext, locations: ProviderLocation[]): Promise<{ created: number; updated: number }> {
      assertPermission(ctx.actor, 'organisations:manage');
      return withOrganisationsChanging(() =>
        db.transaction(async (tx) => {
          const counts = { created: 0, updated: 0 };
          for (const location of locations) counts[await saveLocation(tx, ctx, location, 'csv')] += 1;
          return counts;
        }),
      );
    },

    /** Adds or refreshes one location from the CQC API (when a subscription key is configured). */
    async refreshFromCqc(ctx: ServiceContext, locationId: string): Promise<'created' | 'updated'> {
      assertPermission(ctx.actor, 'case:write');
      const id = locationId.trim();
      if (!/^1-\d{6,12}$/.test(id)) throw new ValidationError([{ path: 'locationId', message: 'Enter a CQC location ID, like 1-123456789' }]);
      if (!cqcApi) throw new ValidationError([{ path: 'locationId', message: 'Looking up CQC ratings is switched off here. Ask an administrator to import the CQC file' }]);
      let location: ProviderLocation;
      try {
        location = await cqcApi.location(id);
      } catch (error) {
        if (error instanceof CqcApiError) throw new ValidationError([{ path: 'locationId', message: error.message }]);
        throw error;
      }
      return withOrganisationsChanging(() => db.transaction((tx) => saveLocation(tx, ctx, location, 'api')));
    },
  };
}
