/**
 * A fingerprint of every table in the public schema (row count and an md5 of its rows, in one query): a
 * refused request must leave every table — the audit trail included — exactly as it was.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../../src/platform/db/client.ts';

/** Tables a request may touch without changing any data: the caller's session and token bookkeeping. */
const BOOKKEEPING = new Set(['sessions', 'api_tokens', 'sign_in_attempts', 'schema_migrations']);

export async function tableFingerprints(db: DbOrTx): Promise<Record<string, string>> {
  const tables = rowsOf<{ table_name: string }>(
    await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  )
    .map((r) => r.table_name)
    .filter((name) => !BOOKKEEPING.has(name));
  const union = sql.join(
    tables.map((name) =>
      name === 'audit_event'
        ? // Reads are audited even when the request then fails (a case was read, then a sub-record was not
          // found): a refused request must add no audit event of a *change*.
          sql`select ${name}::text as name, count(*)::int as n, coalesce(md5(string_agg(t::text, ',' order by t::text)), '') as h from audit_event t where action not in ('case.view', 'case.export')`
        : sql`select ${name}::text as name, count(*)::int as n, coalesce(md5(string_agg(t::text, ',' order by t::text)), '') as h from ${sql.identifier(name)} t`,
    ),
    sql` union all `,
  );
  const rows = rowsOf<{ name: string; n: number; h: string }>(await db.execute(union));
  return Object.fromEntries(rows.map((r) => [r.name, `${Number(r.n)}:${r.h}`]));
}

/** The names of the tables whose fingerprint differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((name) => before[name] !== after[name]);
}
