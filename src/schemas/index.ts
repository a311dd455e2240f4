import type { ZodType } from 'astro/zod';
import type { CollectionName } from '../lib/content/collections.ts';
import { assetSchema } from './assets.ts';
import { councilSchema } from './council.ts';
import { handbookSchema } from './handbook.ts';
import { personSchema } from './people.ts';
import { phaseSchema } from './phases.ts';
import { streamSchema } from './streams.ts';
import { teamSchema } from './teams.ts';

export type { Asset } from './assets.ts';
export type { CouncilMinutes } from './council.ts';
export type { HandbookPage } from './handbook.ts';
export type { Person } from './people.ts';
export type { Phase } from './phases.ts';
export type { Stream } from './streams.ts';
export type { Team } from './teams.ts';
export { assetSchema, councilSchema, handbookSchema, personSchema, phaseSchema, streamSchema, teamSchema };

/** The schema each collection's entries follow, for the checker. */
export const collectionSchemas: Record<CollectionName, ZodType> = {
  people: personSchema,
  teams: teamSchema,
  streams: streamSchema,
  assets: assetSchema,
  phases: phaseSchema,
  council: councilSchema,
  handbook: handbookSchema,
};

/** How a report names an entry of each collection. */
export const entryNouns: Record<CollectionName, string> = {
  people: 'a person file',
  teams: 'a charter',
  streams: 'a stream',
  assets: 'an asset',
  phases: 'a phase',
  council: 'council minutes',
  handbook: 'a handbook page',
};
