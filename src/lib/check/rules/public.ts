import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { publicMessages } from '../../messages.ts';
import type { Problem } from '../problem.ts';
import { lineColumn, walk } from '../source.ts';

/**
 * The files the site serves as they are (`public/`), which pull requests add too: images
 * and downloads. A browser opens some files as a page of the site itself, with its
 * address, where their script runs as the site's own (HTML, XML and SVG documents, and
 * the many types served as one), so the types allowed are listed, not the ones refused.
 */

/** Images, documents, data, media and fonts: what a handbook serves, none of which a browser runs. */
const servedExtension =
  /\.(png|jpe?g|gif|webp|avif|bmp|ico|svg|pdf|txt|csv|tsv|md|json|ya?ml|zip|gz|docx?|xlsx?|pptx?|odt|ods|odp|mp4|webm|m4v|mp3|m4a|ogg|oga|wav|vtt|woff2?|ttf|otf)$/i;

/** Files a host reads by name: a GitHub Pages domain and its switch for Jekyll. */
const hostFile = /^(CNAME|\.nojekyll)$/;

/**
 * What in an SVG could run script or load from elsewhere when it is opened on its own:
 * scripts and embedded HTML (by any namespace prefix), handlers, entities and character
 * references (which spell anything another way), and any reference that is not to the
 * drawing itself (`#id`) or to a path of this site (a tracker in an image the site serves).
 */
const svgRisk =
  /<(?:[\w-]+:)?(?:script|foreignobject|iframe|embed|object|html|body)\b|\son[a-z]+\s*=|<!entity|<!doctype|&#|javascript:|(?:^|[\s"'])(?:xlink:)?href\s*=\s*(?!["']?\s*(?:#|\/(?![/\\])))|url\(\s*(?!["']?\s*#)|<\?xml-stylesheet/i;

export function checkPublicFiles(publicDir: string, cwd: string): Problem[] {
  if (!existsSync(publicDir)) return [];
  const problems: Problem[] = [];
  for (const { path: absolute, kind } of walk(publicDir)) {
    const relative = path.relative(publicDir, absolute);
    const file = path.relative(cwd, absolute);
    const at = (line: number, column: number, message: string) => problems.push({ file, line, column, severity: 'error', rule: 'safety/public-file', message });
    // A host follows a link wherever it leads, under whatever name it has here.
    if (kind === 'symlink') {
      at(1, 1, publicMessages.symlink(relative));
      continue;
    }
    if (!servedExtension.test(relative) && !hostFile.test(path.basename(relative))) {
      at(1, 1, publicMessages.runnable(relative));
      continue;
    }
    if (!/\.svg$/i.test(relative)) continue;
    const bytes = readFileSync(absolute);
    // UTF-16 or a NUL byte: the text below would not be the text a browser reads.
    if (bytes.includes(0) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      at(1, 1, publicMessages.svg('UTF-16 or NUL bytes'));
      continue;
    }
    const text = bytes.toString('utf8');
    const risk = svgRisk.exec(text);
    if (risk) {
      const offset = risk.index + (risk[0].length - risk[0].trimStart().replace(/^["']/, '').length);
      const { line, column } = lineColumn(text, offset);
      at(line, column, publicMessages.svg(text.slice(offset, offset + 40).split('\n')[0]!.trim()));
    }
  }
  return problems;
}
