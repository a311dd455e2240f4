import { z } from 'astro/zod';
import { ID_PATTERN } from '../lib/ids.ts';
import { messages } from '../lib/messages.ts';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const QUARTER_PATTERN = /^\d{4}-Q[1-4]$/;

/** A character a reader sees: not a space, and not one of the invisible ones (zero-width, direction marks). */
export const visibleCharacter = /[^\s\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

/**
 * Text a reader sees: not empty, and not only spaces or invisible characters (a team
 * named " " would be a link with nothing to click).
 */
export const text = z.string().min(1, { abort: true }).regex(visibleCharacter, messages.blankText);

/** A kebab-case id: a file name without extension, or a decision, roadmap or system id. */
export const id = z.string().regex(ID_PATTERN, messages.invalidId);

/** A reference to a person file in `people/`. */
export const personId = id.describe('person id');
/** A reference to a charter in `teams/`. */
export const teamId = id.describe('team id');
/** A reference to a value stream in `streams/`. */
export const streamId = id.describe('stream id');
/** A system a team owns; systems have no file of their own. */
export const systemId = id.describe('system id');
/** A decision recorded in council minutes. */
export const decisionId = id.describe('decision id');

function toUtcDate(year: number, month: number, day: number): Date | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-31 over into March; a real calendar date survives the round trip.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? date
    : undefined;
}

const pad = (value: number) => String(value).padStart(2, '0');
const dayText = (year: number, month: number, day: number) => (toUtcDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : undefined);

/**
 * The day a date written another way stands for, so the message can say what to write:
 * `2026-10-28 14:30` (a time of day), `2026/10/28`, `28.10.2026`; `03/04/2026` could be
 * either of two days, and both are named. Undefined when the text reads as no day.
 */
export function dayWrittenOtherwise(written: string): { day: string; withTime: boolean } | { either: [string, string] } | undefined {
  const text = written.trim();
  const withTime = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|\s+)\d{1,2}:\d{2}/.exec(text);
  if (withTime) {
    const day = dayText(Number(withTime[1]), Number(withTime[2]), Number(withTime[3]));
    return day ? { day, withTime: true } : undefined;
  }
  const yearFirst = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (yearFirst) {
    const day = dayText(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]));
    return day ? { day, withTime: false } : undefined;
  }
  const yearLast = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (!yearLast) return undefined;
  const [first, second, year] = [Number(yearLast[1]), Number(yearLast[2]), Number(yearLast[3])];
  const dayFirst = dayText(year, second, first);
  const monthFirst = dayText(year, first, second);
  if (dayFirst && monthFirst && dayFirst !== monthFirst) return { either: [dayFirst, monthFirst] };
  const day = dayFirst ?? monthFirst;
  return day ? { day, withTime: false } : undefined;
}

/**
 * A calendar date. YAML turns an unquoted `2026-05-14` into a Date already; a quoted one
 * arrives as a string, so both are accepted and normalised to midnight UTC.
 */
export const isoDate = z.union([z.date(), z.string()]).transform((value, ctx) => {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      ctx.addIssue({ code: 'custom', message: messages.invalidDate, params: { rule: 'schema/date' } });
      return z.NEVER;
    }
    return value;
  }
  const match = DATE_PATTERN.exec(value.trim());
  const date = match ? toUtcDate(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
  if (!date) {
    const meant = match ? undefined : dayWrittenOtherwise(value);
    const message = !meant ? messages.invalidDate : 'either' in meant ? messages.dateEither(value, meant.either) : messages.dateWrittenOtherwise(value, meant.day, meant.withTime);
    ctx.addIssue({ code: 'custom', message, params: { rule: 'schema/date' } });
    return z.NEVER;
  }
  return date;
});

/** A calendar quarter such as `2026-Q3`. */
export const quarter = z.string().regex(QUARTER_PATTERN, messages.invalidQuarter);

/** A percentage from 0 to 100. */
export const percent = z.number().min(0).max(100);
