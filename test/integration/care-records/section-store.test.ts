import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CaseFile } from '../../../src/domain/case-file/schema.ts';
import { systemContext } from '../../../src/platform/context.ts';
import { careRecordsSectionStore } from '../../../src/modules/care-records/section-store.ts';
import { openCareWorld, orgs, type CareWorld } from './support.ts';

let w: CareWorld;
before(async () => {
  w = await openCareWorld();
});
after(() => w.close());

const sections = (dutyId: string): Pick<CaseFile, 'carePlans' | 'services' | 'charges' | 'paymentOffers' | 'contacts'> => ({
  contacts: [],
  carePlans: [
    { id: 'cp1', dutyId, status: 'superseded', agreedOn: '2025-06-10', reviewDue: '2026-06-10', reviewedOn: ['2025-12-01'], needs: [{ id: 'n1', description: 'Housing', relatedToMentalDisorder: true, category: 'accommodation', ext: { note: 'kept' } }] },
    { id: 'cp2', dutyId, status: 'agreed', agreedOn: '2026-01-10', needs: [{ id: 'n2', description: 'Medication', relatedToMentalDisorder: true }], ext: { coordinatingFramework: 'CPA_legacy' } },
    { id: 'cp3', dutyId, status: 'draft', needs: [] },
  ],
  services: [
    {
      id: 's1', dutyId, needIds: ['n1'], description: 'Supported living', kind: 'supported_living', providerId: orgs.provider, start: '2025-06-01', status: 'active',
      weeklyCostPence: 95000, aftercare: true, accommodationPlus: { enhancedSpecialised: true, relatedToOriginalCondition: true },
      funding: [{ from: '2025-06-01', to: '2026-01-01', localAuthorityPercent: 50, healthBodyPercent: 50, panelRequestId: 'pr1' }, { from: '2026-01-01', localAuthorityPercent: 70, healthBodyPercent: 30 }],
      topUp: { payer: 'person', weeklyPence: 5000, from: '2025-07-01', preferredAccommodationChosen: false, suitableAlternativeOffered: false },
    },
    { id: 's2', dutyId, needIds: [], description: 'Gym', kind: 'other', status: 'planned', aftercare: false, ext: { legacyCode: 'G1' } },
  ],
  charges: [
    // A legacy rent charge on aftercare accommodation: the guard would refuse it, the import keeps it.
    { id: 'ch1', serviceId: 's1', payer: 'person', kind: 'rent', from: '2025-07-01', weeklyPence: 8000 },
    { id: 'ch2', payer: orgs.south, kind: 'other', from: '2025-08-01', to: '2025-09-01', refund: { date: '2025-10-01', pence: 100, interestPence: 1 } },
  ],
  paymentOffers: [{ id: 'po1', dutyId, kind: 'personal_health_budget', offeredOn: '2025-06-20', response: 'declined', respondedOn: '2025-06-30', reviewOn: '2025-12-30' }],
});

test('import then export gives the same sections (ids, nested parts and ext kept), and a legacy charge shows its warning', async () => {
  const { id, dutyId } = await w.person();
  const file = sections(dutyId) as CaseFile;
  const identity = { organisation: (x: string) => x, staff: (x: string) => x, ref: (x: string) => x };
  await w.db.transaction((tx) => careRecordsSectionStore.importSections(tx, systemContext(), id, file, identity));
  const exported = await w.db.transaction((tx) => careRecordsSectionStore.exportSections(tx, id));
  const { contacts: _c, ...expected } = file;
  const byId = (list: { id: string }[] | undefined) => [...(list ?? [])].sort((a, b) => a.id.localeCompare(b.id));
  for (const key of ['carePlans', 'services', 'charges', 'paymentOffers'] as const) assert.deepEqual(byId(exported[key]), byId(expected[key]), key);
  assert.deepEqual(careRecordsSectionStore.referencedIds(exported).organisationIds.sort(), [orgs.provider, orgs.south].sort());

  const view = await w.care.getCareRecords(w.council, id);
  const legacy = view.charges.find((charge) => charge.record.id === 'ch1');
  assert.equal(legacy?.guard.refused, true);
  assert.match(legacy?.guard.reasons[0]?.reason ?? '', /You cannot charge rent for "Supported living"/);
  assert.equal(view.services.find((s) => s.record.id === 's1')?.classification.classificationUnclear, true);
});
