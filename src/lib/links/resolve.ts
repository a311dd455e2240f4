import { readdirSync } from 'node:fs';
import path from 'node:path';
import { entryId, entryPagePath, placeOf, reservedHandbookSegment } from '../content/collections.ts';

/**
 * Links written in page bodies. Authors write them three ways: a site path
 * (`/teams/ledger/`), a path to the content file (`../teams/ledger.md`, which also works
 * on GitHub and in an editor's preview), or a path relative to the page
 * (`../ledger/`). The check (check/rules/links.ts) and the build (plugin.ts) read them
 * with these same functions, so a link the check passes is the link the page gets.
 */

/** A relative path ending in one of these names a content file, not a URL. */
const sourceFile = /\.(mdx?|ya?ml)$/i;

/** What a link written in a page body leads to. */
export type LinkTarget =
  /** Another site, or a scheme such as `mailto:`: not the handbook's to check. */
  | { kind: 'external' }
  /** A place on the page the body is on (`#…`, `?…`, or nothing). */
  | { kind: 'same-page'; suffix: string }
  /**
   * A path on this site, without the base path: a page or a file from public/.
   * `relative` when it was written relative to the page (`../ledger/`).
   */
  | { kind: 'site'; path: string; suffix: string; relative: boolean }
  /** A content file named by a relative path: its path from the content root, `../…` when outside it. */
  | { kind: 'file'; file: string; suffix: string }
  /**
   * A path with a backslash, which a browser reads as "/" in HTML and Markdown writes as
   * "%5C": one link, two readings, so it is refused rather than guessed.
   */
  | { kind: 'backslash' };

/** The path, and what follows it: the query and the fragment, as written. */
function splitSuffix(url: string): [pathPart: string, suffix: string] {
  const at = url.search(/[?#]/);
  return at === -1 ? [url, ''] : [url.slice(0, at), url.slice(at)];
}

/** The fragment of a link's query-and-fragment (`#mission`), decoded as browsers match it to an id; undefined without one. */
export function fragmentOf(suffix: string): string | undefined {
  const at = suffix.indexOf('#');
  if (at === -1) return undefined;
  const fragment = suffix.slice(at + 1);
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** A URL with its %-escapes decoded; as written when it cannot be, as the build then takes it. */
export function decodedUri(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/** The site path of the page a content file becomes, or undefined for a file that has none (outside the collections, or reserved). */
export function filePagePath(file: string): string | undefined {
  if (isOutside(file)) return undefined;
  const place = placeOf(file);
  if ('wrong' in place) return undefined;
  const id = entryId(place.inCollection);
  if (place.collection === 'handbook' && reservedHandbookSegment(id) !== undefined) return undefined;
  return entryPagePath(place.collection, id);
}

/**
 * An address without the white space around it, as Markdown and browsers strip it: ASCII
 * only. `String.trim` also drops a non-breaking space or a byte-order mark, which the page
 * keeps in its link (`/teams/ledger/%C2%A0/`), so the check would pass a link that is broken.
 */
export function trimAscii(url: string): string {
  return url.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
}

/**
 * Where a link in the body of `from` (a file's path from the content root) leads. A
 * relative link that is not to a content file is read as the browser reads it, from the
 * URL of the page the body is on.
 */
export function linkTarget(url: string, from: string): LinkTarget {
  const written = trimAscii(url);
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) || written.startsWith('//')) return { kind: 'external' };
  const [pathPart, suffix] = splitSuffix(written);
  if (pathPart === '') return { kind: 'same-page', suffix };
  if (pathPart.includes('\\')) return { kind: 'backslash' };
  // Read as the browser reads it: "." and ".." segments resolved, from the page's own URL when relative.
  const resolved = (page: string) => decodedUri(new URL(pathPart, `https://handbook.invalid${page}`).pathname);
  if (pathPart.startsWith('/')) return { kind: 'site', path: resolved('/'), suffix, relative: false };
  const plain = decodedUri(pathPart);
  if (sourceFile.test(plain)) return { kind: 'file', file: path.posix.normalize(path.posix.join(path.posix.dirname(from), plain)), suffix };
  return { kind: 'site', path: resolved(filePagePath(from) ?? '/'), suffix, relative: true };
}

/** Whether a path names a file under a folder (`/images/map.png`, `teams/ledger.md`). */
export type FilesUnder = (file: string) => boolean;

/**
 * The files under a folder (public/, the content root), looked up name by name as
 * written: `/Favicon.svg` is not `favicon.svg`, even on a disk that ignores case,
 * because the host serving the site will not. Folders are read once.
 */
export function filesUnder(root: string): FilesUnder {
  const folders = new Map<string, Map<string, boolean>>();
  const entries = (folder: string): Map<string, boolean> => {
    let found = folders.get(folder);
    if (!found) {
      try {
        found = new Map(readdirSync(path.join(root, folder), { withFileTypes: true }).map((entry) => [entry.name, entry.isDirectory()]));
      } catch {
        found = new Map();
      }
      folders.set(folder, found);
    }
    return found;
  };
  return (file) => {
    const segments = file.split('/').filter((segment) => segment !== '');
    for (const [index, segment] of segments.entries()) {
      const isFolder = entries(segments.slice(0, index).join('/')).get(segment);
      if (isFolder === undefined || isFolder !== index < segments.length - 1) return false;
    }
    return segments.length > 0;
  };
}

/**
 * The path a site path is served at. A file in public/ is served as it is; any other
 * path whose last segment has no extension is a page, and pages end in "/"
 * (`trailingSlash: 'always'`), so `/teams/ledger` is `/teams/ledger/`.
 */
export function servedPath(sitePath: string, isPublicFile: FilesUnder = () => false): string {
  return sitePath.endsWith('/') || hasExtension(sitePath) || isPublicFile(sitePath) ? sitePath : `${sitePath}/`;
}

/** Whether a path's last segment has an extension, as files have and page addresses do not. */
export function hasExtension(sitePath: string): boolean {
  return sitePath.slice(sitePath.lastIndexOf('/') + 1).includes('.');
}

/** Whether a path from the content root leads out of it. */
export function isOutside(file: string): boolean {
  return file === '..' || file.startsWith('../') || path.posix.isAbsolute(file);
}

function encodedPath(sitePath: string): string {
  return encodeURI(sitePath).replace(/%25([0-9a-f]{2})/gi, '%$1');
}

/**
 * The URL a link gets on the built page. Site paths, written from the root or relative
 * to the page, go under the base path (`/teams/` is `/handbook/teams/` on a project
 * page) and end in "/" when they name a page; a content file's path becomes its page's
 * URL. So a body's links work under any base path and wherever the body is shown.
 * Links to other sites, and within the page, keep their text.
 */
export function builtHref(url: string, from: string, base: string, isPublicFile?: FilesUnder): string {
  const target = linkTarget(url, from);
  const root = base.replace(/\/+$/, '');
  switch (target.kind) {
    case 'external':
    case 'same-page':
    case 'backslash':
      return url;
    case 'site':
      return `${root}${encodedPath(servedPath(target.path, isPublicFile))}${target.suffix}`;
    case 'file': {
      const page = filePagePath(target.file);
      return page === undefined ? url : `${root}${page}${target.suffix}`;
    }
  }
}
