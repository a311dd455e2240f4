import type { RefKind } from './org/types.ts';

/** Joins the site's base path (`base` in handbook.config.json) with a root-relative path. */
export function withBase(pathname: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}${pathname.startsWith('/') ? pathname : `/${pathname}`}`;
}

const sectionOf: Record<RefKind, string> = {
  person: 'people',
  team: 'teams',
  stream: 'streams',
  asset: 'assets',
  phase: 'phases',
  council: 'council',
  decision: 'council/decisions',
};

/** The URL of an entry's page, as fixed by the content model's site map. */
export function entryUrl(kind: RefKind, id: string): string {
  if (kind === 'decision') return withBase(`/council/decisions/#${id}`);
  return withBase(`/${sectionOf[kind]}/${id}/`);
}

/** The URL of a handbook page: `handbook/how-we-work/council.md` is `/how-we-work/council/`. */
export function handbookUrl(id: string): string {
  return withBase(`/${id}/`);
}
