import type { Asset } from '../../schemas/assets.ts';
import type { Action, CouncilMinutes, Decision, TechnicalRoadmapItem } from '../../schemas/council.ts';
import type { HandbookPage } from '../../schemas/handbook.ts';
import type { Person } from '../../schemas/people.ts';
import type { Phase } from '../../schemas/phases.ts';
import type { Stream } from '../../schemas/streams.ts';
import type { InteractionMode, Team } from '../../schemas/teams.ts';

/** The part of a content entry the model needs; Astro's entries satisfy it. */
export interface Entry<T> {
  id: string;
  data: T;
  /** The file it was read from (Astro: relative to the project root; `handbook check`: to the working directory). */
  filePath?: string | undefined;
}

export interface OrgInput {
  people: Entry<Person>[];
  teams: Entry<Team>[];
  streams: Entry<Stream>[];
  assets: Entry<Asset>[];
  phases: Entry<Phase>[];
  council: Entry<CouncilMinutes>[];
  handbook: Entry<HandbookPage>[];
}

export type Membership = 'product manager' | 'tech lead' | 'member';

export interface TeamMembership {
  team: Entry<Team>;
  as: Membership;
}

export interface OwnedResponsibility {
  team: Entry<Team>;
  what: string;
}

export interface DecisionRecord extends Decision {
  /** Date (id) of the minutes that recorded it. */
  meeting: string;
  /** Ids of later decisions that replace this one. */
  supersededBy: string[];
}

export interface RoadmapRecord extends TechnicalRoadmapItem {
  /** Minutes that last stated the item (the version shown). */
  updatedIn: string;
  /** Minutes that first stated it. */
  firstIn: string;
}

export interface ActionRecord extends Action {
  meeting: string;
  overdue: boolean;
}

/** What a reference resolves to, for links: a missing target renders as plain text, never a dead link. */
export interface Ref {
  id: string;
  label: string;
  href: string | undefined;
}

/** One interaction between two teams, stated in either charter (or both). */
export interface TeamInteraction {
  from: Entry<Team>;
  to: Entry<Team>;
  mode: InteractionMode;
  until?: Date | undefined;
}

/** An interaction another charter states towards a team; `ended` once its `until` has passed. */
export interface StatedInteraction {
  team: Entry<Team>;
  mode: InteractionMode;
  until?: Date | undefined;
  ended: boolean;
}

export type RefKind = 'person' | 'team' | 'stream' | 'asset' | 'phase' | 'council' | 'decision';
