import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HastPluginDefinition, HastVisitorContext, MdxJsxAttributeUnion } from 'satteri';
import { allowedElements, literalText } from '../content/components.ts';
import { attributeValue, comment, endTag, holdsUrls, htmlAttribute, rewriteUrls, startTag } from '../content/html.ts';
import { escapeXml } from '../diagrams/svg.ts';
import { builtHref, filesUnder } from './resolve.ts';

/** Every element content may use, as the check reads them all: the same elements in both. */
const elements = [...allowedElements];

export interface ContentLinksOptions {
  /** The site's base path (`base` in handbook.config.json). */
  base: string;
  /** The content root: links are read from each body's place in it. */
  contentDir: string;
  /** The folder of files the site serves as they are (`publicDir` in config.ts): a link to one keeps its form. */
  publicDir: string;
}

/**
 * Rewrites the links in every Markdown and MDX body as the reader needs them (resolve.ts:
 * `builtHref`): under the base path, and from a content file's path to its page's URL.
 * A Sätteri HAST plugin: it runs inside Astro's own Markdown and MDX pipelines, on
 * Markdown links and images, raw HTML, and MDX's HTML elements alike.
 */
export function contentLinks(options: ContentLinksOptions): HastPluginDefinition {
  const fileOf = contentFile(options.contentDir);
  const from = (ctx: HastVisitorContext): string => fileOf(ctx.fileURL);
  const isPublicFile = filesUnder(options.publicDir);
  const rewrite = (url: string, ctx: HastVisitorContext): string => builtHref(url, from(ctx), options.base, isPublicFile);
  const jsx = {
    filter: elements,
    visit<N extends { attributes: MdxJsxAttributeUnion[] }>(node: Readonly<N>, ctx: HastVisitorContext): N | undefined {
      let changed = false;
      const attributes = node.attributes.map((attribute) => {
        if (attribute.type !== 'mdxJsxAttribute' || !holdsUrls(attribute.name)) return attribute;
        const value = literalText(attribute.value);
        if (value === undefined) return attribute;
        const href = rewriteUrls(attribute.name, value, (url) => rewrite(url, ctx));
        if (href === attribute.value) return attribute;
        changed = true;
        return { type: 'mdxJsxAttribute' as const, name: attribute.name, value: href };
      });
      return changed ? { ...node, attributes } : undefined;
    },
  };
  return {
    name: 'handbook-content-links',
    element: {
      filter: elements,
      visit(node, ctx) {
        for (const [name, value] of Object.entries(node.properties)) {
          if (typeof value !== 'string' || !holdsUrls(name)) continue;
          const href = rewriteUrls(name, value, (url) => rewrite(url, ctx));
          if (href !== value) ctx.setProperty(node, name, href);
        }
      },
    },
    mdxJsxFlowElement: jsx,
    mdxJsxTextElement: jsx,
    raw(node, ctx) {
      const html = rewriteRawHtml(node.value, (url) => rewrite(url, ctx));
      return html === node.value ? undefined : { ...node, value: html };
    },
  };
}

/**
 * The path from the content root of the file a plugin is compiling. Vite hands MDX files
 * over by their real path, Astro's loader Markdown by the path as configured: through a
 * symbolic link (macOS's /tmp is one), the two differ.
 */
export function contentFile(contentDir: string): (fileURL: URL | undefined) => string {
  const roots = [...new Set([contentDir, realpath(contentDir)])];
  return (fileURL) => {
    const file = fileURL ? fileURLToPath(fileURL) : '';
    const relative = roots.map((root) => path.relative(root, file)).find((candidate) => !candidate.startsWith('..') && !path.isAbsolute(candidate));
    return (relative ?? path.relative(contentDir, file)).split(path.sep).join('/');
  };
}

function realpath(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}


/**
 * The URLs in raw HTML's start tags, rewritten. Read with the check's own patterns,
 * which refuse any HTML they do not match; a rewritten value is written in double quotes.
 */
export function rewriteRawHtml(html: string, rewrite: (url: string) => string): string {
  let out = '';
  let index = 0;
  while (index < html.length) {
    const next = html.indexOf('<', index);
    if (next === -1) break;
    out += html.slice(index, next);
    const rest = html.slice(next);
    const skipped = comment.exec(rest) ?? endTag.exec(rest);
    const tag = skipped ? null : startTag.exec(rest);
    if (!tag) {
      const length = skipped?.[0].length ?? 1;
      out += rest.slice(0, length);
      index = next + length;
      continue;
    }
    const name = tag[1]!;
    const attributes = (tag[2] ?? '').replace(htmlAttribute, (whole, attribute: string, written: string | undefined) => {
      if (written === undefined || !holdsUrls(attribute)) return whole;
      const value = attributeValue(written);
      const rewritten = rewriteUrls(attribute, value, rewrite);
      return rewritten === value ? whole : `${whole.slice(0, whole.length - written.length)}"${escapeXml(rewritten)}"`;
    });
    out += `<${name}${attributes}${tag[0].slice(1 + name.length + (tag[2] ?? '').length)}`;
    index = next + tag[0].length;
  }
  return out + html.slice(index);
}
