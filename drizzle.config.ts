// drizzle-kit reads the schema to generate migrations/NNNN_*.sql (`npm run db:generate`); see docs/adr/0002-database.md.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  schema: './src/platform/db/schema.ts',
  out: './migrations',
  dialect: 'postgresql',
  strict: true,
  verbose: false,
});
