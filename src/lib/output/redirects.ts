import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scriptJson } from '../content/html.ts';
import { escapeXml } from '../diagrams/svg.ts';
import { redirectMessages } from '../messages.ts';
import { movedEntries, movedPages } from '../repo/renames.ts';

/**
 * The page left at a moved entry's old address. A static host cannot answer with a
 * redirect, so the page does it: a script that keeps the link's #fragment (a shared link
 * to `#on-call` lands on that section of the renamed charter), a meta refresh for readers
 * without scripts, and a link for anyone else. Search engines are told where the page lives.
 */
export function redirectPage(to: string, canonical: string): string {
  const href = escapeXml(to);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<meta charset="utf-8">',
    `<title>${escapeXml(redirectMessages.title(to))}</title>`,
    '<meta name="robots" content="noindex">',
    `<link rel="canonical" href="${escapeXml(canonical)}">`,
    `<script>location.replace(${scriptJson(to)} + location.search + location.hash)</script>`,
    `<meta http-equiv="refresh" content="0;url=${href}">`,
    `<p>${escapeXml(redirectMessages.moved)} <a href="${href}">${href}</a>.</p>`,
    '',
  ].join('\n');
}

/**
 * Keeps the old address of every entry renamed or moved in git (repo/renames.ts): Astro
 * serves it as a redirect in `astro dev`, and the build writes our redirect page there in
 * place of Astro's, which drops a link's #fragment.
 */
export function handbookRedirects(options: { contentDir: string; base: string; site?: string | undefined }): AstroIntegration {
  const moved = movedPages(movedEntries(options.contentDir));
  const withBase = (pathname: string) => `${options.base.replace(/\/$/, '')}${pathname}`;
  return {
    name: 'handbook-redirects',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        if (moved.length > 0) updateConfig({ redirects: Object.fromEntries(moved.map(({ from, to }) => [from, withBase(to)])) });
      },
      'astro:build:done': ({ dir }) => {
        const outDir = fileURLToPath(dir);
        for (const move of moved) {
          const to = withBase(move.to);
          const canonical = options.site ? new URL(to, options.site).href : to;
          // Astro wrote its own page there; ours replaces it (the folder is made in case it did not).
          mkdirSync(path.join(outDir, move.from), { recursive: true });
          writeFileSync(path.join(outDir, move.from, 'index.html'), redirectPage(to, canonical));
        }
      },
    },
  };
}
