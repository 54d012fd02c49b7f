/**
 * The auditors' reading of the audit trail. Searching it is itself recorded (who looked, for what).
 */
import type { ServiceContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { assertPermission } from '../permissions.ts';
import { recordAudit, searchAudit, type AuditPage, type AuditSearch } from './audit-trail.ts';

export function createAuditService(deps: { db: Db }) {
  const { db } = deps;
  return {
    async search(ctx: ServiceContext, search: AuditSearch): Promise<AuditPage> {
      assertPermission(ctx.actor, 'audit:read');
      return db.transaction(async (tx) => {
        const page = await searchAudit(tx, search);
        await recordAudit(tx, ctx, {
          action: 'audit.search',
          after: { personId: search.personId, actorId: search.actorId, from: search.from?.toISOString(), to: search.to?.toISOString(), page: page.page },
        });
        return page;
      });
    },
  };
}
