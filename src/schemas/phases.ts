import { z } from 'astro/zod';
import { messages } from '../lib/messages.ts';
import { percent } from './common.ts';

/** A recommended range in percent, written `[min, max]`. */
export const percentRange = z
  .tuple([percent, percent])
  .refine(([min, max]) => min <= max, { message: messages.rangeOrder, params: { rule: 'schema/range-order' } });

/** A scale-up maturity phase: `phases/<phase-id>.md` or `.mdx`. */
export const phaseSchema = z.strictObject({
  /** The phase's name. */
  name: z.string().min(1),
  /** Position from 1 (experimenting) to 4 (optimizing). */
  order: z.number().int().min(1).max(4),
  /** Whether the organisation is in this phase now; exactly one phase is current. */
  current: z.boolean().default(false),
  /** What the phase is about. */
  summary: z.string().min(1).optional(),
  /** How teams are structured in this phase. */
  teamStructure: z.string().min(1).optional(),
  /** What working agreements look like in this phase. */
  workingAgreements: z.string().min(1).optional(),
  /** What the value-model assets look like in this phase. */
  assets: z.string().min(1).optional(),
  /** Recommended product/technical investment mix, each as `[min, max]` percent. */
  investment: z.strictObject({ product: percentRange, technical: percentRange }).optional(),
  /** Signs that the organisation is in, or leaving, this phase. */
  signals: z.array(z.string().min(1)).default([]),
});

export type Phase = z.infer<typeof phaseSchema>;
