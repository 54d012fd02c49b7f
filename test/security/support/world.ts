/**
 * The security fixture: one app, two councils and two ICBs, a signed-in user of every role in Northshire
 * County Council (and one in the ICB), and three people seen from Northshire:
 *   - `own`: added by Northshire, duty shared by Northshire and NHS Northshire ICB;
 *   - `other`: added by Southshire, duty Southshire + NHS Southshire ICB — Northshire must never learn of it;
 *   - `shared`: added by Southshire like `other`, then shared with Northshire.
 * Each person has a detention, a duty, a contact and an allocation, so routes with sub-record ids
 * (`:dutyId`, `:contactId`, …) can be given real ids. Distinctive names and NHS numbers make leaks easy
 * to spot in any response body.
 */
import assert from 'node:assert/strict';
import { createApiToken } from '../../../src/platform/auth/api-tokens.ts';
import { roles, systemContext, type Role } from '../../../src/platform/context.ts';
import { createTestApp, type SignedIn, type TestApp } from '../../support/app.ts';

export interface FixturePerson {
  id: string;
  givenName: string;
  familyName: string;
  /** Ten digits, no spaces. */
  nhsNumber: string;
}

export interface World {
  t: TestApp;
  /** Bearer tokens (team_manager) per organisation. */
  tokens: { north: string; south: string; icb: string };
  /** Signed-in users of every role in Northshire. */
  users: Map<Role, SignedIn>;
  icbUser: SignedIn;
  people: { own: FixturePerson; other: FixturePerson; shared: FixturePerson };
  api(method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown, token?: string): Promise<{ status: number; json: Record<string, unknown> }>;
}

export const ORGS = { north: 'org-north', south: 'org-south', icb: 'org-icb', icbSouth: 'org-icb-south' } as const;

export async function createWorld(options: { env?: NodeJS.ProcessEnv } = {}): Promise<World> {
  const t = await createTestApp(options);
  try {
    await t.createOrganisation({ id: ORGS.north, name: 'Northshire County Council', code: 'E10000001' });
    await t.createOrganisation({ id: ORGS.south, name: 'Southshire County Council', code: 'E10000002' });
    await t.createOrganisation({ id: ORGS.icb, name: 'NHS Northshire ICB', kind: 'icb', code: 'QN1' });
    await t.createOrganisation({ id: ORGS.icbSouth, name: 'NHS Southshire ICB', kind: 'icb', code: 'QS1' });
    const token = async (organisationId: string) =>
      (await createApiToken(t.database.db, systemContext(), { name: 'security', organisationId, roles: ['team_manager'] })).token;
    const tokens = { north: await token(ORGS.north), south: await token(ORGS.south), icb: await token(ORGS.icb) };
    const api: World['api'] = async (method, url, body, as = tokens.north) => {
      const response = await t.app.inject({ method, url, headers: { authorization: `Bearer ${as}` }, ...(body === undefined ? {} : { payload: body as Record<string, unknown> }) });
      return { status: response.statusCode, json: response.json() as Record<string, unknown> };
    };
    const users = new Map<Role, SignedIn>();
    for (const role of roles) users.set(role, await t.signedInUser([role], { organisationId: ORGS.north }));
    const icbUser = await t.signedInUser(['practitioner'], { organisationId: ORGS.icb });

    const southWorker = await t.createUser(['practitioner'], { organisationId: ORGS.south });
    const northWorker = users.get('practitioner')?.id ?? '';
    const addPerson = async (person: Omit<FixturePerson, 'id'>, as: string, localAuthorityId: string, healthBodyId: string): Promise<FixturePerson> => {
      const created = await api('POST', '/api/v1/people', { ...person, nhsNumber: person.nhsNumber }, as);
      assert.equal(created.status, 201, JSON.stringify(created.json));
      const id = String(created.json.id);
      const detention = await api('POST', `/api/v1/people/${id}/detentions`, { section: '3', start: '2025-01-10', end: '2025-06-01' }, as);
      assert.equal(detention.status, 201, JSON.stringify(detention.json));
      const duty = await api('POST', `/api/v1/people/${id}/duties`, { detentionId: detention.json.id, start: '2025-06-01', localAuthorityId, healthBodyId }, as);
      assert.equal(duty.status, 201, JSON.stringify(duty.json));
      const contact = await api('POST', `/api/v1/people/${id}/contacts`, { name: `${person.familyName} Carer`, role: 'carer', actsForPerson: false }, as);
      assert.equal(contact.status, 201, JSON.stringify(contact.json));
      const allocation = await api('POST', `/api/v1/people/${id}/allocations`, { dutyId: duty.json.id, staffId: localAuthorityId === ORGS.north ? northWorker : southWorker.id, from: '2025-06-02' }, as);
      assert.equal(allocation.status, 201, JSON.stringify(allocation.json));
      return { id, ...person };
    };
    const own = await addPerson({ givenName: 'Ownly', familyName: 'Northwood', nhsNumber: '9434765919' }, tokens.north, ORGS.north, ORGS.icb);
    const other = await addPerson({ givenName: 'Hiddenia', familyName: 'Zanzibarova', nhsNumber: '4010232137' }, tokens.south, ORGS.south, ORGS.icbSouth);
    const shared = await addPerson({ givenName: 'Sharon', familyName: 'Quillfeather', nhsNumber: '9990001235' }, tokens.south, ORGS.south, ORGS.icbSouth);
    const share = await api('POST', `/api/v1/people/${shared.id}/shares`, { organisationId: ORGS.north }, tokens.south);
    assert.equal(share.status, 200, JSON.stringify(share.json));
    return { t, tokens, users, icbUser, people: { own, other, shared }, api };
  } catch (error) {
    await t.close();
    throw error;
  }
}

/** The NHS number modulus-11 check digit for nine digits (the fixture needs valid numbers). */
export function checkDigitFor(nine: string): string {
  const sum = [...nine].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
  const check = 11 - (sum % 11);
  return String(check === 11 ? 0 : check);
}

/** The forms of an NHS number a page or response may show it in. */
export function nhsNumberForms(nhsNumber: string): string[] {
  return [nhsNumber, `${nhsNumber.slice(0, 3)} ${nhsNumber.slice(3, 6)} ${nhsNumber.slice(6)}`];
}
