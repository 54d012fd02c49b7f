/**
 * How the alerts read a person's whole case file inside the caller's transaction, for the system's own use
 * (recomputing stored alerts, the sweep): the register's unaudited, unfiltered read. Services pass
 * `register.readCaseFile`, which carries every capability's section stores; the default here holds the
 * register's own sections only (enough for tests of the register alone).
 */
import type { DbOrTx } from '../../platform/db/client.ts';
import type { CaseFile } from '../../domain/case-file/schema.ts';
import { readCaseFile, readCaseFiles } from '../register/case-file-export.ts';
import type { IdRange } from '../../platform/db/rows-by-ids.ts';

export type CaseFileSource = (tx: DbOrTx, personId: string) => Promise<CaseFile>;
/**
 * Many people's case files by person id, read set-based (`register.readCaseFiles`), for the sweep; `range`:
 * the ids are every person from its first to its last id (a sweep batch).
 */
export type CaseFilesSource = (tx: DbOrTx, personIds: readonly string[], range?: IdRange) => Promise<Map<string, CaseFile>>;

export const readCaseFileUnaudited: CaseFileSource = (tx, personId) => readCaseFile(tx, personId);
export const readCaseFilesUnaudited: CaseFilesSource = (tx, personIds, range) => readCaseFiles(tx, personIds, [], range);
