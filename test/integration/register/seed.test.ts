import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServices } from '../../../src/app/services.ts';
import { createLogger } from '../../../src/platform/logging.ts';
import { REFERENCE_PERSON_ID } from '../../../src/demo/reference-case.ts';
import { demoOrganisationIds } from '../../../src/demo/organisations.ts';
import { DEMO_PASSWORD, demoUsers, seedDemo } from '../../../src/modules/register/demo/seed.ts';
import { contextFor } from './support.ts';
import { createTestDatabase } from '../../support/database.ts';
import { testConfig } from '../../support/app.ts';

test('the demo seed adds organisations, a user per role, the people and the reference case, once', async () => {
  const database = await createTestDatabase();
  try {
    const config = testConfig();
    const services = createServices({ db: database.db, config, logger: createLogger(config) });
    const now = new Date('2026-11-27T12:00:00Z');
    const started = Date.now();
    const first = await seedDemo(services, { people: 40, now });
    const seconds = (Date.now() - started) / 1000;
    assert.equal(first.skipped, false);
    assert.equal(first.people, 41);
    assert.equal(first.users, demoUsers.length);
    assert.ok(first.organisations >= 6);
    assert.ok(first.allocations > 0, 'the demo practitioner has a caseload');
    assert.ok(seconds < 60, `seeding took ${seconds} s`);

    const council = contextFor(demoOrganisationIds.worcestershire);
    const register = await services.register.listPeople(council, {});
    assert.ok(register.total > 0);
    const reference = await services.register.getCase(council, REFERENCE_PERSON_ID);
    assert.equal(reference.person.familyName, 'B');
    assert.ok(reference.duties.length > 0);

    const practitioner = demoUsers.find((u) => u.role === 'practitioner');
    assert.ok(practitioner);
    assert.ok(DEMO_PASSWORD.length >= 12);

    const again = await seedDemo(services, { people: 40, now });
    assert.equal(again.skipped, true);
    assert.equal((await services.register.listPeople(council, {})).total, register.total);
  } finally {
    await database.close();
  }
});
