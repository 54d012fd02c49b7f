/**
 * Generated demo case files (`aftercare.case-file/v1`): deterministic for a seed, realistic enough to
 * demonstrate the register and to load-test the rules. Each person gets a history of detentions,
 * residences and GP registrations, the duties the register recorded (mostly right, some deliberately
 * wrong), allocations, contacts and — with `sections: 'all'` — care plans, services, money, panels,
 * placements, meetings, decisions, letters, appointments, complaints and ombudsman cases.
 *
 * Person `n` depends only on the seed and `n` (not on how many people are asked for), and the register
 * sections are the same whichever `sections` is chosen (they use their own random stream).
 */
import { Faker, base, en, en_GB } from '@faker-js/faker';
import type { CivilDate } from '../domain/calendar/civil-date.ts';
import { addDays } from '../domain/calendar/civil-date.ts';
import type { CaseFile, Organisation } from '../domain/case-file/schema.ts';
import { emptyCaseFile } from '../domain/case-file/empty-case-file.ts';
import type { GenerationContext, StaffPool } from './generator/context.ts';
import { IdSource } from './generator/context.ts';
import { generateCaseActivity } from './generator/case-activity.ts';
import { generateDetentionHistory } from './generator/detention-history.ts';
import { generateContacts, generatePerson, testNhsNumber } from './generator/identity.ts';
import { referencedIds, referencedOrganisations } from './generator/references.ts';
import { generateRegisterRecords } from './generator/register-records.ts';
import { createStaffPool } from './generator/staff-pool.ts';
import type { DemoArea } from './organisations.ts';
import { demoAreas, demoOrganisations } from './organisations.ts';
import { createRandom } from './random.ts';

export type GeneratedSections = 'register' | 'all';

export interface GenerateOptions {
  seed: number;
  people: number;
  /** Organisations the files may refer to (default: `demoOrganisations()`). */
  organisations?: readonly Organisation[];
  /** Which council and health body cover each area (default: `demoAreas`, matching the demo organisations). */
  areas?: readonly DemoArea[];
  /** The snapshot date: nothing in a file happens after it except planned future events. */
  asOf: CivilDate;
  /** 'register' leaves the sections the database cannot store yet empty. Default 'all'. */
  sections?: GeneratedSections;
  /** Person ids are `${idPrefix}${n}` with n from 1 (default `p-${seed}-`). */
  idPrefix?: string;
  /** The first person's number (default 1): lets a caller generate a large register in batches. */
  firstPerson?: number;
}

interface Shared {
  seed: number;
  asOf: CivilDate;
  organisations: readonly Organisation[];
  areas: readonly DemoArea[];
  staff: StaffPool;
  faker: Faker;
  usedNhsNumbers: Set<string>;
}

export function generateDemoCaseFiles(options: GenerateOptions): CaseFile[] {
  const shared = sharedState(options);
  const files: CaseFile[] = [];
  const first = options.firstPerson ?? 1;
  for (let n = first; n < first + options.people; n++) {
    files.push(
      generateOne(shared, n, `${options.idPrefix ?? `p-${options.seed}-`}${n}`, options.sections ?? 'all', {
        chains: 0,
        intensity: 1,
      }),
    );
  }
  return files;
}

/**
 * One person with a long, busy history — about a thousand records (900 to 1,100) — for benchmarks and
 * paging tests. Histories vary (a long s37/41 leaves little aftercare), so it takes the first of the
 * seed's candidates that lands in the range: still deterministic for a seed.
 */
export function largeCaseFile(seed: number, asOf: CivilDate = '2026-11-27'): CaseFile {
  const shared = sharedState({ seed, people: 1, asOf });
  let closest: CaseFile | undefined;
  for (let candidate = 1; candidate <= 40; candidate++) {
    const file = generateOne(shared, candidate, `p-large-${seed}`, 'all', {
      chains: 6,
      intensity: 14,
      years: 16,
    });
    const count = countRecords(file);
    if (count >= 900 && count <= 1100) return file;
    if (!closest || Math.abs(count - 1000) < Math.abs(countRecords(closest) - 1000)) closest = file;
  }
  return closest as CaseFile;
}

/** Records of the person's sections (organisations and staff aside), nested needs, points and remedies included. */
export function countRecords(file: CaseFile): number {
  let count = 1;
  for (const [key, value] of Object.entries(file)) {
    if (key === 'organisations' || key === 'staff' || !Array.isArray(value)) continue;
    count += value.length;
  }
  for (const plan of file.carePlans) count += plan.needs.length;
  for (const complaint of file.complaints) count += complaint.points.length;
  for (const ombudsmanCase of file.ombudsmanCases) count += ombudsmanCase.remedies.length;
  return count;
}

function sharedState(options: GenerateOptions): Shared {
  const organisations = options.organisations ?? demoOrganisations();
  return {
    seed: options.seed,
    asOf: options.asOf,
    organisations,
    areas: (options.areas ?? demoAreas).filter((area) =>
      organisations.some((o) => o.id === area.localAuthorityId),
    ),
    staff: createStaffPool(options.seed, organisations),
    faker: new Faker({ locale: [en_GB, en, base] }),
    usedNhsNumbers: new Set(),
  };
}

interface Shape {
  chains: number;
  intensity: number;
  years?: number;
}

function generateOne(
  shared: Shared,
  n: number,
  personId: string,
  sections: GeneratedSections,
  shape: Shape,
): CaseFile {
  const { seed, asOf, faker, areas } = shared;
  const rng = createRandom(seed, n, 1);
  faker.seed([seed, n]);
  const context: GenerationContext = {
    rng,
    faker,
    asOf,
    areas,
    organisations: shared.organisations,
    staff: shared.staff,
    intensity: shape.intensity,
    ids: new IdSource(),
  };
  const englishAreas = areas.filter((area) => area.nation === 'england');
  const firstArea =
    rng.chance(0.05) || englishAreas.length === 0
      ? rng.pick(areas)
      : rng.weighted(englishAreas.map((area, i) => [area, i === 0 ? 4 : 2] as const));
  const person = generatePerson(
    context,
    personId,
    testNhsNumber(createRandom(seed, n, 7), shared.usedNhsNumbers),
    firstArea,
  );
  const adulthood = addDays(person.dateOfBirth ?? asOf, 16 * 365);
  const lookBack = addDays(asOf, -Math.round((shape.years ?? rng.int(2, 7)) * 365.25));
  const historyStart = adulthood > lookBack ? adulthood : lookBack;
  const chains =
    shape.chains ||
    rng.weighted([
      [1, 60],
      [2, 28],
      [3, 10],
      [4, 2],
    ]);
  const history = generateDetentionHistory(context, historyStart, firstArea, chains);
  const register = generateRegisterRecords(context, history.lawfulDuties, history.nonQualifying);
  const contacts = generateContacts(context, person, historyStart, firstArea);
  const now = history.timeline.current()?.kind;
  if (now === 'rough_sleeping' || now === 'no_fixed_abode') delete person.address;

  const body: CaseFile = emptyCaseFile({
    person,
    contacts,
    detentions: history.detentions,
    ctos: history.ctos,
    residences: history.timeline.residences,
    gpRegistrations: history.timeline.gpRegistrations,
    duties: register.duties,
    disputes: register.disputes,
    allocations: register.allocations,
  });
  if (sections === 'all') {
    // A separate stream: the register part above is the same whether or not this runs.
    Object.assign(
      body,
      generateCaseActivity(
        { ...context, rng: createRandom(seed, n, 2) },
        {
          person,
          contacts,
          residences: body.residences,
          duties: register.duties,
          allocations: register.allocations,
        },
      ),
    );
  }
  const refs = referencedIds(body);
  const staff = shared.staff.all().filter((member) => refs.has(member.id));
  const organisations = referencedOrganisations(
    shared.organisations,
    refs,
    staff.map((member) => member.organisationId),
  );
  return { ...body, organisations, staff };
}
