import { messages } from './messages.ts';
import { userError } from './user-error.ts';

/** Dates in content are calendar days at midnight UTC; these helpers keep them that way. */

const DAY_MS = 86_400_000;

/** `2026-05-14` for a Date at any time of that UTC day. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const human = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `14 May 2026`: unambiguous for readers in any country. */
export function humanDate(date: Date): string {
  return human.format(date);
}

/** The latest of some days, skipping those not given; undefined when none is. */
export function latestDay(days: readonly (Date | undefined)[]): Date | undefined {
  return days.reduce<Date | undefined>((latest, day) => (day && (!latest || day > latest) ? day : latest), undefined);
}

/** Today's date at midnight UTC; `HANDBOOK_TODAY=YYYY-MM-DD` pins it for reproducible builds and tests. */
export function today(env: NodeJS.ProcessEnv = process.env): Date {
  const pinned = env['HANDBOOK_TODAY']?.trim();
  if (pinned) {
    const day = new Date(`${pinned}T00:00:00Z`);
    // A date that is not a real day would silence every rule that counts days, without a word.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(pinned) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== pinned) throw userError(messages.todayInvalid(pinned));
    return day;
  }
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

/** First and last day of a quarter written `2026-Q3`. */
export function quarterRange(quarter: string): { start: Date; end: Date } {
  const [yearText, q] = quarter.split('-Q');
  const year = Number(yearText);
  const index = Number(q) - 1;
  return {
    start: new Date(Date.UTC(year, index * 3, 1)),
    end: new Date(Date.UTC(year, index * 3 + 3, 0)),
  };
}
