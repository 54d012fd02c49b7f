/**
 * The production database role (scripts/create-app-role.sql, docs/security.md): connected as a login role
 * in `aftercare_app`, the app reads and writes cases and appends to the audit trail, but PostgreSQL itself
 * refuses UPDATE, DELETE and TRUNCATE on audit_event (permission denied, before any trigger) and DDL.
 * PostgreSQL only: PGlite has one user and no roles to speak of.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createTestDatabase, usingPostgres } from '../support/database.ts';
import { openPostgres } from '../../src/platform/db/client.ts';
import { runMigrations } from '../../src/platform/db/migrate.ts';
import { createServices } from '../../src/app/services.ts';
import { testConfig } from '../support/app.ts';
import { createLogger } from '../../src/platform/logging.ts';
import { systemContext } from '../../src/platform/context.ts';
import { organisations } from '../../src/platform/organisations/tables.ts';

const script = readFileSync(new URL('../../scripts/create-app-role.sql', import.meta.url), 'utf8');

test('the app role may append to the audit trail but never change or remove it', { skip: usingPostgres() ? false : 'PostgreSQL only (set TEST_DATABASE_URL)' }, async () => {
  const database = await createTestDatabase();
  const login = `aftercare_web_test_${randomBytes(4).toString('hex')}`;
  const adminUrl = String(database.url);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let appUrl: URL | undefined;
  try {
    await admin.query(script);
    await admin.query(script); // idempotent
    await admin.query(`create role ${login} login in role aftercare_app`);
    appUrl = new URL(adminUrl);
    appUrl.username = login;

    // The app works as that role: start-up migrations find nothing to do, and a write is audited.
    const app = openPostgres(appUrl.toString(), 2);
    try {
      const migrated = await runMigrations(app.db);
      assert.deepEqual(migrated.applied, []);
      await app.db.insert(organisations).values({ id: 'org-north', name: 'Northshire County Council', kind: 'local_authority' });
      const config = testConfig();
      const services = createServices({ db: app.db, config, logger: createLogger(config) });
      const created = await services.register.createPerson(systemContext(), { givenName: 'Ada', familyName: 'Lovelace' });
      await services.register.updatePerson(systemContext(), created.id, { familyName: 'King', version: 1 });
    } finally {
      await app.close();
    }

    const client = new pg.Client({ connectionString: appUrl.toString() });
    await client.connect();
    try {
      const count = Number((await client.query('select count(*)::int as n from audit_event')).rows[0].n);
      assert.ok(count >= 2, 'the writes were audited');
      await client.query(`insert into audit_event (actor_id, actor_kind, actor_name, action, request_id) values ('t', 'system', 't', 'test.append', 'r1')`).catch((error: unknown) => {
        // Column names may grow; an INSERT the role may make but the columns refuse is not the point here.
        assert.notEqual((error as { code?: string }).code, '42501', 'the app role may INSERT into audit_event');
      });
      for (const statement of ['update audit_event set action = action', 'delete from audit_event', 'truncate audit_event', 'alter table audit_event disable trigger all', 'drop trigger audit_event_no_update_delete on audit_event', 'create table sneaky (id int)', "insert into schema_migrations (name) values ('9999_sneaky.sql')"]) {
        const error = await client.query(statement).then(() => undefined, (e: unknown) => e as { code?: string; message?: string });
        assert.ok(error, `${statement} was refused`);
        assert.ok(error.code === '42501' || /must be owner|permission denied/.test(String(error.message)), `${statement}: ${error.code} ${error.message}`);
        assert.match(String(error.message), /permission denied|must be owner/, `${statement} refused by privileges, not only the trigger`);
      }
      assert.equal(Number((await client.query('select count(*)::int as n from audit_event')).rows[0].n) >= count, true);
    } finally {
      await client.end();
    }
  } finally {
    await admin.end();
    await database.close();
    const cleanup = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await cleanup.connect();
    await cleanup.query(`drop role if exists ${login}`).catch(() => undefined);
    await cleanup.end();
  }
});
