import { z } from 'astro/zod';
import { messages } from '../lib/messages.ts';
import { isoDate, streamId, teamId, text } from './common.ts';

/** The kinds of value-model asset in each category; `other` is allowed in any. */
export const assetKinds = {
  'customer-value': [
    'business-model-canvas',
    'lean-canvas',
    'user-journey',
    'service-blueprint',
    'persona',
    'empathy-map',
    'storyboard',
    'jobs-forces-diagram',
    'product-overview',
  ],
  'economic-model': [
    'flywheel',
    'value-stream-map',
    'wardley-map',
    'retention-model',
    'acquisition-model',
    'lifetime-value-model',
    'financial-projection',
  ],
  strategy: [
    'target-customer-profile',
    'challenge-tree',
    'impact-map',
    'opportunity-solution-tree',
    'hierarchy-diagram',
    'causal-loop-diagram',
  ],
} as const;

export type AssetCategory = keyof typeof assetKinds;
export const assetCategories = Object.keys(assetKinds) as AssetCategory[];
const allKinds = [...new Set(Object.values(assetKinds).flat()), 'other'] as const;

/** A dated entry in the asset's change log. */
export const assetChangeSchema = z.strictObject({
  /** When the asset changed. */
  date: isoDate,
  /** What changed. */
  summary: text,
  /** What made the owners change it. */
  why: text,
});

/** A question any individual contributor should be able to answer without looking. */
export const questionSchema = z
  .strictObject({
    /** The question. */
    q: text,
    /** The answer the asset gives. */
    answer: text,
    /** Options for a multiple-choice question; must contain the answer. */
    choices: z.array(text).min(2).optional(),
  })
  .superRefine((question, ctx) => {
    // As a reader sees them: "About 40" and "about 40 " are one button shown twice.
    const key = (choice: string) => choice.trim().replace(/\s+/g, ' ').toLowerCase();
    if (question.choices && !question.choices.includes(question.answer)) {
      const near = question.choices.find((choice) => key(choice) === key(question.answer));
      ctx.addIssue({ code: 'custom', path: ['choices'], message: messages.choicesMissAnswer(near), params: { rule: 'assets/choices-answer' } });
    }
    const seen = new Map<string, number>();
    question.choices?.forEach((choice, index) => {
      const first = seen.get(key(choice));
      if (first === undefined) seen.set(key(choice), index);
      else ctx.addIssue({ code: 'custom', path: ['choices', index], message: messages.choiceRepeated(choice, first + 1, index + 1), params: { rule: 'assets/choices-duplicate' } });
    });
  });

/** A value-model asset: `assets/<asset-id>.md` or `.mdx`. */
export const assetSchema = z
  .strictObject({
    /** The asset's title. */
    title: text,
    /** customer-value, economic-model or strategy. */
    category: z.enum(assetCategories as [AssetCategory, ...AssetCategory[]]),
    /** The kind of asset, from the category's list, or `other`. */
    kind: z.enum(allKinds),
    /** The value stream it describes; omitted for company-wide assets. */
    stream: streamId.optional(),
    /** Id of the team that keeps it current. */
    owner: teamId.optional(),
    /** When it was last brought up to date. */
    updated: isoDate.optional(),
    /** What changed and why, newest first or in any order. */
    changes: z.array(assetChangeSchema).default([]),
    /** Questions the asset answers, for the random-IC quiz. */
    questions: z.array(questionSchema).default([]),
  })
  .superRefine((asset, ctx) => {
    const allowed: readonly string[] = assetKinds[asset.category];
    if (asset.kind !== 'other' && !allowed.includes(asset.kind)) {
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: messages.kindNotInCategory(asset.kind, asset.category, allowed),
        params: { rule: 'assets/kind-category' },
      });
    }
  });

export type Asset = z.infer<typeof assetSchema>;
export type AssetKind = Asset['kind'];
export type Question = z.infer<typeof questionSchema>;
export type AssetChange = z.infer<typeof assetChangeSchema>;
