/**
 * What every part of the case-file generator shares while it builds one person's file: the random
 * streams, Faker for names, the organisations it may refer to, the staff pool and an id counter.
 */
import type { Faker } from '@faker-js/faker';
import type { CivilDate } from '../../domain/calendar/civil-date.ts';
import type { Organisation, Staff } from '../../domain/case-file/schema.ts';
import type { DemoArea } from '../organisations.ts';
import type { Random } from '../random.ts';

export interface StaffPool {
  /** Staff of one organisation with one role, in a stable order. */
  byRole(organisationId: string, role: NonNullable<Staff['role']>): Staff[];
  all(): Staff[];
}

export interface GenerationContext {
  rng: Random;
  faker: Faker;
  asOf: CivilDate;
  areas: readonly DemoArea[];
  organisations: readonly Organisation[];
  staff: StaffPool;
  /** Multiplies how often contact, appointments and meetings happen (1 = a typical case). */
  intensity: number;
  ids: IdSource;
}

/** Ids unique within one case file: a short prefix for the kind of record and a counter. */
export class IdSource {
  private readonly counters = new Map<string, number>();

  next(prefix: string): string {
    const count = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, count);
    return `${prefix}${count}`;
  }
}

export function organisationsOfKind(organisations: readonly Organisation[], ...kinds: Organisation['kind'][]): Organisation[] {
  return organisations.filter((organisation) => kinds.includes(organisation.kind));
}
