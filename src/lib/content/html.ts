import { parseFragment } from 'parse5';

/**
 * Raw HTML as a browser tokenises it, read the strict way: the check refuses anything
 * these do not match (rules/body.ts), so the build can rely on them when it rewrites
 * the URLs in raw HTML (links/plugin.ts).
 */

/** A start tag written plainly: a name, then attributes each after whitespace, values quoted or simple. */
export const startTag = /^<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/;
export const endTag = /^<\/[a-zA-Z][a-zA-Z0-9-]*\s*>/;
/** A comment as a browser ends it: at "-->", at "--!>", or at once after "<!--" + ">" or "->". */
export const comment = /^<!--(?:-?>|[\s\S]*?--!?>)/;
/** One attribute of a start tag: its name, and its value with any quotes. */
export const htmlAttribute = /\s+([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;

/** JSON safe to place inside a <script> element, as data or as a JavaScript value: no text in it can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Attributes whose value is a link to follow or a file to load, on the elements content may use. */
const linkAttributes: ReadonlySet<string> = new Set(['href', 'src', 'poster']);

/**
 * An attribute's value as a browser reads it from the source (`"/a?x=1&amp;y=2"` is
 * `/a?x=1&y=2`): quotes removed, and character references decoded the way parse5 (the
 * HTML standard's parser) decodes them.
 */
export function attributeValue(written: string): string {
  const quote = /^["']/.test(written) ? written[0] : '';
  const inner = quote ? written.slice(1, -1) : written;
  if (!inner.includes('&')) return inner;
  const element = parseFragment(`<i a=${written}>`).childNodes[0];
  return element && 'attrs' in element ? (element.attrs[0]?.value ?? inner) : inner;
}

/** The attribute that lists image candidates, each a URL with an optional width or density: `a.png 1x, b.png 2x`. */
const srcsetAttribute = 'srcset';

/** The URLs an attribute's value holds, if it is one that holds URLs: `href` one, `srcset` one per candidate. */
export function urlsIn(attribute: string, value: string): string[] {
  const name = attribute.toLowerCase();
  if (linkAttributes.has(name)) return [value];
  return name === srcsetAttribute ? srcsetUrls(value).map(({ url }) => url) : [];
}

/** Whether an attribute holds URLs (urlsIn). */
export function holdsUrls(attribute: string): boolean {
  const name = attribute.toLowerCase();
  return linkAttributes.has(name) || name === srcsetAttribute;
}

/** An attribute's value with each URL it holds rewritten; any other value as it is. */
export function rewriteUrls(attribute: string, value: string, rewrite: (url: string) => string): string {
  const name = attribute.toLowerCase();
  if (linkAttributes.has(name)) return rewrite(value);
  return name === srcsetAttribute ? rewriteSrcset(value, rewrite) : value;
}

const isSpace = (char: string) => char === ' ' || char === '\t' || char === '\n' || char === '\f' || char === '\r';

/** The URLs of a srcset, each with where it starts in the value, split as the HTML standard splits them. */
function srcsetUrls(value: string): { url: string; start: number }[] {
  const found: { url: string; start: number }[] = [];
  let index = 0;
  while (index < value.length) {
    while (index < value.length && (isSpace(value[index]!) || value[index] === ',')) index++;
    if (index >= value.length) break;
    const start = index;
    while (index < value.length && !isSpace(value[index]!)) index++;
    const url = value.slice(start, index);
    found.push({ url: url.replace(/,+$/, ''), start });
    // A URL ending in "," ends its candidate; otherwise descriptors follow, up to a comma outside parentheses.
    if (url.endsWith(',')) continue;
    let depth = 0;
    for (; index < value.length; index++) {
      const char = value[index];
      if (char === '(') depth++;
      else if (char === ')') depth = Math.max(0, depth - 1);
      else if (char === ',' && depth === 0) {
        index++;
        break;
      }
    }
  }
  return found;
}

/** A srcset with each URL rewritten and everything else (descriptors, spacing) as it was. */
function rewriteSrcset(value: string, rewrite: (url: string) => string): string {
  let out = '';
  let at = 0;
  for (const { url, start } of srcsetUrls(value)) {
    out += value.slice(at, start) + rewrite(url);
    at = start + url.length;
  }
  return out + value.slice(at);
}
