import { getCollection } from 'astro:content';
import { today } from '../dates.ts';
import { buildOrg, type Org } from './build.ts';

let org: Promise<Org> | undefined;

/** The organisation graph for this build: loaded and indexed once, shared by every page. */
export function loadOrg(): Promise<Org> {
  org ??= (async () => {
    const [people, teams, streams, assets, phases, council, handbook] = await Promise.all([
      getCollection('people'),
      getCollection('teams'),
      getCollection('streams'),
      getCollection('assets'),
      getCollection('phases'),
      getCollection('council'),
      getCollection('handbook'),
    ]);
    return buildOrg({ people, teams, streams, assets, phases, council, handbook }, today());
  })();
  return org;
}
