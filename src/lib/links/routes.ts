import { ruleIds } from '../check/catalogue.ts';
import { entryPagePath, type CollectionName } from '../content/collections.ts';
import { groupPagePaths, splitOrgCharts, splitTopologyCharts } from '../diagrams/site.ts';
import type { Org } from '../org/build.ts';

/** The pages src/pages builds whatever the content: the site map's lists and tools. */
const fixedPages = [
  '/',
  '/teams/',
  '/people/',
  '/streams/',
  '/assets/',
  '/phases/',
  '/council/',
  '/council/decisions/',
  '/council/actions/',
  '/org/',
  '/topology/',
  '/roadmap/',
  '/quiz/',
  '/search/',
  '/health/',
  '/checks/',
];

/**
 * Every page the site will have, by site path without the base path, worked out from
 * the content before the build: what a link in a body may lead to. `entries` are the
 * entry files that exist, valid or not (a link to a charter with a typo in a field is
 * not also a broken link); `org` holds the valid ones, which the generated pages come
 * from. test/site.test.ts holds this list against the pages a build writes.
 */
export function sitePages(org: Org, entries: Iterable<{ collection: CollectionName; id: string }>): Set<string> {
  const pages = new Set(fixedPages);
  for (const { collection, id } of entries) {
    pages.add(entryPagePath(collection, id));
    if (collection === 'assets') pages.add(`/quiz/${id}/`);
  }
  for (const rule of ruleIds) pages.add(`/checks/${rule}/`);
  for (const { params } of groupPagePaths(org, splitOrgCharts(org))) pages.add(`/org/${params.group}/`);
  for (const { params } of groupPagePaths(org, splitTopologyCharts(org))) pages.add(`/topology/${params.group}/`);
  return pages;
}
