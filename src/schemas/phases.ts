import { z } from 'astro/zod';
import { messages } from '../lib/messages.ts';
import { percent, text } from './common.ts';

/** A recommended range in percent, written `[min, max]`. */
export const percentRange = z
  .tuple([percent, percent])
  .refine(([min, max]) => min <= max, { message: messages.rangeOrder, params: { rule: 'schema/range-order' } });

/** The four scale-up maturity phases, in their order: each is `phases/<id>.md` or `.mdx`, its `order` its place here. */
export const phaseIds = ['experimenting', 'getting-traction', 'hyper-growth', 'optimizing'] as const;

/** A scale-up maturity phase: `phases/<phase-id>.md` or `.mdx`. */
export const phaseSchema = z.strictObject({
  /** The phase's name. */
  name: text,
  /** Position from 1 (experimenting) to 4 (optimizing). */
  order: z.number().int().min(1).max(4),
  /** Whether the organisation is in this phase now; exactly one phase is current. */
  current: z.boolean().default(false),
  /** What the phase is about. */
  summary: text.optional(),
  /** How teams are structured in this phase. */
  teamStructure: text.optional(),
  /** What working agreements look like in this phase. */
  workingAgreements: text.optional(),
  /** What the value-model assets look like in this phase. */
  assets: text.optional(),
  /** Recommended product/technical investment mix, each as `[min, max]` percent; some mix within both must add up to 100. */
  investment: z
    .strictObject({ product: percentRange, technical: percentRange })
    .superRefine(({ product, technical }, ctx) => {
      // [60, 75] for both, a copied line: no pod could be inside both, and every one would show as outside the range.
      // A range written backwards has its own message; the sum is only worth saying of ranges in order.
      const ordered = product[0] <= product[1] && technical[0] <= technical[1];
      if (ordered && (product[0] + technical[0] > 100 || product[1] + technical[1] < 100)) {
        ctx.addIssue({ code: 'custom', message: messages.rangesMiss(product, technical), params: { rule: 'schema/range-order' } });
      }
    })
    .optional(),
  /** Signs that the organisation is in, or leaving, this phase. */
  signals: z.array(text).default([]),
});

export type Phase = z.infer<typeof phaseSchema>;
