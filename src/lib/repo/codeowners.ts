import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readSources, type SourceFile } from '../check/source.ts';
import { orgCollections } from '../content/collections.ts';
import { codeownersMessages } from '../messages.ts';
import type { Org } from '../org/build.ts';
import { orgAndLeftOut, unreadEntries } from '../org/read.ts';

/** Where GitHub reads code owners from, relative to the repository root. */
export const CODEOWNERS_FILE = '.github/CODEOWNERS';

/** A GitHub handle as CODEOWNERS writes it: `@octocat`. */
function handle(org: Org, personId: string): string | undefined {
  const github = org.people.get(personId)?.data.github;
  return github ? `@${github}` : undefined;
}

/** The handles of these people, as CODEOWNERS writes them (`@octocat`): each once, sorted; people without one left out. */
export function handles(org: Org, personIds: Iterable<string>): string[] {
  return [...new Set([...personIds].flatMap((id) => handle(org, id) ?? []))].sort();
}

/** Everyone on a team's charter: its product manager, tech lead and members. */
function teamPeople(org: Org, teamId: string): string[] {
  const team = org.teams.get(teamId);
  return team ? org.membersOf(team).map((member) => member.id) : [];
}

/**
 * Who reviews a change to one content file, as the content model's owners (person ids):
 * - a charter: its team's members;
 * - an asset: the members of its owner team;
 * - council minutes: every tech lead (the council);
 * - a person's file: that person and their manager.
 * Streams, phases and handbook pages have no owner in the model: undefined.
 */
export function reviewersOf(org: Org, source: Pick<SourceFile, 'collection' | 'id'>): string[] | undefined {
  switch (source.collection) {
    case 'teams':
      return teamPeople(org, source.id);
    case 'assets': {
      const owner = org.assets.get(source.id)?.data.owner;
      return owner ? teamPeople(org, owner) : [];
    }
    case 'council':
      return org.techLeads();
    case 'people': {
      const manager = org.people.get(source.id)?.data.reportsTo;
      return [source.id, ...(manager ? [manager] : [])];
    }
    default:
      return undefined;
  }
}

/** Each content file with an owner in the model, and the GitHub handles of its reviewers (see reviewersOf). */
export function codeOwners(org: Org, sources: readonly Pick<SourceFile, 'file' | 'collection' | 'id'>[]): { file: string; owners: string[] }[] {
  return [...sources]
    .sort((a, b) => (a.file < b.file ? -1 : 1))
    .flatMap((source) => {
      const reviewers = reviewersOf(org, source);
      return reviewers === undefined ? [] : [{ file: source.file, owners: handles(org, reviewers) }];
    });
}

/**
 * Who reviews a file a pull request adds, by its folder: new minutes the council (every
 * tech lead); a new charter, asset or person the leadership team, since a new team, a new
 * part of the value model or a hire is theirs to agree. The model names no owner for
 * streams, phases and handbook pages, and they get no line here either.
 */
function folderOwners(org: Org): { folder: string; owners: string[] }[] {
  const leadership = [...org.teams.values()].filter((team) => team.data.type === 'leadership').flatMap((team) => teamPeople(org, team.id));
  return [
    { folder: 'assets', owners: handles(org, leadership) },
    { folder: 'council', owners: handles(org, org.techLeads()) },
    { folder: 'people', owners: handles(org, leadership) },
    { folder: 'teams', owners: handles(org, leadership) },
  ];
}

/** CODEOWNERS patterns are glob-like: escape what would widen a literal path. */
function pattern(file: string): string {
  return `/${file.split(path.sep).join('/').replace(/([*?[\]\\ #!])/g, '\\$1')}`;
}

/** The text of `.github/CODEOWNERS` for a content folder inside a repository rooted at `root`. */
export function codeownersText(contentDir: string, root: string, today: Date): { text: string } | { leftOut: string[] } {
  const { sources, existing } = readSources(contentDir, root);
  const { org, leftOut } = orgAndLeftOut(sources, today, unreadEntries(sources, existing));
  // Written without an entry, the file would take that entry's reviewers away.
  const missing = leftOut.filter((entry) => orgCollections.has(entry.collection)).map((entry) => entry.relative);
  return missing.length > 0 ? { leftOut: missing.sort() } : { text: codeownersFor(org, sources) };
}

/** The same from files already read and their organisation, with paths relative to the repository root. */
export function codeownersFor(org: Org, sources: readonly SourceFile[]): string {
  const lines = [codeownersMessages.header, ''];
  // GitHub reads CODEOWNERS from the base branch, where a file a pull request adds has no
  // line of its own: each folder's line catches those (new minutes, a new team or hire),
  // and the lines per file, later in the file, win for the files that exist.
  const first = sources[0];
  if (first) {
    const contentDir = first.file.split(path.sep).join('/').slice(0, -first.relative.length);
    for (const { folder, owners } of folderOwners(org)) {
      lines.push(owners.length > 0 ? `${pattern(`${contentDir}${folder}/`)} ${owners.join(' ')}` : `# ${pattern(`${contentDir}${folder}/`)} ${codeownersMessages.noFolderHandles}`);
    }
    lines.push('');
  }
  for (const { file, owners } of codeOwners(org, sources)) {
    // A file with no one to review it is written as a comment, so the gap shows.
    lines.push(owners.length > 0 ? `${pattern(file)} ${owners.join(' ')}` : `# ${pattern(file)} ${codeownersMessages.noHandles}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Whether the committed CODEOWNERS matches the content. Undefined when there is nothing to
 * compare: no file, a file this program did not write, or one written for another content
 * folder (a build of a fixture or benchmark organisation from the same repository).
 */
export function codeownersIsCurrent(contentDir: string, root: string, org: Org, sources: readonly SourceFile[]): boolean | undefined {
  let committed: string;
  try {
    committed = readFileSync(path.join(root, CODEOWNERS_FILE), 'utf8').replace(/\r\n/g, '\n');
  } catch {
    return undefined;
  }
  const relative = path.relative(root, contentDir);
  if (!committed.startsWith(codeownersMessages.generated) || relative.startsWith('..') || !new RegExp(`\\n(# )?/${relative.split(path.sep).join('/').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`).test(committed)) {
    return undefined;
  }
  return committed === codeownersFor(org, sources);
}
