import { z } from 'astro/zod';
import { isoDate, personId, text } from './common.ts';
import { messages } from '../lib/messages.ts';

/** Every role a person can hold; the org chart and the IC rules key off it. */
export const roles = [
  'engineer',
  'tech-lead',
  'product-manager',
  'engineering-manager',
  'designer',
  'data',
  'director',
  'vp',
  'cto',
  'cpo',
  'ceo',
  'other',
] as const;

/** Roles whose holders are individual contributors (the random-IC quiz draws from them). */
export const individualContributorRoles: readonly Role[] = ['engineer', 'designer', 'data'];

export type Role = (typeof roles)[number];

/** One person on the roster: `people/<person-id>.yaml`. */
export const personSchema = z.strictObject({
  /** Full name as the person wants it shown. */
  name: text,
  /** What the person does; decides where they sit on the org chart. */
  role: z.enum(roles),
  /** Free-text job title, e.g. "Staff Engineer". */
  title: text.optional(),
  /** Person id of their manager: the reporting line. */
  reportsTo: personId.optional(),
  /** GitHub handle, for CODEOWNERS and "maintained by"; written with or without the @, read without it. */
  github: z
    .string()
    .superRefine((handle, ctx) => {
      if (!/^@?[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(handle)) ctx.addIssue({ code: 'custom', message: messages.githubHandle(handle), params: { rule: 'schema/format' } });
    })
    .transform((handle) => handle.replace(/^@/, ''))
    .optional(),
  /** When they joined; recent joiners are treated as new hires. */
  joined: isoDate.optional(),
});

export type Person = z.infer<typeof personSchema>;
