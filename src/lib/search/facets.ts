import { assetCategories, type AssetCategory } from '../../schemas/assets.ts';
import { teamTypes, type TeamType } from '../../schemas/teams.ts';
import { categoryLabels, teamTypeLabels } from '../labels.ts';
import type { Org } from '../org/build.ts';
import { searchFilters, type SearchFilter } from './state.ts';

/**
 * The sections a search result can belong to. Only entity pages and handbook pages are
 * indexed: lists and charts (`/teams/`, `/org/`) repeat what those pages say, and would
 * push the page that answers the question down the results.
 */
export const searchSections = {
  team: 'Team',
  person: 'Person',
  stream: 'Stream',
  asset: 'Asset',
  phase: 'Phase',
  council: 'Council',
  handbook: 'Handbook',
} as const;

export type SearchSection = keyof typeof searchSections;

/** What a page tells the index about itself: its section and the filters it answers to. */
export interface SearchFacets {
  section: SearchSection;
  teamType?: TeamType | undefined;
  /** Stream name, as readers see it. */
  stream?: string | undefined;
  category?: AssetCategory | undefined;
}

/**
 * The filter values of a page, keyed by Pagefind filter name. Values are the labels readers
 * see, because Pagefind shows filter values as they are indexed.
 */
export function facetFilters(facets: SearchFacets): Partial<Record<SearchFilter, string>> {
  return {
    section: searchSections[facets.section],
    ...(facets.teamType ? { type: teamTypeLabels[facets.teamType] } : {}),
    ...(facets.stream ? { stream: facets.stream } : {}),
    ...(facets.category ? { category: categoryLabels[facets.category] } : {}),
  };
}

/**
 * The choices of each filter on the search page, from the organisation itself, so a filter
 * never offers a value no page carries. Values match what `facetFilters` writes on pages.
 */
export function searchFilterOptions(org: Org): { name: SearchFilter; legend: string; values: string[] }[] {
  const teams = [...org.teams.values()];
  const assets = [...org.assets.values()];
  const options: Record<SearchFilter, string[]> = {
    section: Object.values(searchSections),
    type: teamTypes.filter((type) => teams.some((team) => team.data.type === type)).map((type) => teamTypeLabels[type]),
    stream: [...org.streams.values()].map((stream) => stream.data.name),
    category: assetCategories.filter((category) => assets.some((asset) => asset.data.category === category)).map((category) => categoryLabels[category]),
  };
  return (Object.keys(searchFilters) as SearchFilter[])
    .map((name) => ({ name, legend: searchFilters[name], values: options[name] }))
    .filter((filter) => filter.values.length > 0);
}
