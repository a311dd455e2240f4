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

/** Attributes whose value is a link to follow or a file to load, on the elements content may use. */
export const linkAttributes: ReadonlySet<string> = new Set(['href', 'src', 'poster']);
