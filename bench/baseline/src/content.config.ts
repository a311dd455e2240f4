import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// The same content root the handbook builds; bench/build.ts always sets it.
const contentDir = path.resolve(process.env['HANDBOOK_CONTENT'] ?? '../../content');
const folder = (name: string) => defineCollection({ loader: glob({ pattern: '**/*.{md,mdx}', base: pathToFileURL(path.join(contentDir, name) + path.sep) }) });

export const collections = {
  teams: folder('teams'),
  streams: folder('streams'),
  assets: folder('assets'),
  phases: folder('phases'),
  council: folder('council'),
  handbook: folder('handbook'),
};
