import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from './lib/config.ts';
import { collectionFolders, entryId, type CollectionName } from './lib/content/collections.ts';
import { assetSchema } from './schemas/assets.ts';
import { councilSchema } from './schemas/council.ts';
import { handbookSchema } from './schemas/handbook.ts';
import { personSchema } from './schemas/people.ts';
import { phaseSchema } from './schemas/phases.ts';
import { streamSchema } from './schemas/streams.ts';
import { teamSchema } from './schemas/teams.ts';

const { contentDir } = loadConfig();

function loader(name: CollectionName) {
  const { folder, pattern } = collectionFolders[name];
  return glob({
    pattern,
    base: pathToFileURL(path.join(contentDir, folder) + path.sep),
    generateId: ({ entry }) => entryId(entry),
  });
}

export const collections = {
  people: defineCollection({ loader: loader('people'), schema: personSchema }),
  teams: defineCollection({ loader: loader('teams'), schema: teamSchema }),
  streams: defineCollection({ loader: loader('streams'), schema: streamSchema }),
  assets: defineCollection({ loader: loader('assets'), schema: assetSchema }),
  phases: defineCollection({ loader: loader('phases'), schema: phaseSchema }),
  council: defineCollection({ loader: loader('council'), schema: councilSchema }),
  handbook: defineCollection({ loader: loader('handbook'), schema: handbookSchema }),
};
