import Slugger, { slug } from 'github-slugger';
import { healthMessages } from '../messages.ts';
import { filePagePath } from './resolve.ts';

/** An id, or a family of ids made from data (`system-ledger-api`). */
type Anchor = string | RegExp;

/** On every page: the skip link's target and the header's search. */
export const everyPage: readonly string[] = ['main', 'site-search-q', 'site-search-hint'];

/** The ids a meeting's page gives its own sections, which no decision of it may take. */
export const minutesSections: readonly string[] = ['pod-updates', 'unplanned', 'decisions', 'roadmap', 'actions', 'notes-heading'];

/** The first folders of generated pages; any other page is a handbook page. */
const generated = 'teams|people|streams|assets|phases|council|org|topology|roadmap|quiz|search|health|checks';

/**
 * The ids the site's own pages give their sections, by the page's address (site path
 * without the base path). A family stands for ids made from data; a section a page shows
 * only when it has content (a team's roadmap) counts as there. Tests hold this list
 * against every id of every page of two built sites (test/helpers/site.ts).
 */
const layoutAnchors: readonly [page: RegExp, anchors: readonly Anchor[]][] = [
  [/^\/$/, ['now', 'guides']],
  [/^\/teams\/$/, [/^type-/, /^stream-/, 'systems', /^system-/]],
  [
    /^\/teams\/[^/]+\/$/,
    ['mission', 'metrics', 'responsibilities', 'skills', 'norms', 'members', 'owns', /^system-/, 'interactions', 'investment', 'roadmap', 'keeps', 'team-words'],
  ],
  [/^\/people\/[^/]+\/$/, ['welcome', 'checklist', /^check-/, 'teams', 'reporting-line', 'owns']],
  [/^\/streams\/[^/]+\/$/, ['teams', 'assets', 'roadmap', 'about']],
  [/^\/assets\/$/, [/^category-/]],
  [/^\/assets\/[^/]+\/$/, ['questions', 'changes']],
  [/^\/phases\/$/, ['investment']],
  [/^\/phases\/[^/]+\/$/, ['investment', 'signals']],
  [/^\/council\/\d{4}-\d{2}-\d{2}\/$/, minutesSections],
  [/^\/org\/$/, [/^group-/]],
  [/^\/roadmap\/$/, [/^roadmap-/]],
  [/^\/quiz\/$/, [/^asset-/]],
  [/^\/search\/$/, ['search-q']],
  [/^\/health\/$/, Object.keys(healthMessages.sections)],
  [new RegExp(`^/(?!(?:${generated})/).+/$`), ['new-hire-path', 'in-this-section']],
];

/**
 * The ids a page has before its body: every page's, and its layout's. Of the families made
 * from data, a charter's `system-<id>` for each system in its `owns`; the others are on
 * pages without a body. A body that writes one of these again (`<h2 id="mission">` on a
 * charter) makes the page's links and contents find only one of the two.
 */
export function pageIds(page: string, owns: readonly string[] = []): Set<string> {
  const anchors = anchorsOf(page);
  const ids = new Set(anchors.filter((anchor): anchor is string => typeof anchor === 'string'));
  for (const id of owns.map((system) => `system-${system}`)) if (anchors.some((anchor) => typeof anchor !== 'string' && anchor.test(id))) ids.add(id);
  return ids;
}

/** What the check knows of the ids a page has, beyond its layout's. */
export interface KnownAnchors {
  /** The ids each page's body gives (headings, ids written in HTML), by the page's address. */
  bodies: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Every decision id, with the address of the meeting's page that made it: the decision
   * has a place there, and one on the decisions log.
   */
  decisions: ReadonlyMap<string, string>;
}

/**
 * The decision ids of a meeting's frontmatter as written, for the ids its page gives them:
 * the check reads them from the file, the build's heading plugin from what Astro hands it.
 */
export function decisionIdsIn(frontmatter: unknown): string[] {
  const decisions = (frontmatter as { decisions?: unknown } | null | undefined)?.decisions;
  if (!Array.isArray(decisions)) return [];
  return decisions.map((decision: unknown) => (decision as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string');
}

/** The ids each body gives, by content file, as the ids of each page, by address. */
export function anchorsByPage(byFile: ReadonlyMap<string, ReadonlySet<string>>): Map<string, ReadonlySet<string>> {
  const pages = new Map<string, ReadonlySet<string>>();
  for (const [file, anchors] of byFile) {
    const page = filePagePath(file);
    if (page !== undefined) pages.set(page, anchors);
  }
  return pages;
}

/**
 * Whether `fragment` (decoded, without "#") names a place on `page`. An empty fragment and
 * `top` lead to the top of any page, as browsers read them.
 */
export function hasAnchor(page: string, fragment: string, known: KnownAnchors): boolean {
  // `#:~:text=…` highlights text on the page, whatever its ids.
  if (fragment === '' || fragment.toLowerCase() === 'top' || fragment.startsWith(':~:')) return true;
  if (known.bodies.get(page)?.has(fragment)) return true;
  if (page === '/council/decisions/' ? known.decisions.has(fragment) : known.decisions.get(fragment) === page) return true;
  return anchorsOf(page).some((anchor) => (typeof anchor === 'string' ? anchor === fragment : anchor.test(fragment)));
}

/** The ids a page may be linked to by, written out for a suggestion: its body's and its layout's fixed ones. */
export function namedAnchors(page: string, known: KnownAnchors): string[] {
  const fixed = anchorsOf(page).filter((anchor): anchor is string => typeof anchor === 'string' && !everyPage.includes(anchor));
  const decisions = [...known.decisions].filter(([, meeting]) => page === '/council/decisions/' || meeting === page).map(([id]) => id);
  return [...(known.bodies.get(page) ?? []), ...fixed, ...decisions];
}

/**
 * Ids written on HTML elements in a body (`<h3 id="rota">`, `id={"rota"}` in MDX), read from
 * its source; not a component's `id` prop (`<Ref id="ledger" />`), which names an entry.
 */
export function writtenIds(source: string): string[] {
  const pattern = /<[a-z][a-z0-9-]*\s[^<>]*?\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*(?:"([^"]*)"|'([^']*)')\s*\})/g;
  return [...source.matchAll(pattern)].map((match) => match.slice(1).find((id) => id !== undefined) ?? '');
}

/**
 * The ids of a body's headings, in order, given by the build (content/heading-ids.ts) and
 * the check (check/rules/body.ts) alike, from the same text. The ids the page already has
 * are taken first: the layout's (a charter's "## Metrics" is `metrics-1`, as the Metrics
 * section is `metrics`; "## Main" does not take the skip link's target), a meeting's
 * `decisions` (its "## Use Postgres" is `use-postgres-1` beside the decision `use-postgres`),
 * the ids written in the body's HTML, and the footnotes' heading. A heading with no letters or digits
 * (only an emoji, only an image) is `section`, not an empty id.
 */
export function bodyHeadingIds(page: string | undefined, source: string, decisions: Iterable<string> = []): (text: string) => string {
  const slugger = new Slugger();
  if (page !== undefined) for (const anchor of anchorsOf(page)) if (typeof anchor === 'string') slugger.slug(anchor);
  for (const id of decisions) slugger.slug(id);
  for (const id of writtenIds(source)) slugger.slug(id);
  if (/^\[\^[^\]\s]+\]:/m.test(source)) slugger.slug('footnote-label');
  return (text) => slugger.slug(slug(text) === '' ? 'section' : text);
}

function anchorsOf(page: string): readonly Anchor[] {
  return [...everyPage, ...layoutAnchors.filter(([pattern]) => pattern.test(page)).flatMap(([, anchors]) => anchors)];
}
