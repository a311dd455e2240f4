import path from 'node:path';
import { checkMessages, linkMessages } from '../../messages.ts';
import { hasAnchor, namedAnchors, type KnownAnchors } from '../../links/anchors.ts';
import { filePagePath, filesUnder, fragmentOf, hasExtension, isOutside, linkTarget, servedPath, trimAscii, type FilesUnder } from '../../links/resolve.ts';
import { pastedInto, withPasted } from '../characters.ts';
import type { Problem } from '../problem.ts';
import { closest } from '../suggest.ts';
import type { Moves } from '../../repo/renames.ts';

/** A link or image URL written in a page body, where it was written. */
export interface WrittenLink {
  file: string;
  line: number;
  column: number;
  url: string;
  /** The body's file from the content root, which relative links are read from. */
  from: string;
}

export interface LinkContext {
  /** Every page the site will have (links/routes.ts). */
  pages: ReadonlySet<string>;
  /** Every entry file, by its path from the content root. */
  files: readonly string[];
  contentDir: string;
  /** The folder whose files the site serves as they are. */
  publicDir: string;
  /** The content root as reports show it. */
  contentLabel: string;
  /** The ids on each page, for a link's #fragment. */
  anchors: KnownAnchors;
  /** Entries renamed in git: a link to an old address or file is told the new one. */
  moves?: Moves;
}

/** A content file's path as written from `folder` (`./escalation.md`, `../../teams/ledger.md`). */
function fromFolder(folder: string, file: string): string {
  const relative = path.posix.relative(folder, file);
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/**
 * A relative address with its "." and ".." steps taken as far as they go, for a suggestion:
 * `../.././teams/ledger` is `../../teams/ledger`. What follows the path (`#mission`) stays.
 */
function tidied(relative: string): string {
  const at = relative.search(/[?#]/);
  const [pathPart, suffix] = at === -1 ? [relative, ''] : [relative.slice(0, at), relative.slice(at)];
  return `${path.posix.normalize(pathPart)}${suffix}`;
}

/**
 * The address another site's link was meant to have, when it was written without its
 * scheme (`www.example.com/page`, `github.com/acme/ledger`): a browser reads that as a path
 * on this site. Only where the first segment is plainly a host name: a page's address has
 * no dots, and a file's extension is not a top-level domain.
 */
function withoutScheme(written: string): string | undefined {
  const host = /^(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|app|ai|co|edu|gov|uk|de|eu)(?=[/?#:]|$)/i;
  return /^www\./i.test(written) || host.test(written) ? `https://${written}` : undefined;
}

/** The first folder of a path: `/teams/ledger/` and `teams/ledger.md` are both in "teams". */
const firstFolder = (file: string): string => file.replace(/^\//, '').split('/')[0] ?? '';

/**
 * The closest of `candidates` to `value`, looking first among those in the same first
 * folder: a typo in `/people/ada-lovelce/` is most likely another person, and there are
 * fewer people than pages.
 */
function closestIn(value: string, candidates: ReadonlyMap<string, readonly string[]>, all: Iterable<string>): string | undefined {
  const near = candidates.get(firstFolder(value));
  return (near && closest(value, near)) ?? closest(value, all);
}

/** The section most likely meant: the closest id, else one the fragment begins (`#paging` for `#paging-on-call`). */
function closestAnchor(fragment: string, anchors: readonly string[]): string | undefined {
  return closest(fragment, anchors) ?? anchors.find((anchor) => anchor.startsWith(fragment));
}

function byFirstFolder(paths: Iterable<string>): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const item of paths) {
    const folder = firstFolder(item);
    const list = grouped.get(folder);
    if (list) list.push(item);
    else grouped.set(folder, [item]);
  }
  return grouped;
}

/** Whether a path as served leads somewhere: a page, a file in public/, or a public folder's index.html. */
function leadsSomewhere(served: string, pages: ReadonlySet<string>, isPublicFile: FilesUnder): boolean {
  if (pages.has(served) || isPublicFile(served)) return true;
  if (served.endsWith('/')) return isPublicFile(`${served}index.html`);
  return served.endsWith('/index.html') && pages.has(served.slice(0, -'index.html'.length));
}

/**
 * Every link in a body leads somewhere: a page the site builds, a file in public/, or a
 * content file that becomes a page. Reads each link as the build does (links/resolve.ts),
 * so a link the check passes is the link the reader follows. A fragment (`#mission`) must
 * name a place on its page (links/anchors.ts); that is a warning, as the link still opens
 * the right page.
 */
export function checkLinks(links: readonly WrittenLink[], context: LinkContext): Problem[] {
  const problems: Problem[] = [];
  const isPublicFile = filesUnder(context.publicDir);
  const isContentFile = filesUnder(context.contentDir);
  const files = new Set(context.files);
  const pagesByFolder = byFirstFolder(context.pages);
  const filesByFolder = byFirstFolder(context.files);
  const inContent = (file: string) => `${context.contentLabel}/${file}`;
  for (const link of links) {
    const written = trimAscii(link.url);
    // A non-breaking space or a zero-width one pasted into an address stays in the page's link: say which.
    const named = (message: string) => withPasted(message, pastedInto(written, () => false));
    const at = (message: string): void => {
      problems.push({ file: link.file, line: link.line, column: link.column, severity: 'error', rule: 'links/broken', message: named(message) });
    };
    const target = linkTarget(written, link.from);
    const fragmentOn = (page: string | undefined, suffix: string): void => {
      const fragment = fragmentOf(suffix);
      if (page === undefined || fragment === undefined || hasAnchor(page, fragment, context.anchors)) return;
      problems.push({
        file: link.file,
        line: link.line,
        column: link.column,
        severity: 'warning',
        rule: 'links/fragment',
        message: named(linkMessages.noAnchor(written, page, fragment, closestAnchor(fragment, namedAnchors(page, context.anchors)))),
      });
    };
    if (target.kind === 'same-page') {
      fragmentOn(filePagePath(link.from), target.suffix);
    } else if (target.kind === 'backslash') {
      at(linkMessages.backslash(written));
    } else if (target.kind === 'site') {
      const page = servedPath(target.path, isPublicFile);
      if (leadsSomewhere(page, context.pages, isPublicFile)) {
        if (context.pages.has(page)) fragmentOn(page, target.suffix);
        continue;
      }
      const asFile = target.path.slice(1);
      const moved = context.moves?.page(page);
      if (moved) {
        const { entry, now } = moved;
        at(linkMessages.movedPage(written, checkMessages.renamed(inContent(entry.file), inContent(entry.now.file)), `${now}${target.suffix}`));
      } else if (target.relative && withoutScheme(written)) {
        at(linkMessages.noScheme(written, page, withoutScheme(written)!));
      } else if (!target.relative && files.has(asFile)) {
        at(linkMessages.rootFile(written, filePagePath(asFile) ?? page, fromFolder(path.posix.dirname(link.from), asFile)));
      } else if (hasExtension(target.path)) {
        at(linkMessages.noPublicFile(written, `public${target.path}`));
      } else if (target.relative) {
        // Written as if from the file's folder, most likely: one level up, it may be a page, or near one.
        const fromParent = linkTarget(`../${written}`, link.from);
        const parentPage = fromParent.kind === 'site' ? servedPath(fromParent.path, isPublicFile) : undefined;
        const meant = parentPage && leadsSomewhere(parentPage, context.pages, isPublicFile) ? tidied(`../${written}`) : undefined;
        const near = closestIn(page, pagesByFolder, context.pages) ?? (parentPage && closestIn(parentPage, pagesByFolder, context.pages));
        at(linkMessages.noPage(written, page, filePagePath(link.from), meant ?? near));
      } else {
        at(linkMessages.noPage(written, page, undefined, closestIn(page, pagesByFolder, context.pages)));
      }
    } else if (target.kind === 'file') {
      if (isOutside(target.file)) {
        at(linkMessages.outside(written));
      } else if (!files.has(target.file) && !isContentFile(target.file)) {
        // Looked up by its name as written, among the entries and then on disk: `Runway.md` is not `runway.md` on the host.
        const folder = path.posix.dirname(link.from);
        const moved = context.moves?.file(target.file);
        if (moved) {
          at(linkMessages.movedFile(written, checkMessages.renamed(inContent(moved.file), inContent(moved.now.file)), `${fromFolder(folder, moved.now.file)}${target.suffix}`));
          continue;
        }
        const suggestion = closestIn(target.file, filesByFolder, context.files);
        at(linkMessages.noFile(written, inContent(target.file), suggestion === undefined ? undefined : fromFolder(folder, suggestion)));
      } else if (filePagePath(target.file) === undefined) {
        at(linkMessages.noPageForFile(written, inContent(target.file)));
      } else {
        fragmentOn(filePagePath(target.file), target.suffix);
      }
    }
  }
  return problems;
}
