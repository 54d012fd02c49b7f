/**
 * `aftercare seed --demo`: fills an empty register with the demo organisations, one demo user per role,
 * about 200 generated people and the reference case. Does nothing when the register already holds people.
 */
import type { CommandDefinition } from '../main.ts';
import { UsageError } from '../usage-error.ts';
import { createServices } from '../../app/services.ts';
import { withCommandDatabase } from '../../platform/command-database.ts';
import { DEMO_PASSWORD, demoUsers, seedDemo } from '../../modules/register/demo/seed.ts';

export const command: CommandDefinition = {
  summary: 'Fill an empty register with demonstration data (--demo), or load the organisation reference data (--organisations)',
  usage: 'aftercare seed [--organisations] [--demo [--people N]]',
  options: { demo: { type: 'boolean' }, people: { type: 'string' }, organisations: { type: 'boolean' } },
  async run({ values }) {
    if (values.organisations === true) {
      const loaded = await (await import('./organisations.ts')).loadOrganisations();
      if (loaded !== 0 || values.demo !== true) return loaded;
    }
    if (values.demo !== true) throw new UsageError('say --demo: the only data this command adds is the demonstration set');
    const people = values.people === undefined ? undefined : Number(values.people);
    if (people !== undefined && (!Number.isInteger(people) || people < 0 || people > 100_000)) throw new UsageError('--people must be a whole number from 0 to 100000');
    return withCommandDatabase(async ({ config, database, logger }) => {
      const started = Date.now();
      const result = await seedDemo(createServices({ db: database.db, config, logger }), people === undefined ? {} : { people });
      if (result.skipped) {
        console.log('The register already holds people: nothing was added.');
        return 0;
      }
      console.log(
        `Added ${result.people} people (the reference case included), ${result.organisations} organisations, ${result.users} users and ${result.allocations} allocations in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      );
      console.log(`Demo sign-ins (password "${DEMO_PASSWORD}", demonstration only):`);
      for (const user of demoUsers) console.log(`  ${user.email.padEnd(40)} ${user.role}`);
      return 0;
    });
  },
};
