/**
 * Money and dates as GOV.UK content style writes them: "£1,350", "£7.30", "1 April 2025".
 */
import type { CivilDate } from '../calendar/civil-date.ts';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** £1,234.50, or £150 for whole pounds. */
export function formatPounds(pence: number): string {
  const pounds = String(Math.floor(pence / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = pence % 100;
  return rest === 0 ? `£${pounds}` : `£${pounds}.${String(rest).padStart(2, '0')}`;
}

/** 1 April 2025 */
export function formatDate(date: CivilDate): string {
  return `${Number(date.slice(8, 10))} ${months[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}
