/**
 * Loaded into every test process (`node --test --import ./test/support/preload.ts`, package.json): the app's
 * processes start the same way the CLI starts them, drizzle-orm's own imports resolved by the hook of
 * src/platform/module-resolution.ts (~0.7 s of CPU less a test file that loads the database layer).
 */
import { resolveDrizzleImportsDirectly } from '../../src/platform/module-resolution.ts';

resolveDrizzleImportsDirectly();
