/**
 * Builds a residence history and GP registrations in date order: each new period closes the one before,
 * so the history has no overlaps and no gaps (half-open periods, as the contract defines them).
 */
import type { CivilDate } from '../../domain/calendar/civil-date.ts';
import type { GpRegistration, Residence } from '../../domain/case-file/schema.ts';
import type { DemoArea } from '../organisations.ts';
import type { Random } from '../random.ts';

export type ResidenceKind = Residence['kind'];
export const unsettledKinds: readonly ResidenceKind[] = ['rough_sleeping', 'no_fixed_abode', 'hotel', 'temporary'];
const settledInferredYes: readonly ResidenceKind[] = ['own_home', 'family', 'supported_living', 'care_home', 'shared_lives'];

export class ResidenceTimeline {
  readonly residences: Residence[] = [];
  readonly gpRegistrations: GpRegistration[] = [];
  /** The area the person last lived in outside hospital and prison (the ordinary-residence candidate). */
  homeArea: DemoArea;
  private readonly rng: Random;
  private readonly asOf: CivilDate;

  constructor(rng: Random, homeArea: DemoArea, asOf: CivilDate) {
    this.rng = rng;
    this.homeArea = homeArea;
    this.asOf = asOf;
  }

  /** Starts a new residence period on `from`, closing the current one. */
  live(from: CivilDate, kind: ResidenceKind, area: DemoArea, extra: Partial<Residence> = {}): void {
    if (from > this.asOf) return;
    while ((this.residences[this.residences.length - 1]?.from ?? '') >= from) this.residences.pop();
    const last = this.residences[this.residences.length - 1];
    if (last) last.to = from;
    const residence: Residence = { from, nation: area.nation, localAuthorityId: area.localAuthorityId, healthBodyId: area.healthBodyId, kind };
    const judgement = extra.ordinarilyResident ?? this.recordedJudgement(kind);
    if (judgement) residence.ordinarilyResident = judgement;
    Object.assign(residence, extra);
    this.residences.push(residence);
    if (kind !== 'hospital_detained' && kind !== 'hospital_informal' && kind !== 'prison') this.homeArea = area;
  }

  /** Registers with a GP practice in `area` from `from`, ending any current registration. */
  registerWithGp(from: CivilDate, area: DemoArea): void {
    if (from > this.asOf) return;
    const current = this.gpRegistrations[this.gpRegistrations.length - 1];
    if (current && current.healthBodyId === area.healthBodyId && this.rng.chance(0.7)) return;
    while ((this.gpRegistrations[this.gpRegistrations.length - 1]?.from ?? '') >= from) this.gpRegistrations.pop();
    const last = this.gpRegistrations[this.gpRegistrations.length - 1];
    if (last) last.to = from;
    this.gpRegistrations.push({ from, practiceCode: `${area.practicePrefix}${String(this.rng.int(0, 999)).padStart(3, '0')}`, healthBodyId: area.healthBodyId });
  }

  /** The health body of the GP registration covering `date`, if any. */
  gpHealthBodyOn(date: CivilDate): string | undefined {
    return this.gpRegistrations.find((registration) => registration.from <= date && (!registration.to || registration.to > date))?.healthBodyId;
  }

  current(): Residence | undefined {
    return this.residences[this.residences.length - 1];
  }

  /** Most records carry the user's judgement; some leave it for the rules to infer. */
  private recordedJudgement(kind: ResidenceKind): Residence['ordinarilyResident'] | undefined {
    if (this.rng.chance(0.2)) return undefined;
    if (kind === 'hospital_detained' || kind === 'prison') return 'no';
    if (settledInferredYes.includes(kind)) return 'yes';
    return this.rng.chance(0.5) ? 'unknown' : 'no';
  }
}
