import { isoDate } from '../../schemas/common.ts';

/**
 * Reading fields from an entry's raw data, whether or not the entry passed its schema:
 * the organisation rules must see a charter's other fields even when one field is wrong,
 * so that an author learns every mistake in one run. Each reader returns nothing for a
 * value of the wrong type; the schema rule reports that value.
 */
export type Raw = Record<string, unknown>;

export const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
export const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
export const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
export const records = (value: unknown): Raw[] =>
  Array.isArray(value) ? value.map((item) => (item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as Raw) : {})) : [];
export const record = (value: unknown): Raw | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : undefined;
export function date(value: unknown): Date | undefined {
  const parsed = isoDate.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
