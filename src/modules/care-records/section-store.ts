/**
 * Care records' sections of a case file — carePlans, services (with funding shares, top-up and
 * accommodation-plus answers), charges (with any refund) and paymentOffers — as a `CaseFileSectionStore`.
 * Import records history as it was (contract): the charging and top-up guards do not run here; what they
 * would refuse is stored and raises its alert. Ids and `ext` are kept, so import then export is lossless.
 */
import type { CaseFileSectionStore } from '../case-files/section-store.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { CaseFile } from '../../domain/case-file/schema.ts';
import * as map from './mapping.ts';
import { careRecordSectionsOfMany, loadCareRecords, type CareRecordRows } from './repository.ts';
import { carePlans, careServices, charges, paymentOffers } from './tables.ts';

export const careRecordSections = ['carePlans', 'services', 'charges', 'paymentOffers'] as const;

async function insert(tx: DbOrTx, table: Parameters<DbOrTx['insert']>[0], rows: unknown[]): Promise<void> {
  if (rows.length > 0) await tx.insert(table).values(rows as never);
}

/** A `Ref` is an organisation or staff id only when it is not "person" or a contact of the file. */
const isPersonOrContact = (ref: string, file: Pick<CaseFile, 'contacts'>) => ref === 'person' || file.contacts.some((contact) => contact.id === ref);

function sectionsFromRecords(rows: CareRecordRows): Partial<CaseFile> {
  return {
    carePlans: rows.carePlans.map((row) => row.record),
    services: rows.services.map((row) => row.record),
    charges: rows.charges.map((row) => row.record),
    paymentOffers: rows.paymentOffers.map((row) => row.record),
  };
}

export const careRecordsSectionStore: CaseFileSectionStore = {
  sections: careRecordSections,

  async importSections(tx, _ctx, personId, file, ids) {
    await insert(tx, carePlans, file.carePlans.map((plan) => map.carePlanToRow(personId, plan)));
    await insert(
      tx,
      careServices,
      file.services.map((service) =>
        map.serviceToRow(personId, {
          ...service,
          ...(service.providerId !== undefined ? { providerId: ids.organisation(service.providerId) } : {}),
          ...(service.topUp ? { topUp: { ...service.topUp, payer: ids.ref(service.topUp.payer) } } : {}),
        }),
      ),
    );
    await insert(tx, charges, file.charges.map((charge) => map.chargeToRow(personId, { ...charge, payer: ids.ref(charge.payer) })));
    await insert(tx, paymentOffers, file.paymentOffers.map((offer) => map.paymentOfferToRow(personId, offer)));
  },

  async exportSections(tx, personId): Promise<Partial<CaseFile>> {
    return sectionsFromRecords(await loadCareRecords(tx, personId));
  },

  async exportSectionsOfMany(tx, personIds, range) {
    return careRecordSectionsOfMany(tx, personIds, range);
  },

  referencedIds(sections) {
    const contacts = { contacts: sections.contacts ?? [] };
    const refs = [
      ...(sections.charges ?? []).map((charge) => charge.payer),
      ...(sections.services ?? []).flatMap((service) => (service.topUp ? [service.topUp.payer] : [])),
    ].filter((ref) => !isPersonOrContact(ref, contacts));
    const organisationIds = [...(sections.services ?? []).flatMap((service) => (service.providerId ? [service.providerId] : [])), ...refs];
    // A Ref may name staff or an organisation; the export keeps whichever exists.
    return { organisationIds: [...new Set(organisationIds)], staffIds: [...new Set(refs)] };
  },
};
