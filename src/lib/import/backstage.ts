import { createHash } from 'node:crypto';
import { parseAllDocuments, Scalar, stringify } from 'yaml';
import { toId } from '../ids.ts';
import { importMessages } from '../messages.ts';

/** A Backstage entity reference, in any of its written forms: `team-a`, `group:team-a`, `default/team-a`, `group:default/team-a`. */
export interface EntityRef {
  kind: string;
  namespace: string;
  name: string;
}

export function parseEntityRef(ref: string, defaultKind: string, defaultNamespace = 'default'): EntityRef | undefined {
  const match = /^(?:([A-Za-z][\w-]*):)?(?:([\w.-]+)\/)?([\w.@-]+)$/.exec(ref.trim());
  if (!match) return undefined;
  return { kind: (match[1] ?? defaultKind).toLowerCase(), namespace: (match[2] ?? defaultNamespace).toLowerCase(), name: match[3]!.toLowerCase() };
}

const key = (ref: EntityRef) => `${ref.kind}:${ref.namespace}/${ref.name}`;

/** One entity read from a catalog file, with where it came from. */
export interface CatalogEntity {
  ref: EntityRef;
  /** `file.yaml#3`: the third document of the file. */
  where: string;
  metadata: Record<string, unknown>;
  spec: Record<string, unknown>;
}

/** Something in the catalog the import did not turn into content, and why. */
export interface Unmapped {
  where: string;
  what: string;
  why: string;
}

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
// `memberOf: team-a` is as common as `memberOf: [team-a]`.
const list = (value: unknown): string[] => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** Reads every document of every file; what is not a Group or User is listed, not dropped. */
export function readCatalog(files: { path: string; text: string }[]): { entities: CatalogEntity[]; unmapped: Unmapped[] } {
  const entities: CatalogEntity[] = [];
  const unmapped: Unmapped[] = [];
  for (const file of files) {
    parseAllDocuments(file.text).forEach((doc, index) => {
      const where = `${file.path}#${index + 1}`;
      if (doc.errors.length > 0) {
        unmapped.push({ where, what: 'document', why: importMessages.yamlError(doc.errors[0]!.message) });
        return;
      }
      let data: Record<string, unknown>;
      try {
        data = record(doc.toJS());
      } catch (error) {
        // Such as too many aliases (a "billion laughs" document).
        unmapped.push({ where, what: 'document', why: importMessages.yamlError((error as Error).message) });
        return;
      }
      if (doc.contents !== null && Object.keys(data).length === 0 && !(doc.contents && 'items' in doc.contents && doc.contents.items.length === 0)) {
        unmapped.push({ where, what: 'document', why: importMessages.notAnEntity });
        return;
      }
      if (Object.keys(data).length === 0) return;
      const kind = text(data['kind'])?.toLowerCase();
      const metadata = record(data['metadata']);
      const name = text(metadata['name']);
      if (!kind || !name) {
        unmapped.push({ where, what: kind ?? 'entity', why: importMessages.noKindOrName });
        return;
      }
      if (kind !== 'group' && kind !== 'user') {
        unmapped.push({ where, what: `${kind}:${name}`, why: importMessages.otherKind(text(data['kind'])!) });
        return;
      }
      entities.push({ ref: { kind, namespace: (text(metadata['namespace']) ?? 'default').toLowerCase(), name: name.toLowerCase() }, where, metadata, spec: record(data['spec']) });
    });
  }
  return { entities, unmapped };
}

/** A content id from an entity: kebab-case, with the namespace in front unless it is `default`. */
export function contentId(ref: EntityRef): string {
  return ref.namespace === 'default' ? toId(ref.name) : `${toId(ref.namespace)}-${toId(ref.name)}`;
}

/** `breanna.davison` → `Breanna Davison`, for an entity without a display name. */
function nameFrom(name: string): string {
  return name
    .split(/[._-]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

const yamlOptions = { lineWidth: 0 } as const;

/**
 * A name from the catalog, quoted where YAML 1.1 would read it as something else: the
 * build's reader (js-yaml) makes a date of a team called 2026-01-01, which the writer's
 * YAML 1.2 leaves bare.
 */
function catalogText(value: string): string | Scalar {
  return /^["']/.test(stringify(value, { schema: 'yaml-1.1' })) ? Object.assign(new Scalar(value), { type: Scalar.QUOTE_DOUBLE }) : value;
}

/** Catalog text in Markdown: no HTML or MDX can come in through a description. */
function markdownText(value: string): string {
  return value.replace(/[<>{}`\\[\]*_#|]/g, (char) => `\\${char}`).replace(/\s+/g, ' ');
}

/** The marker the import writes at the top of each file, with a hash of the rest, so a re-run can tell an untouched file from an edited one. */
const markerPrefix = '# Imported from the Backstage catalog';

function withMarker(ref: EntityRef, body: string, frontmatter: boolean): string {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  const marker = `${markerPrefix} (${key(ref)}), import ${hash}. Edit freely: the import leaves an edited file alone.\n`;
  return frontmatter ? `---\n${marker}${body}` : `${marker}${body}`;
}

/** Whether a file is exactly as an earlier import wrote it (and so may be replaced). */
export function untouchedImport(existing: string): boolean {
  const frontmatter = existing.startsWith('---\n');
  const rest = frontmatter ? existing.slice(4) : existing;
  const newline = rest.indexOf('\n');
  const marker = /, import ([0-9a-f]{16})\./.exec(rest.slice(0, newline));
  if (!rest.startsWith(markerPrefix) || !marker) return false;
  return createHash('sha256').update(rest.slice(newline + 1)).digest('hex').slice(0, 16) === marker[1];
}

/** What an import writes: files by path under the content root, and what it could not map. */
export interface ImportPlan {
  files: Map<string, string>;
  people: number;
  charters: number;
  unmapped: Unmapped[];
}

/**
 * Turns Groups and Users into people files and draft charters. A group with members of
 * its own becomes a draft charter (stream-aligned until the team says otherwise); groups
 * without members (organisation, departments) become the hierarchy each charter describes.
 * What the catalog does not hold (mission, tech lead, metrics, role) is left for the check
 * to ask for.
 */
export function planImport(entities: CatalogEntity[], reviewed: string): ImportPlan {
  const unmapped: Unmapped[] = [];
  const byKey = new Map<string, CatalogEntity>();
  const ids = new Map<string, string>();
  for (const entity of entities) {
    const id = contentId(entity.ref);
    if (!id || (entity.ref.namespace !== 'default' && id.startsWith('-'))) {
      unmapped.push({ where: entity.where, what: key(entity.ref), why: importMessages.noId });
      continue;
    }
    const folder = entity.ref.kind === 'user' ? 'people' : 'teams';
    const taken = ids.get(`${folder}/${id}`);
    if (byKey.has(key(entity.ref)) || taken) {
      unmapped.push({ where: entity.where, what: key(entity.ref), why: importMessages.duplicate(taken ?? key(entity.ref), id) });
      continue;
    }
    byKey.set(key(entity.ref), entity);
    ids.set(`${folder}/${id}`, key(entity.ref));
  }
  const groups = [...byKey.values()].filter((entity) => entity.ref.kind === 'group');
  const users = [...byKey.values()].filter((entity) => entity.ref.kind === 'user');

  // Memberships from both sides: a user's memberOf and a group's members.
  const members = new Map<string, Set<string>>(groups.map((group) => [key(group.ref), new Set<string>()]));
  const join = (userKey: string, groupRef: string, where: string, context: string) => {
    const group = parseEntityRef(groupRef, 'group', context);
    if (!group || group.kind !== 'group' || !members.has(key(group))) {
      unmapped.push({ where, what: `memberOf ${groupRef}`, why: importMessages.unknownGroup(groupRef) });
      return;
    }
    members.get(key(group))!.add(userKey);
  };
  for (const user of users) for (const ref of list(user.spec['memberOf'])) join(key(user.ref), ref, user.where, user.ref.namespace);
  for (const group of groups) {
    for (const ref of list(group.spec['members'])) {
      const user = parseEntityRef(ref, 'user', group.ref.namespace);
      if (user && byKey.has(key(user))) members.get(key(group.ref))!.add(key(user));
      else unmapped.push({ where: group.where, what: `members ${ref}`, why: importMessages.unknownUser(ref) });
    }
  }

  const teams = groups.filter((group) => members.get(key(group.ref))!.size > 0).sort((a, b) => contentId(a.ref).localeCompare(contentId(b.ref)));
  // A person has one first team: the first of their teams by id; the others are listed.
  const firstTeam = new Map<string, CatalogEntity>();
  for (const team of teams) {
    for (const userKey of members.get(key(team.ref))!) {
      const first = firstTeam.get(userKey);
      if (first) unmapped.push({ where: team.where, what: `${userKey} in ${key(team.ref)}`, why: importMessages.secondTeam(contentId(first.ref)) });
      else firstTeam.set(userKey, team);
    }
  }

  const files = new Map<string, string>();
  for (const user of users) {
    const profile = record(user.spec['profile']);
    const github = text(record(user.metadata['annotations'])['github.com/user-login'])?.replace(/^@/, '');
    const data = {
      name: catalogText(text(profile['displayName']) ?? text(user.metadata['title']) ?? nameFrom(user.ref.name)),
      role: 'engineer',
      ...(github && /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(github) ? { github } : {}),
    };
    if (github && !('github' in data)) unmapped.push({ where: user.where, what: `github.com/user-login ${github}`, why: importMessages.badHandle });
    const body = `${stringify(data, yamlOptions)}# The catalog holds no role, manager or start date: check "role", and add "reportsTo" and "joined".\n`;
    files.set(`people/${contentId(user.ref)}.yaml`, withMarker(user.ref, body, false));
  }

  // A group's parent, from its own "parent" or from a group that lists it in "children":
  // Backstage builds the tree from both, and many catalogs write only one side.
  const parentOf = new Map<string, CatalogEntity>();
  for (const group of groups) {
    for (const child of list(group.spec['children'])) {
      const ref = parseEntityRef(child, 'group', group.ref.namespace);
      const entity = ref && byKey.get(key(ref));
      if (entity && entity.ref.kind === 'group') parentOf.set(key(entity.ref), group);
    }
  }
  for (const group of groups) {
    const written = text(group.spec['parent']);
    const ref = written ? parseEntityRef(written, 'group', group.ref.namespace) : undefined;
    const entity = ref && byKey.get(key(ref));
    if (entity && entity.ref.kind === 'group') parentOf.set(key(group.ref), entity);
  }
  const hierarchy = (group: CatalogEntity): string[] => {
    const chain: string[] = [];
    const seen = new Set<string>([key(group.ref)]);
    for (let entity = parentOf.get(key(group.ref)); entity && !seen.has(key(entity.ref)); entity = parentOf.get(key(entity.ref))) {
      seen.add(key(entity.ref));
      const type = text(entity.spec['type']);
      chain.push(`${markdownText(text(record(entity.spec['profile'])['displayName']) ?? entity.ref.name)}${type ? ` (${markdownText(type)})` : ''}`);
    }
    return chain;
  };
  // Two charters may not share a name (org/contradiction): a name taken already gets its id.
  const teamNames = new Set<string>();
  for (const team of teams) {
    const teamMembers = [...members.get(key(team.ref))!].filter((userKey) => firstTeam.get(userKey) === team).map((userKey) => contentId(byKey.get(userKey)!.ref)).sort();
    const profile = record(team.spec['profile']);
    const written = text(profile['displayName']) ?? text(team.metadata['title']) ?? nameFrom(team.ref.name);
    const name = teamNames.has(written.toLowerCase()) ? `${written} (${contentId(team.ref)})` : written;
    if (name !== written) unmapped.push({ where: team.where, what: `displayName ${written}`, why: importMessages.sameTeamName(name) });
    teamNames.add(name.toLowerCase());
    const frontmatter = stringify({ name: catalogText(name), type: 'stream-aligned', status: 'draft', members: teamMembers, reviewed }, yamlOptions);
    const description = text(team.metadata['description']);
    const chain = hierarchy(team);
    const body = [
      `${frontmatter}---\n`,
      importMessages.charterIntro(markdownText(name)),
      description ? `\n\nThe catalog describes it as: ${markdownText(description).replace(/[.!?]$/, '')}.` : '',
      chain.length > 0 ? `\n\nIn the organisation: part of ${chain.join(', part of ')}.` : '',
      `\n\n## How we work\n\n${importMessages.charterTodo}\n`,
    ].join('');
    files.set(`teams/${contentId(team.ref)}.md`, withMarker(team.ref, body, true));
  }
  for (const group of groups) {
    if (members.get(key(group.ref))!.size === 0) {
      unmapped.push({ where: group.where, what: key(group.ref), why: importMessages.groupWithoutMembers(text(group.spec['type']) ?? 'group') });
    }
  }
  return { files, people: users.length, charters: teams.length, unmapped };
}
