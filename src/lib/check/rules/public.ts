import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { publicMessages } from '../../messages.ts';
import type { Problem } from '../problem.ts';
import { lineColumn } from '../source.ts';

/**
 * The files the site serves as they are (`public/`), which pull requests add too: images
 * and downloads. A browser opens some files as a page of the site itself, with its
 * address, where their script runs as the site's own: HTML, XML and SVG documents, and
 * scripts a page of the site could be made to load.
 */

/** Files a browser runs as a document or a script of the site. */
const runnableExtension = /\.(html?|xhtml?|xht|xml|xsl|xslt|m?js|cjs|wasm|swf|svgz)$/i;

/**
 * What in an SVG could run script or load from elsewhere when it is opened on its own:
 * scripts, handlers, embedded HTML, `javascript:` links, entities, and references to
 * other sites (a tracker in an image the site serves).
 */
const svgRisk = /<script\b|\son[a-z]+\s*=|<foreignobject\b|<iframe\b|<embed\b|<object\b|<!entity|javascript:|(?:xlink:)?href\s*=\s*["']?\s*(?:https?:)?\/\//i;

/** Every file under `publicDir` (none when it is missing), as paths relative to it. */
function filesIn(publicDir: string): string[] {
  try {
    return readdirSync(publicDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(publicDir, path.join(entry.parentPath, entry.name)))
      .sort();
  } catch {
    return [];
  }
}

export function checkPublicFiles(publicDir: string, cwd: string): Problem[] {
  const problems: Problem[] = [];
  for (const relative of filesIn(publicDir)) {
    const file = path.relative(cwd, path.join(publicDir, relative));
    const at = (line: number, column: number, message: string) => problems.push({ file, line, column, severity: 'error', rule: 'safety/public-file', message });
    if (runnableExtension.test(relative)) {
      at(1, 1, publicMessages.runnable(relative));
      continue;
    }
    if (!/\.svg$/i.test(relative)) continue;
    const text = readFileSync(path.join(publicDir, relative), 'utf8');
    const risk = svgRisk.exec(text);
    if (risk) {
      const { line, column } = lineColumn(text, risk.index + (/^\s/.test(risk[0]) ? 1 : 0));
      at(line, column, publicMessages.svg(risk[0].trim()));
    }
  }
  return problems;
}
