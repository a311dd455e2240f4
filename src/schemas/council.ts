import { z } from 'astro/zod';
import { messages } from '../lib/messages.ts';
import { decisionId, id, isoDate, personId, teamId, text } from './common.ts';

export const decisionKinds = ['architecture', 'tooling', 'debt-capacity', 'other'] as const;
export const decisionStatuses = ['proposed', 'accepted', 'rejected', 'superseded'] as const;
export const technicalRoadmapKinds = ['debt', 'architecture', 'platform', 'tooling'] as const;
export type DecisionStatus = (typeof decisionStatuses)[number];

/** Architectural work a pod is planning, and which other teams it touches. */
export const podUpdateSchema = z.strictObject({
  /** The pod's team id. */
  team: teamId,
  /** The architectural work the pod is planning. */
  planned: text,
  /** Other teams the work touches. */
  sharedWith: z.array(teamId).default([]),
});

/** A decision the council took or discussed. */
export const decisionSchema = z.strictObject({
  /** Unique across all minutes, e.g. `dec-014`. */
  id: decisionId,
  /** The decision in a line. */
  title: text,
  /** What the decision is about. */
  kind: z.enum(decisionKinds),
  /** Where it stands. */
  status: z.enum(decisionStatuses),
  /** Id of the earlier decision this one replaces. */
  supersedes: decisionId.optional(),
  /** Why the council decided this way. */
  rationale: text.optional(),
});

/** An item on the 6-12 month technical roadmap; a later minute's item with the same id updates it. */
export const technicalRoadmapItemSchema = z
  .strictObject({
    /** Stable id; restate it in later minutes to update the item. */
    id,
    /** What will be done. */
    item: text,
    /** Team ids doing the work. */
    teams: z.array(teamId).min(1),
    /** First day of work. */
    start: isoDate,
    /** Last day of work. */
    end: isoDate,
    /** debt, architecture, platform or tooling. */
    kind: z.enum(technicalRoadmapKinds),
  })
  .superRefine((entry, ctx) => {
    if (entry.end < entry.start) ctx.addIssue({ code: 'custom', path: ['end'], message: messages.endBeforeStart, params: { rule: 'schema/date-order' } });
  });

/** A follow-up someone took on. */
export const actionSchema = z.strictObject({
  /** What is to be done. */
  what: text,
  /** Person id of whoever does it. */
  owner: personId,
  /** When it is due. */
  due: isoDate.optional(),
  /** Whether it is done. */
  done: z.boolean().default(false),
});

/** Minutes of one tech lead council meeting: `council/<YYYY-MM-DD>.md` or `.mdx`. */
export const councilSchema = z.strictObject({
  /** The meeting date; the file name is the same date. */
  date: isoDate,
  /** Person ids of the tech leads present. */
  attendees: z.array(personId).default([]),
  /** Person ids of those who could not come. */
  absent: z.array(personId).default([]),
  /** Each pod's planned architectural work. */
  podUpdates: z.array(podUpdateSchema).default([]),
  /** Technical work needed in the next six months that no product roadmap names. */
  unplanned: z.array(text).default([]),
  /** Decisions taken or discussed. */
  decisions: z.array(decisionSchema).default([]),
  /** Technical roadmap items added or updated at this meeting. */
  roadmap: z.array(technicalRoadmapItemSchema).default([]),
  /** Follow-ups, each with an owner. */
  actions: z.array(actionSchema).default([]),
});

export type CouncilMinutes = z.infer<typeof councilSchema>;
export type Decision = z.infer<typeof decisionSchema>;
export type TechnicalRoadmapItem = z.infer<typeof technicalRoadmapItemSchema>;
export type Action = z.infer<typeof actionSchema>;
export type PodUpdate = z.infer<typeof podUpdateSchema>;
