import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { linkMessages } from '../../messages.ts';
import { filePagePath, linkTarget, servedPath } from '../../links/resolve.ts';
import type { Problem } from '../problem.ts';
import { closest } from '../suggest.ts';

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
}

function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile();
}

/** The page most like a path, among pages of about its length: a typo, not a guess. */
function closestPage(sitePath: string, pages: ReadonlySet<string>): string | undefined {
  const near = [...pages].filter((page) => Math.abs(page.length - sitePath.length) <= 3);
  return closest(sitePath, near);
}

/**
 * Every link in a body leads somewhere: a page the site builds, a file in public/, or a
 * content file that becomes a page. Reads each link as the build does (links/resolve.ts),
 * so a link the check passes is the link the reader follows. Fragments (`#section`) are
 * not checked: the generated sections of a page are the layout's, not the content's.
 */
export function checkLinks(links: readonly WrittenLink[], context: LinkContext): Problem[] {
  const problems: Problem[] = [];
  for (const link of links) {
    const at = (message: string): void => {
      problems.push({ file: link.file, line: link.line, column: link.column, severity: 'error', rule: 'links/broken', message });
    };
    const written = link.url.trim();
    const target = linkTarget(written, link.from);
    if (target.kind === 'site') {
      if (!target.path.endsWith('/') && isFile(path.join(context.publicDir, target.path))) continue;
      const page = servedPath(target.path);
      if (context.pages.has(page)) continue;
      if (/\.[^/]+$/.test(target.path)) at(linkMessages.noPublicFile(written, `public${target.path}`));
      else at(linkMessages.noPage(written, page, target.relative ? filePagePath(link.from) : undefined, closestPage(page, context.pages)));
    } else if (target.kind === 'file') {
      if (target.file.startsWith('../') || target.file === '..') {
        at(linkMessages.outside(written));
      } else if (!isFile(path.join(context.contentDir, target.file))) {
        const folder = path.posix.dirname(link.from);
        const asWritten = (file: string) => {
          const relative = path.posix.relative(folder, file);
          return relative.startsWith('.') ? relative : `./${relative}`;
        };
        const suggestion = closest(asWritten(target.file), context.files.map(asWritten));
        at(linkMessages.noFile(written, `${context.contentLabel}/${target.file}`, suggestion));
      } else if (filePagePath(target.file) === undefined) {
        at(linkMessages.noPageForFile(written, `${context.contentLabel}/${target.file}`));
      }
    }
  }
  return problems;
}
