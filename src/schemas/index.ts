export { personSchema, type Person } from './people.ts';
export { teamSchema, type Team } from './teams.ts';
export { streamSchema, type Stream } from './streams.ts';
export { assetSchema, type Asset } from './assets.ts';
export { phaseSchema, type Phase } from './phases.ts';
export { councilSchema, type CouncilMinutes } from './council.ts';
export { handbookSchema, type HandbookPage } from './handbook.ts';

import type { ZodType } from 'astro/zod';
import type { CollectionName } from '../lib/content/collections.ts';
import { assetSchema as assets } from './assets.ts';
import { councilSchema as council } from './council.ts';
import { handbookSchema as handbook } from './handbook.ts';
import { personSchema as people } from './people.ts';
import { phaseSchema as phases } from './phases.ts';
import { streamSchema as streams } from './streams.ts';
import { teamSchema as teams } from './teams.ts';

/** The schema each collection's entries follow, for the checker. */
export const collectionSchemas: Record<CollectionName, ZodType> = { people, teams, streams, assets, phases, council, handbook };

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
