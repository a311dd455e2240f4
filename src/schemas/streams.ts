import { z } from 'astro/zod';
import { messages } from '../lib/messages.ts';
import { isoDate, quarter, text } from './common.ts';

/** Where a roadmap item stands. */
export const roadmapStatuses = ['planned', 'in-progress', 'done', 'at-risk', 'dropped'] as const;
export type RoadmapStatus = (typeof roadmapStatuses)[number];

/** One item on a stream's product roadmap, placed by quarter or by start and end dates. */
export const productRoadmapItemSchema = z
  .strictObject({
    /** What will be delivered. */
    item: text,
    /** The quarter it lands in, e.g. `2026-Q4`. */
    quarter: quarter.optional(),
    /** First day of work, when placed by dates. */
    start: isoDate.optional(),
    /** Last day of work, when placed by dates. */
    end: isoDate.optional(),
    /** Where the item stands. */
    status: z.enum(roadmapStatuses).optional(),
  })
  .superRefine((entry, ctx) => {
    const byDates = entry.start !== undefined && entry.end !== undefined;
    if (!entry.quarter && !byDates) ctx.addIssue({ code: 'custom', message: messages.roadmapWhen, params: { rule: 'schema/roadmap-when' } });
    // With both, the dates win and the quarter is never shown: one of them is a leftover.
    if (entry.quarter && (entry.start !== undefined || entry.end !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['quarter'], message: messages.roadmapBoth, params: { rule: 'schema/roadmap-when' } });
    }
    if (entry.start && entry.end && entry.end < entry.start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: messages.endBeforeStart, params: { rule: 'schema/date-order' } });
    }
  });

/** A value stream: `streams/<stream-id>.md` or `.mdx`. */
export const streamSchema = z.strictObject({
  /** The stream's name. */
  name: text,
  /** Who the stream creates value for. */
  customer: text.optional(),
  /** How the stream creates value, in a sentence or two. */
  summary: text.optional(),
  /** The stream's product roadmap. */
  roadmap: z.array(productRoadmapItemSchema).default([]),
});

export type Stream = z.infer<typeof streamSchema>;
export type ProductRoadmapItem = z.infer<typeof productRoadmapItemSchema>;
