/**
 * `aftercare restore FILE [--force]`: replaces the embedded database with a backup made by
 * `aftercare backup`. Refuses while a server holds the embedded lock, and refuses to overwrite a database
 * that already has data unless --force (the old folder is then kept beside it, renamed, not deleted).
 */
import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { CommandDefinition } from '../main.ts';
import { UsageError } from '../usage-error.ts';
import { embeddedConfig, withEmbeddedLock } from '../embedded-file-command.ts';

export const command: CommandDefinition = {
  summary: 'Restore the embedded database from a backup (stop the server first)',
  usage: 'aftercare restore FILE [--force]',
  options: { force: { type: 'boolean' } },
  allowPositionals: true,
  async run({ values, positionals }) {
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new UsageError('Name the backup file to restore, e.g. aftercare restore aftercare-2026-11-28.tar.gz');
    const config = embeddedConfig('Restore PostgreSQL with pg_restore or point-in-time recovery (docs/operations.md).');
    if (!config) return 1;
    const source = resolve(file);
    if (!existsSync(source)) {
      console.error(`aftercare: there is no file ${source}.`);
      return 1;
    }
    return withEmbeddedLock(config.dataDir, async () => {
      const folder = join(config.dataDir, 'pglite');
      if (existsSync(folder) && readdirSync(folder).length > 0) {
        if (values.force !== true) {
          console.error(`aftercare: ${folder} already holds a database. Add --force to replace it (the old folder is kept, renamed).`);
          return 1;
        }
        const aside = `${folder}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        renameSync(folder, aside);
        console.log(`Moved the current database aside to ${aside}.`);
      }
      const client = await PGlite.create(folder, { loadDataDir: new Blob([readFileSync(source)]) });
      try {
        await client.query('select 1');
      } finally {
        await client.close();
      }
      console.log(`Restored the embedded database in ${config.dataDir} from ${source}.`);
      return 0;
    });
  },
};
