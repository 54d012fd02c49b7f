/**
 * The seam through which each capability stores its sections of a person's case file. The case-file
 * import and export (`aftercare import` / `export`, `POST /api/v1/case-files`,
 * `GET /api/v1/people/{id}/case-file`) hand every section the contract defines to the store that owns it;
 * a section no store owns is refused on import by name, never silently dropped.
 *
 * Import records history as it was (contract, "Import records history as it was"): a store writes what the
 * file says, without the guards that refuse a user's new action; the alerts then show what is wrong.
 */
import type { ServiceContext } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { IdRange } from '../../platform/db/rows-by-ids.ts';
import type { CaseFile } from '../../domain/case-file/schema.ts';

export type CaseFileSection = Exclude<keyof CaseFile, 'schema' | 'ext' | 'person' | 'organisations' | 'staff'>;

/** Maps the file's organisation and staff ids to the ids they were matched or created with on import. */
export interface ImportIdMap {
  organisation(id: string): string;
  staff(id: string): string;
  /** A `Ref` ("person", a contact, staff or organisation id) as stored. */
  ref(ref: string): string;
}

export interface CaseFileSectionStore {
  /** The contract sections this store owns. */
  sections: readonly CaseFileSection[];
  /** Writes the owned sections of one validated file for `personId`, inside the import's transaction. */
  importSections(tx: DbOrTx, ctx: ServiceContext, personId: string, file: CaseFile, ids: ImportIdMap): Promise<void>;
  /** Reads the owned sections back as the contract shapes them, with the file's own ids. */
  exportSections(tx: DbOrTx, personId: string): Promise<Partial<CaseFile>>;
  /**
   * The same for many people with a few set-based reads (the sweep reads its cases in batches), by person
   * id; each person's sections equal what `exportSections` gives. A store without it is read person by person.
   * `range`, when given, says the ids are every person from its first to its last id (a sweep batch), so a
   * read may scan that range of an index (`rowsByIds`).
   */
  exportSectionsOfMany?(tx: DbOrTx, personIds: readonly string[], range?: IdRange): Promise<Map<string, Partial<CaseFile>>>;
  /** Organisation and staff ids the owned sections refer to (an id may be named more than once), so an export holds exactly those. */
  referencedIds(sections: Partial<CaseFile>): { organisationIds: string[]; staffIds: string[] };
}
