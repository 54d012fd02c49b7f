/**
 * Shaping the dashboards (pure): grouping a list of alerts by severity and by rule (each group's count is
 * the length of the filtered list it links to), the month-end dates of the organisation's trend, and the
 * bars of its accessible chart.
 */
import { addMonths, daysInMonth } from '../../domain/calendar/civil-date.ts';
import type { ListedAlert } from '../alerts/api-schemas.ts';

export interface AlertFilter {
  severity?: string | undefined;
  rule?: string | undefined;
}

export function filterAlerts(alerts: readonly ListedAlert[], filter: AlertFilter): ListedAlert[] {
  return alerts.filter((a) => (!filter.severity || a.severity === filter.severity) && (!filter.rule || a.id === filter.rule));
}

export function groupCounts(alerts: readonly ListedAlert[], by: 'severity' | 'rule'): { key: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const alert of alerts) {
    const key = by === 'severity' ? alert.severity : alert.id;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const order = by === 'severity' ? ['high', 'medium', 'low'] : [...counts.keys()].sort();
  return order.filter((key) => counts.has(key)).map((key) => ({ key, count: counts.get(key)! }));
}

/** The last day of each of the `months` months ending with today's month (today itself for the current month). */
export function trendDates(today: string, months = 6): string[] {
  const dates: string[] = [today];
  let month = today.slice(0, 7) + '-01';
  for (let i = 1; i < months; i++) {
    month = addMonths(month, -1);
    const [y, m] = month.split('-').map(Number) as [number, number];
    dates.unshift(`${month.slice(0, 8)}${String(daysInMonth(y, m)).padStart(2, '0')}`);
  }
  return dates;
}

export interface TrendChart {
  width: number;
  height: number;
  bars: { x: number; y: number; width: number; height: number; date: string; total: number }[];
  max: number;
}

export function trendChart(totals: readonly { date: string; total: number }[], width = 600, height = 200): TrendChart {
  const max = Math.max(1, ...totals.map((t) => t.total));
  const slot = width / Math.max(1, totals.length);
  const plot = height - 40;
  const bars = totals.map((t, i) => {
    const h = Math.round((t.total / max) * plot);
    return { x: Math.round(i * slot + slot * 0.2), y: 20 + plot - h, width: Math.round(slot * 0.6), height: h, date: t.date, total: t.total };
  });
  return { width, height, bars, max };
}

/** Colours for the teams' bars (GOV.UK palette), repeated when there are more teams; the legend and table name them. */
const teamColours = ['#1d70b8', '#00703c', '#912b88', '#f47738', '#505a5f', '#d4351c', '#28a197', '#4c2c92'];

export interface TeamTrendChart {
  width: number;
  height: number;
  max: number;
  bars: { x: number; y: number; width: number; height: number; colour: string; date: string; team: string; n: number }[];
  dates: { x: number; date: string }[];
  legend: { x: number; y: number; colour: string; team: string }[];
}

/** Grouped bars: for each date, one bar per team, with a legend naming each team by its colour. */
export function teamTrendChart(
  dates: readonly string[],
  teams: readonly { id: string; name: string }[],
  counts: readonly { date: string; teamId: string; n: number }[],
  width = 600,
): TeamTrendChart {
  const legendHeight = 18 * teams.length + 10;
  const plot = 160;
  const height = 20 + plot + 20 + legendHeight;
  const n = (date: string, teamId: string) => counts.find((c) => c.date === date && c.teamId === teamId)?.n ?? 0;
  const max = Math.max(1, ...counts.map((c) => c.n));
  const slot = width / Math.max(1, dates.length);
  const barWidth = Math.max(2, Math.floor((slot * 0.8) / Math.max(1, teams.length)));
  const bars = dates.flatMap((date, i) =>
    teams.map((team, j) => {
      const value = n(date, team.id);
      const h = Math.round((value / max) * plot);
      return { x: Math.round(i * slot + slot * 0.1 + j * barWidth), y: 20 + plot - h, width: barWidth, height: h, colour: teamColours[j % teamColours.length]!, date, team: team.name, n: value };
    }),
  );
  return {
    width,
    height,
    max,
    bars,
    dates: dates.map((date, i) => ({ x: Math.round(i * slot + slot * 0.1), date })),
    legend: teams.map((team, j) => ({ x: 0, y: 20 + plot + 30 + 18 * j, colour: teamColours[j % teamColours.length]!, team: team.name })),
  };
}
