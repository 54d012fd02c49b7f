/**
 * Counting the SQL statements one request issues (issue 8's "no N+1" tests): a test app whose queries are
 * recorded while counting, transaction control apart (the drivers differ in whether Drizzle sends it as a
 * statement), and `statementsOf(url)`, which warms the page first (first-use lookups are not its cost).
 */
import assert from 'node:assert/strict';
import { createTestApp, type SignedIn, type TestApp } from './app.ts';

export interface CountingApp {
  app: TestApp;
  /** The statements of one GET of `url` by `user`, after a warm-up GET; fails unless it answers 200. */
  statementsOf(url: string, user: SignedIn): Promise<string[]>;
}

export async function createCountingApp(): Promise<CountingApp> {
  let counting = false;
  let statements: string[] = [];
  const app = await createTestApp({
    onQuery: (sql) => {
      if (counting && !/^\s*(begin|commit|rollback|savepoint|release)\b/i.test(sql)) statements.push(sql);
    },
  });
  return {
    app,
    async statementsOf(url, user) {
      await app.app.inject({ method: 'GET', url, headers: user.headers });
      statements = [];
      counting = true;
      try {
        const response = await app.app.inject({ method: 'GET', url, headers: user.headers });
        assert.equal(response.statusCode, 200, `${url}: ${response.body.slice(0, 300)}`);
      } finally {
        counting = false;
      }
      return statements;
    },
  };
}
