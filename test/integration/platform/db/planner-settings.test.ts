/**
 * Every connection the app opens carries PLANNER_SETTINGS (src/platform/db/client.ts): random_page_cost for a
 * cached working set on SSD, and JIT compilation off (a dashboard's counts cost 46 ms of compiling to save a
 * few). The pool gives each new connection these as startup options; the embedded database sets them once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf, PLANNER_SETTINGS } from '../../../../src/platform/db/client.ts';
import { createTestDatabase } from '../../../support/database.ts';

test('every connection of the app plans with the settings of PLANNER_SETTINGS, JIT off among them', async () => {
  const database = await createTestDatabase();
  try {
    assert.equal(PLANNER_SETTINGS.jit, 'off');
    // Several at once, so that on PostgreSQL more than one pooled connection answers.
    const answers = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const rows = rowsOf<{ jit: string; random_page_cost: string }>(
          await database.db.execute(sql`select current_setting('jit') as jit, current_setting('random_page_cost') as random_page_cost`),
        );
        return rows[0];
      }),
    );
    for (const answer of answers) assert.deepEqual(answer, { jit: 'off', random_page_cost: PLANNER_SETTINGS.random_page_cost });
  } finally {
    await database.close();
  }
});
