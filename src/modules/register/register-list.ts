/**
 * The register list (`/people`, `GET /api/v1/people`): one page of the people the actor may see, with its
 * search, filters, sort and keyset cursors, and how many people match (capped at `REGISTER_COUNT_LIMIT`).
 * Visibility is `registerVisibility` (ADR 0001, "Case visibility").
 */
import { and, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { rowsOf, type DbOrTx } from '../../platform/db/client.ts';
import { COUNT_LIMIT, decodeCursor, encodeCursor, keysetCondition, keysetOrder, keysetSelect, sortKeyOf, type KeysetKey } from '../../platform/db/keyset.ts';
import { organisations } from '../../platform/organisations/tables.ts';
import type { RegisterQuery } from './api-schemas.ts';
import { registerVisibility, type RegisterVisibility } from './repository.ts';
import { allocations, duties, people, staff } from './tables.ts';

function likePrefix(word: string): string {
  return `${word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The digits after every number starting with `prefix` (the last digit raised, carrying: 485 → 486,
 * 489 → 49), or `undefined` when nothing is (999…). Digits sort in their own order under any collation,
 * so `nhs_number >= prefix and < this` holds every match and lets the unique index find them; the
 * database's collation (C.UTF-8 here) is not C, so `like '485%'` alone cannot use that index.
 */
export function digitsAfterPrefix(prefix: string): string | undefined {
  const kept = prefix.replace(/9+$/, '');
  if (kept === '') return undefined;
  return `${kept.slice(0, -1)}${Number(kept.at(-1)) + 1}`;
}

/** The search words or number of the register list, on `people`'s own columns (their indexes answer it). */
function searchFilter(query: RegisterQuery): SQL[] {
  const conditions: SQL[] = [];
  const search = query.q?.trim();
  if (search) {
    const digits = search.replace(/[\s-]/g, '');
    if (/^\d{10}$/.test(digits)) {
      conditions.push(sql`${people.nhsNumber} = ${digits}`); // the whole number: the unique index answers it
    } else if (/^\d{3,9}$/.test(digits)) {
      const after = digitsAfterPrefix(digits);
      conditions.push(sql`${people.nhsNumber} like ${likePrefix(digits)}`, sql`${people.nhsNumber} >= ${digits}`);
      if (after) conditions.push(sql`${people.nhsNumber} < ${after}`);
    } else {
      for (const word of search.split(/\s+/).slice(0, 4)) {
        const pattern = likePrefix(word);
        conditions.push(sql`(lower(${people.familyName}) like ${pattern} or lower(${people.givenName}) like ${pattern})`);
      }
    }
  }
  return conditions;
}

/** The register list's filters on a person's duties and allocations, on the column `personId` holds the person's id in. */
function caseFilter(query: RegisterQuery, today: string, personId: SQL | AnyColumn): SQL[] {
  const conditions: SQL[] = [];
  if (query.organisation) {
    conditions.push(sql`exists (select 1 from ${duties} where ${duties.personId} = ${personId}
      and (${duties.localAuthorityId} = ${query.organisation} or ${duties.healthBodyId} = ${query.organisation}))`);
  }
  if (query.worker) {
    conditions.push(sql`${personId} in (select ${allocations.personId} from ${allocations}
      where ${allocations.staffId} = ${query.worker} and (${allocations.to} is null or ${allocations.to} > ${today}))`);
  }
  const open = sql`exists (select 1 from ${duties} where ${duties.personId} = ${personId} and (${duties.end} is null or ${duties.end} > ${today}))`;
  if (query.status === 'open') conditions.push(open);
  if (query.status === 'ended') {
    conditions.push(sql`exists (select 1 from ${duties} where ${duties.personId} = ${personId})`, sql`not ${open}`);
  }
  return conditions;
}

/**
 * How many people the list by name holds, stopped after `limit`: the organisation's id set (a few thousand
 * index entries), not `people`. Every other list is counted by `matchingPage`, in the same walk as its page.
 */
async function countRegister(db: DbOrTx, visibility: RegisterVisibility, query: RegisterQuery, today: string, limit: number): Promise<number> {
  if (visibility === false) return 0;
  const where = visibility ? and(...caseFilter(query, today, sql`visible.person_id`)) : and(...caseFilter(query, today, people.id));
  const from = visibility ? sql`(${visibility.idSet}) visible` : sql`${people}`;
  const rows = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from (select 1 from ${from} ${where ? sql`where ${where}` : sql``} limit ${limit}) matching`));
  return Number(rows[0]?.n ?? 0);
}

/**
 * Each sort's key, as a tuple of expressions sorted all one way, ending in the id so it is unique (ties in
 * the sort key are broken by id). "Nulls last" is the leading flag `x is null` (ascending) or `x is not null`
 * (descending) with the value coalesced, so a keyset comparison is one row comparison. The name order is the
 * expressions of `people_sort_name_idx`, so a keyset page walks that index from the cursor.
 */
type SortKey = KeysetKey;
const nullsLast = (value: SQL, missing: SQL, type: string, ascending: boolean): SortKey => ({
  exprs: [ascending ? sql`(${value} is null)` : sql`(${value} is not null)`, sql`coalesce(${value}, ${missing})`],
  types: ['boolean', type],
});
const withId = (key: SortKey): SortKey => ({ exprs: [...key.exprs, sql`${people.id}`], types: [...key.types, 'text'] });
const sortKeys: Record<RegisterQuery['sort'], (ascending: boolean) => SortKey> = {
  name: () => ({ exprs: [sql`lower(${people.familyName})`, sql`lower(${people.givenName})`, sql`${people.id}`], types: ['text', 'text', 'text'] }),
  nhsNumber: (a) => withId(nullsLast(sql`${people.nhsNumber}`, sql`''`, 'text', a)),
  dateOfBirth: (a) => withId(nullsLast(sql`${people.dateOfBirth}`, sql`'0001-01-01'::date`, 'date', a)),
  dutyStart: (a) => withId(nullsLast(sql`latest.start`, sql`'0001-01-01'::date`, 'date', a)),
  updated: () => ({ exprs: [sql`${people.updatedAt}`, sql`${people.id}`], types: ['timestamptz', 'text'] }),
};

/** The duty a row shows (the open one first, then the latest started), for the person in `people`. */
const latestDuty = (today: string) => sql`left join lateral (
      select d.start, d.local_authority_id, d.health_body_id from ${duties} d where d.person_id = ${people.id}
      order by (d."end" is null or d."end" > ${today}) desc, d.start desc, d.id limit 1
    ) latest on true`;

/** A row's columns, for the person in `people` and their `latestDuty`. */
const rowColumns = (today: string) => sql`${people.id} as id, ${people.givenName} as given_name, ${people.familyName} as family_name,
      ${people.nhsNumber} as nhs_number, to_char(${people.dateOfBirth}, 'YYYY-MM-DD') as date_of_birth,
      (select count(*)::int from ${duties} od where od.person_id = ${people.id} and (od."end" is null or od."end" > ${today})) as open_duties,
      to_char(latest.start, 'YYYY-MM-DD') as latest_duty_start,
      latest.local_authority_id, la.name as local_authority_name, latest.health_body_id, hb.name as health_body_name,
      coalesce((select json_agg(json_build_object('id', s.id, 'name', s.name) order by s.name)
        from ${allocations} a join ${staff} s on s.id = a.staff_id
        where a.person_id = ${people.id} and (a."to" is null or a."to" > ${today})), '[]'::json) as workers`;

const organisationNames = sql`left join ${organisations} la on la.id = latest.local_authority_id
    left join ${organisations} hb on hb.id = latest.health_body_id`;

/** Where the page starts: after (or before) the cursor's row, or at an offset. */
interface PageBounds {
  /** The cursor's key values, if the page is read by keyset. */
  cursorKey: string[] | undefined;
  /** True when the rows wanted have a greater key than the cursor (forwards on an ascending sort). */
  greater: boolean;
  offset: number;
  /** One more than the page holds, to tell whether there is another page. */
  limit: number;
}

/**
 * One page of the people `where` selects, walking `people` in the sort's order until the page is full:
 * the plan for the list by name, whose first visible people come early in `people_sort_name_idx`, and for a
 * list past the count limit (whose page `matchingPage` cannot cut).
 */
async function pageInSortOrder(db: DbOrTx, where: SQL | undefined, key: SortKey, bounds: PageBounds, today: string): Promise<PageRow[]> {
  const pageWhere = and(where, bounds.cursorKey ? keysetCondition(key, bounds.cursorKey, bounds.greater) : undefined);
  return rowsOf<PageRow>(
    await db.execute(sql`
    select ${rowColumns(today)}, ${keysetSelect(key)} as sort_key
    from ${people}
    ${latestDuty(today)}
    ${organisationNames}
    ${pageWhere ? sql`where ${pageWhere}` : sql``}
    order by ${keysetOrder(key, bounds.greater)}
    limit ${bounds.limit} offset ${bounds.offset}`),
  );
}

/**
 * The page and the count in one walk: the people `where` selects from `from` are read once into `matching`
 * with their sort keys, stopped after `countLimit` + 1; the count is theirs, and the page is cut from them
 * by the same key, only its rows getting their columns. For a search `from` is `people` (a few hundred
 * names, each checked for visibility), which a page and then a count walked twice, the page sorted by name
 * walking the name index past every invisible match before it filled. For the unsearched list sorted by
 * anything but name it is the organisation's id set joined to `people`: no index holds those orders, and
 * the page walked every person to find a council's first 25. Past the limit `matching` is not the whole
 * list, so no page is cut (`rows` is undefined) and the caller walks it in order.
 */
async function matchingPage(db: DbOrTx, from: SQL, where: SQL | undefined, key: SortKey, bounds: PageBounds, today: string, countLimit: number, byLatestDuty: boolean) {
  const columns = key.exprs.map((_, i) => sql.raw(`k${i}`));
  const matchingKey: SortKey = { exprs: columns.map((column) => sql`matching.${column}`), types: key.types };
  const order = keysetOrder(matchingKey, bounds.greater);
  const keyset = bounds.cursorKey ? sql`and ${keysetCondition(matchingKey, bounds.cursorKey, bounds.greater)}` : sql``;
  const result = rowsOf<PageRow & { matching: number; position: unknown }>(
    await db.execute(sql`
    with matching as materialized (
      select ${people.id} as id, ${sql.join(key.exprs.map((expr, i) => sql`${expr} as ${columns[i]}`), sql`, `)}
      from ${from} ${byLatestDuty ? latestDuty(today) : sql``}
      ${where ? sql`where ${where}` : sql``}
      limit ${countLimit + 1}
    ),
    counted as (select count(*)::int as n from matching),
    page as (
      select matching.*, row_number() over (order by ${order}) as position from matching
      where (select n from counted) <= ${countLimit} ${keyset}
      order by ${order}
      limit ${bounds.limit} offset ${bounds.offset}
    )
    select counted.n as matching, shown.* from counted left join (
      select ${rowColumns(today)}, ${keysetSelect({ exprs: columns.map((column) => sql`page.${column}`), types: key.types })} as sort_key, page.position
      from page join ${people} on ${people.id} = page.id
      ${latestDuty(today)}
      ${organisationNames}
    ) shown on true
    order by shown.position`),
  );
  const matching = Number(result[0]?.matching ?? 0);
  if (matching > countLimit) return { matching, rows: undefined };
  const rows: PageRow[] = result.filter((row) => row.id !== null).map(({ matching: _n, position: _p, ...row }) => row);
  return { matching, rows };
}

/** The register's count stops here: counting every visible person of a large ICB costs a scan, and beyond it a number is not read. */
export const REGISTER_COUNT_LIMIT = COUNT_LIMIT;

export interface RegisterListRow {
  id: string;
  given_name: string;
  family_name: string;
  nhs_number: string | null;
  date_of_birth: string | null;
  open_duties: number;
  latest_duty_start: string | null;
  local_authority_id: string | null;
  local_authority_name: string | null;
  health_body_id: string | null;
  health_body_name: string | null;
  workers: { id: string; name: string }[] | string;
}
type PageRow = RegisterListRow & { sort_key: unknown };

/**
 * One page of the register, the cursors either side of it, and the number of people matching (counted up to
 * `countLimit`, past which `totalExact` is false), all under the same visibility filter. With `after` or
 * `before` the page is found by keyset (a row comparison on the sort key from the cursor) instead of OFFSET,
 * so a page deep in a long register costs what page 1 costs. A search, or the list in any order but by name,
 * is one statement (`matchingPage`); the list by name is a page walked in order (`pageInSortOrder`) and a
 * count of the organisation's id set (`countRegister`).
 */
export async function listRegister(db: DbOrTx, actor: Actor, query: RegisterQuery, today: string, countLimit = REGISTER_COUNT_LIMIT) {
  const visibility = await registerVisibility(db, actor);
  const search = searchFilter(query);
  const where = visibility === false ? sql`false` : and(visibility?.filter, ...search, ...caseFilter(query, today, people.id));
  const ascending = query.order === 'asc';
  const key = sortKeys[query.sort](ascending);
  const cursorText = query.before ?? query.after;
  const backwards = query.before !== undefined;
  const list = `register:${query.sort}:${query.order}`;
  const cursor = cursorText === undefined ? undefined : decodeCursor(cursorText, list, key.exprs.length, backwards ? 'before' : 'after');
  // Forwards on an ascending sort (or backwards on a descending one) wants the rows whose key is greater.
  const bounds: PageBounds = { cursorKey: cursor?.key, greater: ascending !== backwards, offset: cursor ? 0 : (query.page - 1) * query.pageSize, limit: query.pageSize + 1 };
  const byLatestDuty = query.sort === 'dutyStart';
  let matched: { matching: number; rows: PageRow[] | undefined } | undefined;
  if (visibility !== false && search.length > 0) {
    matched = await matchingPage(db, sql`${people}`, where, key, bounds, today, countLimit, byLatestDuty);
  } else if (visibility && query.sort !== 'name') {
    const from = sql`(${visibility.idSet}) visible join ${people} on ${people.id} = visible.person_id`;
    matched = await matchingPage(db, from, and(...caseFilter(query, today, sql`visible.person_id`)), key, bounds, today, countLimit, byLatestDuty);
  }
  // By name the page walks `people_sort_name_idx` and stops at a page of visible people; the count is the id set's.
  const fetched = matched?.rows ?? (await pageInSortOrder(db, where, key, bounds, today));
  const n = matched ? matched.matching : await countRegister(db, visibility, query, today, countLimit + 1);
  const more = fetched.length > query.pageSize;
  const rows = fetched.slice(0, query.pageSize);
  if (backwards) rows.reverse();
  const pageNumber = cursor?.page ?? query.page;
  const hasNext = backwards ? true : more;
  const hasPrevious = backwards ? more : cursor !== undefined || query.page > 1;
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows: rows.map(({ sort_key: _key, ...row }) => row as RegisterListRow),
    total: Math.min(n, countLimit),
    totalExact: n <= countLimit,
    page: pageNumber,
    nextCursor: hasNext && last ? encodeCursor({ list, key: sortKeyOf(last.sort_key), page: pageNumber + 1 }) : null,
    previousCursor: hasPrevious && first && pageNumber > 1 ? encodeCursor({ list, key: sortKeyOf(first.sort_key), page: pageNumber - 1 }) : null,
  };
}
