/**
 * Every table of Aftercare, for Drizzle and drizzle-kit. Each capability adds one line re-exporting its
 * `tables.ts`; `npm run db:generate` then writes the migration.
 */
export * from '../organisations/tables.ts';
export * from '../users/tables.ts';
export * from '../auth/tables.ts';
export * from '../audit/tables.ts';

// Modules: add `export * from '../../modules/<capability>/tables.ts';` below.
export * from '../../modules/register/tables.ts';
export * from '../../modules/alerts/tables.ts';
export * from '../../modules/complaints/tables.ts';
export * from '../../modules/care-records/tables.ts';
export * from '../../modules/coordination/tables.ts';
