/**
 * The journey picture (pure): the person's detentions and CTOs, where they lived (by council), their GP
 * registrations (by ICB), the duties recorded and the duties the law gives (from `evaluate`), and where the
 * two differ. One list of facts feeds both the SVG bars and the text table for screen readers, so they
 * cannot disagree.
 */
import type { CaseFile } from '../../domain/case-file/schema.ts';
import type { Evaluation } from '../../domain/rules/evaluation.ts';
import { daysBetween } from '../../domain/calendar/civil-date.ts';

export type JourneyLane = 'Detentions and CTOs' | 'Residence (council)' | 'GP registration (ICB)' | 'Duties recorded' | 'Duties the law gives';
export const journeyLanes: JourneyLane[] = ['Detentions and CTOs', 'Residence (council)', 'GP registration (ICB)', 'Duties recorded', 'Duties the law gives'];

export interface JourneyFact {
  lane: JourneyLane;
  label: string;
  from: string;
  /** Undefined while it continues. */
  to: string | undefined;
  /** Set when the recorded duty and the law's duty differ (or one is missing). */
  difference?: string;
}

export function journeyFacts(file: CaseFile, evaluation: Evaluation): JourneyFact[] {
  const name = (id: string | null | undefined) => (id ? (file.organisations.find((o) => o.id === id)?.name ?? id) : 'not determined');
  const facts: JourneyFact[] = [];
  for (const d of file.detentions) facts.push({ lane: 'Detentions and CTOs', label: `Section ${d.section}${d.hospital ? `, ${d.hospital}` : ''}`, from: d.start, to: d.end });
  for (const c of file.ctos) facts.push({ lane: 'Detentions and CTOs', label: 'Community treatment order', from: c.start, to: c.end });
  for (const r of file.residences) facts.push({ lane: 'Residence (council)', label: `${name(r.localAuthorityId)} (${r.kind.replaceAll('_', ' ')})`, from: r.from, to: r.to });
  for (const g of file.gpRegistrations) facts.push({ lane: 'GP registration (ICB)', label: name(g.healthBodyId), from: g.from, to: g.to });
  for (const duty of file.duties) {
    const law = evaluation.duties.find((l) => l.detentionId === duty.detentionId);
    const differences: string[] = [];
    if (!law) differences.push('the law gives no duty for this detention');
    else {
      if (law.localAuthority.organisationId !== duty.localAuthorityId) differences.push(`the law gives the council as ${name(law.localAuthority.organisationId)}`);
      if (law.healthBody.organisationId !== duty.healthBodyId) differences.push(`the law gives the health body as ${name(law.healthBody.organisationId)}`);
    }
    facts.push({
      lane: 'Duties recorded',
      label: `${name(duty.localAuthorityId)} and ${name(duty.healthBodyId)}`,
      from: duty.start,
      to: duty.end,
      ...(differences.length ? { difference: `Differs: ${differences.join('; ')}` } : {}),
    });
  }
  for (const law of evaluation.duties) {
    const recorded = file.duties.find((d) => d.detentionId === law.detentionId);
    facts.push({
      lane: 'Duties the law gives',
      label: `${name(law.localAuthority.organisationId)} and ${name(law.healthBody.organisationId)}`,
      from: law.start,
      to: law.end,
      ...(!recorded ? { difference: 'Not recorded on the register' } : {}),
    });
  }
  return facts.sort((a, b) => journeyLanes.indexOf(a.lane) - journeyLanes.indexOf(b.lane) || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

export interface JourneyBar extends JourneyFact {
  x: number;
  y: number;
  width: number;
}

export interface JourneyPicture {
  width: number;
  height: number;
  laneHeight: number;
  labelWidth: number;
  lanes: { label: JourneyLane; y: number }[];
  bars: JourneyBar[];
  ticks: { x: number; label: string }[];
  start: string;
  end: string;
}

/** Lays the facts out on a time axis from the earliest fact to `asOf` (open periods run to `asOf`). */
export function journeyPicture(facts: readonly JourneyFact[], asOf: string, width = 900): JourneyPicture {
  const laneHeight = 40;
  const labelWidth = 190;
  const start = facts.reduce((min, f) => (f.from < min ? f.from : min), asOf);
  const end = facts.reduce((max, f) => (f.to && f.to > max ? f.to : max), asOf);
  const span = Math.max(1, daysBetween(start, end));
  const plot = width - labelWidth - 10;
  const xOf = (date: string) => labelWidth + (daysBetween(start, date) / span) * plot;
  const lanes = journeyLanes.map((label, i) => ({ label, y: 30 + i * laneHeight }));
  const bars = facts.map((fact) => {
    const x = xOf(fact.from);
    return { ...fact, x: Math.round(x), y: lanes.find((l) => l.label === fact.lane)!.y + 8, width: Math.max(3, Math.round(xOf(fact.to ?? end) - x)) };
  });
  const firstYear = Number(start.slice(0, 4)) + 1;
  const lastYear = Number(end.slice(0, 4));
  const step = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 8));
  const ticks = [];
  for (let year = firstYear; year <= lastYear; year += step) ticks.push({ x: Math.round(xOf(`${year}-01-01`)), label: String(year) });
  return { width, height: 30 + journeyLanes.length * laneHeight + 10, laneHeight, labelWidth, lanes, bars, ticks, start, end };
}
