import type { CollectionName } from '../content/collections.ts';
import type { Org } from '../org/build.ts';
import type { Ref } from '../org/types.ts';
import { withBase } from '../urls.ts';
import { handles, reviewersOf } from './codeowners.ts';

/** The kinds of page backed by one content file. */
export type SourceKind = 'team' | 'person' | 'stream' | 'asset' | 'phase' | 'council' | 'handbook';

/**
 * Who keeps a page current, as the content says: a charter its team, an asset its owner
 * team, a person's page their first team, a stream the teams in it, minutes the council.
 * Phases and handbook pages name no owner in the content model: an empty list.
 */
export function maintainersOf(org: Org, kind: SourceKind, id: string): Ref[] {
  switch (kind) {
    case 'team':
      return [org.ref('team', id)];
    case 'asset': {
      const owner = org.assets.get(id)?.data.owner;
      return owner ? [org.ref('team', owner)] : [];
    }
    case 'person': {
      const team = org.firstTeam(id);
      return team ? [org.ref('team', team.id)] : [];
    }
    case 'stream':
      return org.teamsInStream(id).map((team) => org.ref('team', team.id));
    case 'council':
      return [{ id: 'council', label: 'The tech lead council', href: withBase('/council/') }];
    default:
      return [];
  }
}

const reviewedCollections: Partial<Record<SourceKind, CollectionName>> = { team: 'teams', asset: 'assets', person: 'people' };

/**
 * The GitHub handles of the people who keep the page's file, the ones `npm run codeowners`
 * asks to review a change to it: a charter's and an asset's team, a person and their
 * manager. Minutes are every tech lead's, which "the tech lead council" already says;
 * other pages have no owner.
 */
function reviewersOnGitHub(org: Org, kind: SourceKind, id: string): Ref[] {
  const collection = reviewedCollections[kind];
  if (!collection) return [];
  return handles(org, reviewersOf(org, { collection, id }) ?? []).map((handle) => ({
    id: handle.slice(1),
    label: handle,
    href: `https://github.com/${encodeURIComponent(handle.slice(1))}`,
  }));
}

/** What the page footer says about a page's source: its file, who keeps it and their GitHub handles; undefined for an entry with no file. */
export function pageSource(
  org: Org,
  kind: SourceKind,
  entry: { id: string; filePath?: string | undefined },
): { file: string; maintainers: Ref[]; reviewers: Ref[] } | undefined {
  return entry.filePath ? { file: entry.filePath, maintainers: maintainersOf(org, kind, entry.id), reviewers: reviewersOnGitHub(org, kind, entry.id) } : undefined;
}
