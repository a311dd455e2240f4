import { createHash } from 'node:crypto';
import { newHireWelcome } from '../onboarding/new-hire.ts';
import { newHirePath, startHereId } from '../onboarding/path.ts';
import { pageSource } from '../repo/maintainers.ts';
import { lastUpdated } from '../repo/history.ts';
import { site } from '../site.ts';
import { neighbourhoodChart } from '../diagrams/neighbourhood.ts';
import { roadmapChart } from '../diagrams/roadmap.ts';
import type { Org } from './build.ts';
import type { Entry, RefKind } from './types.ts';
import type { CouncilMinutes } from '../../schemas/council.ts';
import type { Person } from '../../schemas/people.ts';
import type { Team } from '../../schemas/teams.ts';

/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a charter,
 * person or minutes page whose key matches the last build is copied instead of rendered,
 * so editing one charter re-renders only the pages that show something of it.
 *
 * A key hashes everything the page shows: the entry's file as Astro read it (its digest,
 * so a body edit counts even before it is committed; Astro tracks MDX bodies itself, but
 * not Markdown ones); the values the page works out from the organisation
 * (its members, reporting line, roadmap, carried-over actions…), with the full data of
 * every entry among them; the label of every entry a link may show; the settings; the
 * build date, which relative dates and new-hire status depend on; and the page file's
 * last commit. Too much in a key only costs a render; too little serves a stale page, so
 * test/incremental.test.ts compares incremental rebuilds with cold builds, page by page.
 * A page type whose code changes is re-rendered whole: Astro hashes each route's modules.
 */

/** JSON for hashing: entries as their id and data (not their rendered body); maps and sets as lists. */
function stable(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, _key, item: unknown) {
    if (item instanceof Map || item instanceof Set) return [...item];
    if (item && typeof item === 'object' && 'id' in item && 'data' in item) {
      const entry = item as { id: unknown; data: unknown };
      return { id: entry.id, data: entry.data };
    }
    return item;
  });
}

const globals = new WeakMap<Org, string>();

/** What every page shows: settings, the build date, the new-hire path and whether there is a start-here page, and the label and address of every entry a link may name. */
function globalKey(org: Org): string {
  let key = globals.get(org);
  if (key === undefined) {
    // Every label a link may show, and where it leads (a decision's, to its meeting), as org.ref resolves them.
    const ids: [RefKind, Iterable<string>][] = [
      ['person', org.people.keys()],
      ['team', org.teams.keys()],
      ['stream', org.streams.keys()],
      ['asset', org.assets.keys()],
      ['phase', org.phases.map((phase) => phase.id)],
      ['council', org.meetings.map((meeting) => meeting.id)],
      ['decision', org.decisions.map((decision) => decision.id)],
    ];
    const hash = createHash('sha256');
    // The navigation and footer link to the start-here page only when it exists.
    const startHere = org.handbookTitles.has(startHereId);
    hash.update(stable({ site, today: org.today, path: newHirePath(org), startHere, current: org.currentPhase()?.id }));
    hash.update(stable(ids.map(([kind, list]) => [kind, [...list].map((id) => org.ref(kind, id))])));
    key = hash.digest('hex');
    globals.set(org, key);
  }
  return key;
}

/** A collection entry as Astro hands it to a page: `digest` is its hash of the whole file. */
type PageEntry<T> = Entry<T> & { digest?: string | number | undefined };

function pageKey(org: Org, kind: 'team' | 'person' | 'council', entry: PageEntry<unknown>, values: unknown): string {
  const updated = entry.filePath ? lastUpdated(entry.filePath, site.contentDir) : undefined;
  const source = pageSource(org, kind, entry);
  return createHash('sha256').update(globalKey(org)).update(stable({ entry, digest: entry.digest, updated, source, values })).digest('hex').slice(0, 32);
}

export function teamPageKey(org: Org, entry: PageEntry<Team>): string {
  const team = entry.data;
  return pageKey(org, 'team', entry, {
    members: org.membersOf(entry).map(({ id, as }) => ({ as, person: org.people.get(id) })),
    interactions: org.interactionsOf(entry),
    phase: org.currentPhase(),
    assets: org.assetsOwnedBy(entry.id),
    owners: team.owns.map((system) => org.ownersOf(system)),
    stream: team.stream ? org.streams.get(team.stream) : undefined,
    neighbourhood: neighbourhoodChart(org, entry),
    roadmap: roadmapChart(org, '', { streams: team.stream ? [team.stream] : [], teams: [entry.id] }),
    review: org.daysSinceReview(entry),
  });
}

export function personPageKey(org: Org, entry: PageEntry<Person>): string {
  return pageKey(org, 'person', entry, {
    memberships: org.membershipsOf(entry.id),
    firstTeam: org.firstTeam(entry.id),
    line: org.reportingLine(entry.id),
    reports: org.directReports(entry.id),
    responsibilities: org.responsibilitiesOf(entry.id),
    actions: org.openActionsOf(entry.id),
    ic: org.isIndividualContributor(entry.id),
    welcome: newHireWelcome(org, entry.id, site.onboarding.newHireDays),
  });
}

export function minutesPageKey(org: Org, entry: PageEntry<CouncilMinutes>): string {
  return pageKey(org, 'council', entry, { actions: org.actionsOf(entry.id), neighbours: org.neighboursOf(entry.id) });
}
