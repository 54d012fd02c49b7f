/**
 * `aftercare backup FILE`: a consistent copy of the embedded database (PGlite `dumpDataDir`, a gzipped
 * tar) taken while no server runs — the embedded lock is held for the whole copy, so a running server
 * makes it refuse. PostgreSQL deployments use pg_dump and point-in-time recovery (docs/operations.md).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { CommandDefinition } from '../main.ts';
import { UsageError } from '../usage-error.ts';
import { embeddedConfig, withEmbeddedLock } from '../embedded-file-command.ts';

export const command: CommandDefinition = {
  summary: 'Back up the embedded database to a .tar.gz file (stop the server first)',
  usage: 'aftercare backup FILE [--force]',
  options: { force: { type: 'boolean' } },
  allowPositionals: true,
  async run({ values, positionals }) {
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new UsageError('Name one file to write, e.g. aftercare backup aftercare-2026-11-28.tar.gz');
    const config = embeddedConfig('Back up PostgreSQL with pg_dump and WAL archiving (docs/operations.md).');
    if (!config) return 1;
    const target = resolve(file);
    if (existsSync(target) && values.force !== true) {
      console.error(`aftercare: ${target} already exists. Choose another name, or add --force to replace it.`);
      return 1;
    }
    const folder = join(config.dataDir, 'pglite');
    if (!existsSync(folder)) {
      console.error(`aftercare: there is no embedded database in ${config.dataDir}.`);
      return 1;
    }
    return withEmbeddedLock(config.dataDir, async () => {
      const client = await PGlite.create(folder);
      try {
        const dump = await client.dumpDataDir('gzip');
        writeFileSync(target, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
      } finally {
        await client.close();
      }
      console.log(`Backed up the embedded database in ${config.dataDir} to ${target}. It holds personal data: store it encrypted.`);
      return 0;
    });
  },
};
