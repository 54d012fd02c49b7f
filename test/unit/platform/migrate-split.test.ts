import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitStatements } from '../../../src/platform/db/migrate.ts';

test('splits on drizzle-kit statement breakpoints and drops comment-only chunks', () => {
  const text = 'create table a (x int);\n--> statement-breakpoint\n-- only a comment\n--> statement-breakpoint\ncreate index on a (x);\n';
  assert.deepEqual(splitStatements(text), ['create table a (x int);', 'create index on a (x);']);
});

test('keeps a function body with semicolons in one statement', () => {
  const text = 'create function f() returns int language sql as $$ select 1; $$;';
  assert.deepEqual(splitStatements(text), [text]);
});
