/**
 * The frame of a person's case page that another capability adds (alerts, chronology, journey): the MoJ
 * identity bar and the sub-navigation — the register's sections followed by the capabilities' sections
 * (`src/app/person-sections.ts`), with the current one marked. Reading it is the audited case view.
 */
import type { ServiceContext } from '../../platform/context.ts';
import { todayInLondon } from '../../domain/calendar/civil-date.ts';
import { personSections } from '../../app/person-sections.ts';
import type { RegisterService } from '../register/service.ts';
import { identityBar, subNavigation } from '../register/view-shaping/case-view.ts';

export async function casePageFrame(register: RegisterService, ctx: ServiceContext, personId: string, active: string) {
  const view = await register.getCase(ctx, personId);
  const registerItems = subNavigation(personId, 'overview').map((item) => ({ ...item, active: false }));
  const sectionItems = personSections.map((section) => ({ text: section.text, href: section.href(personId), active: section.key === active }));
  const known = new Set(registerItems.map((item) => item.href));
  return {
    view,
    identity: identityBar(view, todayInLondon(ctx.now)),
    subNavigation: [...registerItems, ...sectionItems.filter((item) => !known.has(item.href))],
  };
}
