import { z } from 'astro/zod';
import { messages } from '../lib/messages.ts';
import { isoDate, percent, personId, streamId, systemId, teamId, text } from './common.ts';

/** Team Topologies team types, plus the leadership team that is its members' first team. */
export const teamTypes = ['stream-aligned', 'platform', 'enabling', 'complicated-subsystem', 'leadership'] as const;
export type TeamType = (typeof teamTypes)[number];

/** Team Topologies interaction modes. */
export const interactionModes = ['collaboration', 'x-as-a-service', 'facilitating'] as const;
export type InteractionMode = (typeof interactionModes)[number];

/** `draft` while the team is still writing its agreement. */
export const charterStatuses = ['active', 'draft'] as const;

/** A metric the team tracks; value metrics say whether the team creates value. */
export const metricSchema = z.strictObject({
  /** What is measured. */
  name: text,
  /** `value` (an outcome for customers or the company) or `activity` (output, effort). */
  kind: z.enum(['value', 'activity']),
  /** Where the team wants it to be. */
  target: z.union([z.string(), z.number()]).optional(),
  /** Where it is now. */
  current: z.union([z.string(), z.number()]).optional(),
});

/** Something the team is responsible for, and the one person who owns it. */
export const responsibilitySchema = z.strictObject({
  /** The responsibility, in a few words. */
  what: text,
  /** Person id of the owner; they are on the team. */
  owner: personId,
});

/** How this team works with another team. */
export const interactionSchema = z.strictObject({
  /** The other team's id. */
  team: teamId,
  /** The Team Topologies interaction mode. */
  mode: z.enum(interactionModes),
  /** When the interaction is planned to end or change (collaboration should be temporary). */
  until: isoDate.optional(),
});

/** One team's working agreement: `teams/<team-id>.md` or `.mdx`. */
export const teamSchema = z
  .strictObject({
    /** The team's name. */
    name: text,
    /** Team Topologies type, or `leadership`. */
    type: z.enum(teamTypes),
    /** Id of the value stream a stream-aligned team serves. */
    stream: streamId.optional(),
    /** Why the team exists and what value it delivers. */
    mission: text.optional(),
    /** Person id of the product manager (product direction). */
    productManager: personId.optional(),
    /** Person id of the tech lead; sits on the tech lead council. */
    techLead: personId.optional(),
    /** Person ids of the first-team members; the lead and product manager are implied. */
    members: z.array(personId).default([]),
    /** What the team measures; at least one should be a value metric. */
    metrics: z.array(metricSchema).default([]),
    /** What the team is responsible for, each with an owner. */
    responsibilities: z.array(responsibilitySchema).default([]),
    /** Skills the team needs. */
    skills: z.array(text).default([]),
    /** Guidelines, ceremonies and sensible defaults the team has agreed. */
    norms: z.array(text).default([]),
    /** Ids of the systems the team owns; each system has exactly one owning team. */
    owns: z.array(systemId).default([]),
    /** How the team interacts with other teams. */
    interactions: z.array(interactionSchema).default([]),
    /** Planned mix of product and technical work, in percent; sums to 100. */
    investment: z.strictObject({ product: percent, technical: percent }).optional(),
    /** When the team last revisited this agreement. */
    reviewed: isoDate.optional(),
    /** `draft` while the team is still writing its agreement; drafts may lack mission, tech lead and metrics. */
    status: z.enum(charterStatuses).default('active'),
  })
  .superRefine((team, ctx) => {
    // A draft may not know its stream yet (an imported roster, say); the check then warns instead.
    if (team.type === 'stream-aligned' && !team.stream && team.status !== 'draft') {
      ctx.addIssue({ code: 'custom', path: ['stream'], message: messages.streamRequired, params: { rule: 'org/stream-aligned-stream', at: ['type'] } });
    }
    if (team.status === 'draft') return;
    if (!team.mission) ctx.addIssue({ code: 'custom', path: ['mission'], message: messages.missingForActive('mission'), params: { rule: 'org/active-charter' } });
    if (team.metrics.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['metrics'], message: messages.missingForActive('metrics'), params: { rule: 'org/active-charter' } });
    }
    if (team.type !== 'leadership' && !team.techLead) {
      ctx.addIssue({ code: 'custom', path: ['techLead'], message: messages.techLeadRequired, params: { rule: 'org/tech-lead', at: ['type'] } });
    }
  });

export type Team = z.infer<typeof teamSchema>;
export type Metric = z.infer<typeof metricSchema>;
export type Responsibility = z.infer<typeof responsibilitySchema>;
export type Interaction = z.infer<typeof interactionSchema>;
