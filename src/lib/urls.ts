import { collectionOfKind, entryPagePath, type EntryKind } from './content/collections.ts';

/** Joins the site's base path (`base` in handbook.config.json) with a root-relative path. */
export function withBase(pathname: string): string {
  // Outside Vite (benchmarks, scripts) there is no import.meta.env: the site root.
  const base = (import.meta.env?.BASE_URL ?? '/').replace(/\/$/, '');
  return `${base}${pathname.startsWith('/') ? pathname : `/${pathname}`}`;
}

/** The URL of an entry's page, as fixed by the content model's site map. */
export function entryUrl(kind: EntryKind, id: string): string {
  return withBase(entryPagePath(collectionOfKind[kind], id));
}

/**
 * A decision's place: on the page of the meeting that made it, where it stands with its
 * rationale among the rest of that meeting (the decisions log keeps an entry for it too).
 */
export function decisionUrl(meeting: string, id: string): string {
  return `${entryUrl('council', meeting)}#${id}`;
}

/** The URL of a handbook page: `handbook/how-we-work/council.md` is `/how-we-work/council/`. */
export function handbookUrl(id: string): string {
  return withBase(entryPagePath('handbook', id));
}

/** One step of a breadcrumb trail; a folder without a page of its own has no link. */
export interface Crumb {
  label: string;
  href?: string;
}

/**
 * The folders a handbook page sits in, as breadcrumbs: by the title of the folder's own
 * page (its index.md), linked, or by the folder's name, unlinked, when it has none, so
 * that no crumb leads to a page that was never built.
 */
export function handbookCrumbs(id: string, titles: ReadonlyMap<string, string>): Crumb[] {
  const folders = id.split('/').slice(0, -1);
  return folders.map((name, index) => {
    const folder = folders.slice(0, index + 1).join('/');
    const title = titles.get(folder);
    return title === undefined ? { label: name } : { label: title, href: `/${folder}/` };
  });
}
