import { parse, type Expression, type Node as JsNode } from 'acorn';
import { markdownToMdast, mdxToMdast, type MdastNode } from 'satteri';
import {
  allowedElements,
  contentComponents,
  contentComponentsModule,
  isContentComponent,
  literalText,
  refKinds,
  type ContentComponentName,
  type PropSpec,
} from '../../content/components.ts';
import { attributeValue, comment, endTag, htmlAttribute, startTag, urlsIn } from '../../content/html.ts';
import { nestedBodies } from '../../content/collections.ts';
import { bodyHeadingIds, decisionIdsIn, everyPage, pageIds } from '../../links/anchors.ts';
import { decodedUri, filePagePath } from '../../links/resolve.ts';
import { bodyMessages } from '../../messages.ts';
import { visibleCharacter } from '../../../schemas/common.ts';
import type { RefKind } from '../../org/types.ts';
import type { Problem } from '../problem.ts';
import { lineIndex, type SourceFile } from '../source.ts';
import { explainedAmong } from '../characters.ts';
import { closest } from '../suggest.ts';
import { texts, type Raw } from '../facts.ts';
import type { MermaidBlock } from './diagrams.ts';
import type { WrittenLink } from './links.ts';
import { namesNothing, unknownRefMessage, type KnownIds } from './references.ts';

/**
 * The content-safety policy. MDX is compiled to JavaScript and run by the build, which
 * may hold deploy secrets; Markdown's raw HTML lands in every reader's browser. So a
 * body may use Markdown, plain HTML and the allow-listed components with literal props,
 * and nothing that runs code: no imports from elsewhere, no exports, no expressions, no
 * script-bearing tags, attributes or URLs.
 */

/** Attributes whose value the browser follows as a URL (lowercase, JSX spellings folded in). */
const urlAttributes = new Set([
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'xlink:href',
  'xlinkhref',
  'poster',
  'data',
  'background',
  'cite',
  'longdesc',
  'ping',
  'manifest',
  'icon',
  'codebase',
  'usemap',
]);

/** Astro and React attributes that write raw HTML or run code. */
const codeAttribute = /^(set:|is:|define:|client:|server:|dangerouslysetinnerhtml$|srcdoc$)/i;

/**
 * Attributes that reach past the page's text: `class` (and MDX's `class:list`, which Astro
 * writes as `class`) borrows the site's own styles (its
 * search panel is positioned over the page, and a fenced block's class makes a Mermaid
 * diagram the check never sees); `ping` reports each click elsewhere; `referrerpolicy`
 * sends the page's address with a request to another site.
 */
const reachingAttribute = /^(class|class:list|classname|ping|referrerpolicy)$/i;

/**
 * What a `style` may set: colours, text, borders, padding and sizes, nothing that moves an
 * element out of its place in the text (position, margins, transforms, floats) or stacks
 * it over the site's own header and text.
 */
const styleProperties = new Set(
  (
    'color background-color opacity font-weight font-style font-variant font-size line-height letter-spacing text-align text-decoration ' +
    'text-decoration-line text-decoration-color text-decoration-style text-transform vertical-align white-space word-break overflow-wrap ' +
    'width min-width max-width height min-height max-height padding padding-top padding-right padding-bottom padding-left border ' +
    'border-top border-right border-bottom border-left border-color border-style border-width border-radius border-collapse ' +
    'list-style-type display'
  ).split(' '),
);

const componentNames = Object.keys(contentComponents) as ContentComponentName[];

/** Names the compiled MDX page declares itself (Astro's exports and MDX's runtime), which an import may not take. */
const pageDeclares = new Set(['frontmatter', 'file', 'url', 'getHeadings', 'Content', 'MDXContent']);

type Node = MdastNode & {
  children?: Node[];
  value?: string;
  url?: string;
  name?: string | null;
  attributes?: Attribute[];
  position?: { start: { offset?: number; line: number; column: number }; end: { offset?: number } };
};

interface Attribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: string; value: string };
}

/**
 * Attributes the site's own features read: Pagefind's (a page could retitle its search
 * result, file itself under another section or borrow a charter's system ranking) and the
 * hooks of the new-hire path, quiz, search and diagrams (a page could add a step to the
 * path or point "Continue" elsewhere).
 */
const siteHookAttribute = /^data-(pagefind|path|remember|quiz|search|progress|diagram)/i;

/** A scheme that must not appear in a URL, after the normalising a browser does. */
export function blockedScheme(url: string): string | undefined {
  const decoded = url
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ':')
    .replace(/&(tab|newline);/gi, '')
    // Browsers drop leading spaces and control characters, and tabs and newlines anywhere.
    .replace(/[\u0000-\u0020]/g, '');
  return /^(javascript|data|vbscript):/i.exec(decoded)?.[1]?.toLowerCase();
}

/** What is wrong with an attribute of an HTML tag, written in raw HTML or in MDX: a handler, a directive, or a URL that runs script. */
function attributeProblem(name: string, value: unknown): [rule: string, message: string] | undefined {
  if (/^on/i.test(name)) return ['safety/attribute', bodyMessages.eventHandler(name)];
  if (reachingAttribute.test(name)) return ['safety/attribute', bodyMessages.reachingAttribute(name)];
  if (siteHookAttribute.test(name)) return ['safety/attribute', bodyMessages.siteAttribute(name)];
  if (codeAttribute.test(name)) return ['safety/attribute', bodyMessages.directive(name)];
  // In MDX, Astro takes an element with a slot for a named slot, which no page fills: it vanishes.
  if (/^slot$/i.test(name)) return ['safety/attribute', bodyMessages.slot];
  // Browsers keep a page opened from a link away from the tab that opened it; "opener" undoes that.
  if (name.toLowerCase() === 'rel' && typeof value === 'string' && /(^|\s)opener(\s|$)/i.test(value)) return ['safety/attribute', bodyMessages.opener];
  if (/^autofocus$/i.test(name)) return ['safety/attribute', bodyMessages.autofocus];
  if (typeof value === 'string' && name.toLowerCase() === 'style') {
    const found = styleProblem(value);
    if (found) return ['safety/attribute', bodyMessages.style(found)];
  }
  if (typeof value === 'string' && urlAttributes.has(name.toLowerCase())) {
    // Each candidate of a srcset is a URL of its own: `/a.png 1x, data:… 2x`.
    const urls = name.toLowerCase() === 'srcset' ? urlsIn(name, value) : [value];
    const scheme = urls.map(blockedScheme).find((found) => found !== undefined);
    if (scheme) return ['safety/url', bodyMessages.url(scheme)];
  }
  return undefined;
}

/**
 * What in a `style` keeps it from being plain styling: a property outside `styleProperties`,
 * or a value that could still move or load something (a negative length, a function other
 * than a colour's, `var()` that names any value, quotes, `@`). CSS escapes and comments
 * are refused too, as they can spell any of these another way.
 */
function styleProblem(style: string): string | undefined {
  const css = style.toLowerCase();
  if (/[\\]|\/\*/.test(css)) return 'escapes or comments';
  for (const declaration of css.split(';')) {
    if (declaration.trim() === '') continue;
    const colon = declaration.indexOf(':');
    const property = (colon === -1 ? declaration : declaration.slice(0, colon)).trim();
    if (!styleProperties.has(property)) return `"${property}"`;
    const value = declaration.slice(colon + 1);
    const odd = /-\s*[\d.]|(?<![\w-])(?!(?:rgba?|hsla?)\()[\w-]+\(|["'@<>]/.exec(value);
    if (odd) return `"${property}: ${value.trim()}"`;
  }
  return undefined;
}

/**
 * Whether an expression is a literal value: text, a number, true, false or null. Not lists
 * or objects: Astro renders an object it does not know as raw HTML (through its string
 * form, which `__proto__` can set), and an attribute turns a list into text unchecked.
 */
function isLiteral(node: JsNode): boolean {
  const expression = node as Expression;
  switch (expression.type) {
    case 'Literal':
      return !('regex' in expression && expression.regex) && !('bigint' in expression && expression.bigint);
    case 'TemplateLiteral':
      return expression.expressions.length === 0;
    case 'UnaryExpression':
      return (expression.operator === '-' || expression.operator === '+') && expression.argument.type === 'Literal' && typeof expression.argument.value === 'number';
    default:
      return false;
  }
}

/**
 * What an expression may be, read from its text alone: comments only, or one string,
 * number, boolean, null or plain template literal. The parser below says what the code means; this says
 * it has no room to mean anything else to another parser (the build's is not acorn).
 */
const commentsOnly = /^\s*(?:(?:\/\*(?:[^*]|\*(?!\/))*\*\/|\/\/[^\n\r\u2028\u2029]*)\s*)*$/;
const plainLiteral = /^\s*(?:"(?:[^"\\\n\r]|\\[^\n\r])*"|'(?:[^'\\\n\r]|\\[^\n\r])*'|`(?:[^`\\$]|\\[\s\S]|\$(?!\{))*`|[-+]?\s*(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][-+]?\d+)?|true|false|null)\s*$/;

/** The literal an expression holds, or why it is not one: `code` (offset into the text) or `comment` (nothing at all). */
function readExpression(code: string): { kind: 'literal'; value: unknown } | { kind: 'comment' } | { kind: 'code'; offset: number } {
  // As a module, as the build compiles MDX: a script would read `<!--` as a comment to the
  // end of the line, so `{1 <!--import(…)}` was the literal 1 to the check and code to the build.
  const options = { ecmaVersion: 'latest', sourceType: 'module' } as const;
  try {
    if (parse(code, options).body.length === 0) return commentsOnly.test(code) ? { kind: 'comment' } : { kind: 'code', offset: 0 };
  } catch {
    // Not a statement on its own (an object literal, for one); read it as an expression below.
  }
  try {
    const program = parse(`(${code}\n)`, options);
    const statement = program.body[0];
    if (program.body.length === 1 && statement?.type === 'ExpressionStatement' && isLiteral(statement.expression) && plainLiteral.test(code)) {
      return { kind: 'literal', value: literalValue(statement.expression) };
    }
    return { kind: 'code', offset: Math.max(0, (statement?.start ?? 1) - 1) };
  } catch {
    return { kind: 'code', offset: 0 };
  }
}


function literalValue(node: JsNode): unknown {
  const expression = node as Expression;
  if (expression.type === 'Literal') return expression.value;
  // -1 or +1: the number, as the page writes it.
  if (expression.type === 'UnaryExpression') return (expression.operator === '-' ? -1 : 1) * Number(literalValue(expression.argument));
  if (expression.type === 'TemplateLiteral') return expression.quasis[0]?.value.cooked;
  return undefined;
}

/**
 * Checks a page body: syntax, the content-safety policy, and the props and ids of content
 * components. What needs every file first is collected for later: fenced Mermaid blocks
 * into `found.diagrams` for the (asynchronous) Mermaid parse in `rules/diagrams.ts`, the
 * URLs of links and images into `found.links` for `rules/links.ts`.
 */
export function checkBody(
  source: SourceFile,
  ids: KnownIds,
  contentLabel: string,
  found: { diagrams?: MermaidBlock[]; links?: WrittenLink[]; anchors?: Map<string, Set<string>> } = {},
): Problem[] {
  const { diagrams = [], links = [] } = found;
  // Every id the body gives its page, for the #fragment of a link to it (rules/links.ts).
  const anchors = new Set<string>();
  found.anchors?.set(source.relative, anchors);
  const body = source.body;
  if (!body || body.text.trim() === '') return [];
  const text = body.text;
  const mdx = /\.mdx$/i.test(source.absolute);
  const problems: Problem[] = [];
  // From a place in the body to the place in the file; the body's first line may have lost its indentation to the build's trim.
  const inFile = (line: number, column: number) => ({ line: line + body.line - 1, column: line === 1 ? column + body.column - 1 : column });
  const positionOf = lineIndex(text);
  const report: Report = (offset, rule, message, severity = 'error') => {
    const { line, column } = positionOf(Math.min(Math.max(offset, 0), text.length));
    problems.push({ file: source.file, ...inFile(line, column), severity, rule, message });
  };
  const link: LinkFound = (offset, url) => {
    const { line, column } = positionOf(Math.min(Math.max(offset, 0), text.length));
    links.push({ file: source.file, ...inFile(line, column), url, from: source.relative });
  };
  const page = filePagePath(source.relative);
  const owns = source.collection === 'teams' ? texts((source.data as Raw | undefined)?.['owns']) : [];
  const taken = page === undefined ? new Set<string>() : pageIds(page, owns);
  // Ids the page's layout gives already, where the body writes them again: reported once the
  // body's own ids are known, each with one free among them to use instead.
  const retaken: [id: string, offset: number][] = [];
  const idTaken = (id: string, offset: number): void => {
    if (taken.has(id)) retaken.push([id, offset]);
  };
  const seen: Seen = { link, anchor: (id) => anchors.add(id), idTaken, nested: nestedBodies.has(source.collection) };

  let tree: Node;
  try {
    // The build's own features: GFM and smart punctuation on, and frontmatter on, so a
    // second frontmatter block that the build would drop is seen (and refused) here too.
    tree = (mdx ? mdxToMdast : markdownToMdast)(text, { features: { gfm: true, smartPunctuation: true } }) as Node;
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const match = /^(\d+):(\d+): ([\s\S]*?)(?: \(\d+:\d+\))?(?: \([\w:-]+\))?$/.exec(raw);
    const detail = (match?.[3] ?? raw).replace(/\.$/, '');
    // HTML's <br> and <img> stand alone; MDX wants them closed, and says only that a closing tag is missing.
    const voidTag = /closing tag for `<(area|br|col|embed|hr|img|input|source|track|wbr)\b/i.exec(detail)?.[1];
    const line = Number(match?.[1] ?? 1);
    // type=“tip”, pasted from a word processor: MDX stops at the tag, and says only that "<" is unexpected there.
    const curly = curlyInTag.exec(text.split('\n')[line - 1] ?? '');
    problems.push({
      file: source.file,
      ...inFile(line, curly ? curly.index + curly[0].length : Number(match?.[2] ?? 1)),
      severity: 'error',
      rule: 'mdx/syntax',
      message: curly ? bodyMessages.curlyQuotes(curly[1]!, curly[2]!) : bodyMessages.mdxSyntax(detail, voidTag?.toLowerCase()),
    });
    return problems;
  }

  const nodes: Node[] = [];
  const collect = (node: Node): void => {
    nodes.push(node);
    for (const child of node.children ?? []) collect(child);
  };
  collect(tree);
  const start = (node: Node): number => node.position?.start.offset ?? 0;

  const label = (node: Node): string => String((node as { identifier?: string }).identifier ?? '').toLowerCase();
  // A definition becomes a link or an image only where a reference uses it, so its URL is
  // checked as a link then, at the definition, where it is written; once, and not when an
  // image refused for safety uses it.
  const definitions = new Map<string, { url: string; offset: number; use?: 'link' | 'refused' }>();
  for (const node of nodes) {
    if (node.type === 'definition' && !definitions.has(label(node))) definitions.set(label(node), { url: node.url ?? '', offset: start(node) });
  }
  // A footnote nothing refers to is dropped from the page, text and all.
  const footnotes = new Map<string, { offset: number; used: boolean }>();
  for (const node of nodes) if (node.type === 'footnoteDefinition') footnotes.set(label(node), { offset: start(node), used: false });
  const definitionLabels = [...definitions.keys()];
  const footnoteLabels = [...footnotes.keys()];

  // Imports first: a component may be used above the line that imports it.
  const imported = new Map<string, ContentComponentName>();
  for (const node of nodes) if (node.type === 'mdxjsEsm') checkEsm(node.value ?? '', start(node), imported, report);
  // Headings get their ids as the build gives them (content/heading-ids.ts), in order.
  const nextId = bodyHeadingIds(filePagePath(source.relative), text, source.collection === 'council' ? decisionIdsIn(source.data) : []);
  // A footnote reference shows its number, in the order of first reference, in a heading's text as anywhere.
  const footnoteNumbers = new Map<string, number>();
  for (const node of nodes) if (node.type === 'footnoteReference' && !footnoteNumbers.has(label(node))) footnoteNumbers.set(label(node), footnoteNumbers.size + 1);
  const isRef = (node: Node): boolean => (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && imported.get(node.name ?? '') === 'Ref';
  // A Ref stands for its id in a heading's id; one with words inside is read as its words.
  const refId = (node: Node): string | undefined =>
    isRef(node) && (node.children ?? []).length === 0
      ? (literalText(node.attributes?.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'id')?.value) ?? '')
      : undefined;

  // Markdown passes raw HTML through tag by tag, so a tag opened in one paragraph and
  // never closed swallows the rest of the page, the page's own sections included.
  const openTags: OpenTag[] = [];

  for (const node of nodes) {
    switch (node.type) {
      case 'link':
      case 'image':
      case 'definition': {
        const scheme = blockedScheme(node.url ?? '');
        if (scheme) report(start(node), 'safety/url', bodyMessages.url(scheme));
        else if (node.type === 'image' && !readableImageAddress(node.url ?? '', start(node), report)) break;
        else if (node.type === 'link' || (node.type === 'image' && checkImagePath(node.url, start(node), report))) link(start(node), node.url ?? '');
        break;
      }
      case 'linkReference':
      case 'imageReference': {
        const definition = definitions.get(label(node));
        if (!definition || blockedScheme(definition.url)) break;
        if (node.type === 'imageReference' && (!readableImageAddress(definition.url, start(node), report) || !checkImagePath(definition.url, start(node), report))) definition.use = 'refused';
        else definition.use ??= 'link';
        break;
      }
      case 'heading':
        if ((node as { depth?: number }).depth === 1) report(start(node), 'mdx/h1', bodyMessages.secondH1, 'warning');
        anchors.add(nextId(headingText(node, refId, footnoteNumbers)));
        break;
      case 'footnoteDefinition':
        // GFM's own: the note, and the heading of the list of notes.
        anchors.add(`user-content-fn-${label(node)}`).add('footnote-label');
        break;
      case 'footnoteReference':
        anchors.add(`user-content-fnref-${label(node)}`);
        if (footnotes.has(label(node))) footnotes.get(label(node))!.used = true;
        break;
      case 'text':
        unresolvedReferences(node, text, report, definitionLabels, footnoteLabels);
        spacedLinks(node, text, report);
        // <a href=”…”> is not HTML to Markdown: it shows as text, around a broken link.
        // Read in the source: the text node has straight quotes already made curly by smart punctuation.
        if (!mdx && node.position?.end.offset !== undefined) curlyQuotedTags(text.slice(start(node), node.position.end.offset), start(node), report);
        break;
      case 'paragraph': {
        // An MDX import line in a .md file is a paragraph of text on the page.
        const first = node.children?.[0];
        if (!mdx && first?.type === 'text' && /^import\s[^\n]*\bfrom\s/.test(first.value ?? '') && (first.value ?? '').includes(contentComponentsModule)) {
          report(start(node), 'components/mdx-only', bodyMessages.importInMarkdown(contentComponentsModule));
        }
        break;
      }
      case 'html':
        checkHtml(node.value ?? '', start(node), report, seen, openTags);
        break;
      case 'code': {
        const lang = (node as { lang?: string | null }).lang;
        const fence = unclosedFence(text, start(node), node.position?.end.offset ?? text.length);
        if (fence) report(start(node), 'mdx/unclosed-fence', bodyMessages.unclosedFence(fence));
        // ```Mermaid is a code block to the build: readers would see the source, not the diagram.
        if (lang && lang !== 'mermaid' && lang.toLowerCase() === 'mermaid') report(start(node), 'diagrams/syntax', bodyMessages.mermaidCase(lang));
        // An open diagram block holds the rest of the page, whose Markdown Mermaid would only refuse.
        if (lang === 'mermaid' && !fence && node.position) {
          // The block's source starts on the line after the opening fence.
          diagrams.push({ file: source.file, ...inFile(node.position.start.line + 1, node.position.start.column), source: node.value ?? '' });
        }
        break;
      }
      case 'yaml':
      case 'toml':
        report(start(node), 'files/frontmatter', bodyMessages.secondFrontmatter);
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const read = readExpression(node.value ?? '');
        if (read.kind === 'code') report(start(node) + 1 + read.offset, 'safety/expression', bodyMessages.expression);
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node, text, imported, ids, contentLabel, report, seen);
        break;
    }
  }
  if (mdx) {
    const isRef = (node: Node) => (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && !!node.name && imported.get(node.name) === 'Ref';
    linksInLinks(tree, undefined, isRef, (inner, outer) => {
      const message = isRef(inner) ? bodyMessages.refInLink(inner.name ?? 'Ref') : isRef(outer) ? bodyMessages.linkInRef(outer.name ?? 'Ref') : bodyMessages.linkInLink;
      report(start(inner), 'components/ref-in-link', message);
    });
  }
  // MDX reads Markdown inside its tags; Markdown only after a blank line (see markdownInHtml).
  if (!mdx) {
    for (const parent of nodes) if (flowParents.has(parent.type)) for (const child of parent.children ?? []) if (child.type === 'html') markdownInHtml(child, text, report);
  }
  for (const [node, what] of unnamed(nodes, refId, isRef)) report(start(node), 'html/no-name', bodyMessages.noName[what]);
  for (const [name, footnote] of footnotes) if (!footnote.used) report(footnote.offset, 'links/reference', bodyMessages.footnoteUnused(name));
  for (const tag of openTags) report(tag.offset, 'html/unclosed', bodyMessages.unclosedTag(tag.name));
  for (const definition of definitions.values()) if (definition.use === 'link') link(definition.offset, definition.url);
  for (const [id, offset] of retaken) {
    let n = 1;
    while (taken.has(`${id}-${n}`) || anchors.has(`${id}-${n}`)) n++;
    report(offset, 'html/id-taken', bodyMessages.idTaken(id, everyPage.includes(id), `${id}-${n}`));
  }
  return problems;
}

/**
 * The opening fence of a fenced code block that no fence closes and that runs to the end
 * of the body: Markdown makes everything after it code, headings, links and lists included.
 * A block closed by the end of its list item or quote is left alone, as the text after
 * that is read as Markdown again. `start` and `end` are the block's offsets in `text`.
 */
function unclosedFence(text: string, start: number, end: number): string | undefined {
  const written = text.slice(start, end);
  // An indented code block starts with its indentation, not a fence, and has none to close.
  const fence = /^(`{3,}|~{3,})/.exec(written)?.[1];
  if (!fence || text.slice(end).trim() !== '') return undefined;
  const lines = written.split('\n');
  // The closing fence: the same character, at least as many, and nothing but spaces after, behind any quote marks or indentation.
  const closing = new RegExp(`^(?:[ \\t]*>)*[ \\t]*${fence[0]}{${fence.length},}[ \\t\\r]*$`);
  return lines.length > 1 && closing.test(lines.at(-1)!) ? undefined : fence;
}

/** Nodes whose HTML children are blocks of their own, not tags inside a line of text. */
const flowParents = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/** Blocks whose text is meant as written: a comment, a declaration, <pre>, and the elements the content policy refuses anyway. */
const literalBlock = /^<(?:[!?]|(?:pre|script|style|textarea)(?:[\s>]|$))/i;
/** Tags and comments anywhere in a block, and elements whose text shows as written (code, keys, samples). */
const anyTag = new RegExp(`${comment.source.slice(1)}|${startTag.source.slice(1)}|${endTag.source.slice(1)}`, 'g');
const literalElement = /<(code|kbd|samp|pre|textarea)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/**
 * Markdown that a line of an HTML block would show as written: a heading or a list item
 * where the line starts, or in the line's text (`masked`, with its tags blanked out)
 * emphasis, a link, strikethrough or code. Where it starts, and as written.
 */
function markdownIn(line: string, masked: string): { index: number; written: string } | undefined {
  const block = /^ {0,3}(?:#{1,6}|[-*+]|\d{1,9}[.)])[ \t]+\S.*/.exec(line);
  if (block) {
    const written = block[0].trim();
    return { index: block[0].search(/\S/), written: written.length > 40 ? `${written.slice(0, 39)}…` : written };
  }
  const inline = [
    /!?\[[^[\]\n]+\]\([^()\s]*(?:\s+"[^"]*")?\)/,
    /(?<![\w*\\])(\*{1,2})(?![\s*])[^*\n]*?(?<![\s*\\])\1(?![\w*])/,
    /(?<![\w\\])(__?)(?![\s_])[^_\n]*?(?<![\s_\\])\1(?!\w)/,
    /(?<![\w~\\])~~(?![\s~])[^~\n]*?(?<![\s~])~~/,
    /(?<![`\\])`[^`\n]+`(?!`)/,
  ]
    .map((pattern) => pattern.exec(masked))
    .filter((match) => match !== null)
    .sort((a, b) => a.index - b.index)[0];
  return inline ? { index: inline.index, written: inline[0] } : undefined;
}

/**
 * In a .md file, a block that starts with an HTML tag on its line runs to the next blank
 * line, and all of it is HTML: `**Bold**` or a `[link](/teams/)` on the line after
 * `<details>` shows as written, marks and all. Reported once a block, at the first line
 * with Markdown that would have been read, and only for such Markdown, not for any text.
 * A warning, as `schema/markup` is for marks in a field: the words still show, and this is
 * read from the text's look, so it should not block a change by itself.
 */
function markdownInHtml(node: Node, source: string, report: Report): void {
  const value = node.value ?? '';
  const from = node.position?.start.offset;
  if (from === undefined || literalBlock.test(value)) return;
  const blank = (written: string) => written.replace(/[^\n]/g, ' ');
  const masked = value.replace(literalElement, blank).replace(anyTag, blank).split('\n');
  const lines = value.split('\n');
  let lineStart = source.lastIndexOf('\n', from - 1) + 1;
  for (const [index, line] of lines.entries()) {
    const found = markdownIn(line, masked[index] ?? '');
    if (found) {
      // A line of the block is the end of its line in the file, behind any quote marks or list indentation.
      const lineEnd = source.indexOf('\n', lineStart);
      const inFile = source.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
      const open = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(value)?.[1]?.toLowerCase();
      const closed = open !== undefined && new RegExp(`</${open}\\s*>`, 'i').test(value);
      report(lineStart + inFile.length - line.length + found.index, 'html/markdown', bodyMessages.markdownInHtml(found.written, open, closed), 'warning');
      return;
    }
    lineStart = source.indexOf('\n', lineStart) + 1;
  }
}

/**
 * Each link written inside another: a <Ref> inside a Markdown link or an <a>, or a link
 * inside a <Ref>'s words or an <a>. Browsers do not nest links: they close the outer one
 * early, and readers get neither link as written.
 */
function linksInLinks(node: Node, outer: Node | undefined, isRef: (node: Node) => boolean, found: (inner: Node, outer: Node) => void): void {
  const jsx = node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement';
  const isLink = node.type === 'link' || node.type === 'linkReference' || (jsx && node.name === 'a') || isRef(node);
  if (outer && isLink) found(node, outer);
  for (const child of node.children ?? []) linksInLinks(child, isLink ? node : outer, isRef, found);
}

/**
 * Links and headings with nothing to read, and images with no alt text at all: a screen
 * reader announces "link" or "heading" and nothing more, or reads out the image's file
 * name. An image with `alt=""` is decorative and fine; a link whose only content is an
 * image is named by the image's alt text.
 */
function unnamed(nodes: readonly Node[], refId: (node: Node) => string | undefined, isRef: (node: Node) => boolean): [Node, 'link' | 'heading' | 'image'][] {
  const found: [Node, 'link' | 'heading' | 'image'][] = [];
  const attribute = (node: Node, name: string) => node.attributes?.find((item) => item.type === 'mdxJsxAttribute' && item.name?.toLowerCase() === name);
  const readable = (node: Node): string => {
    // A Ref shows its entry's name (an unknown id is reported as such).
    if (refId(node) !== undefined) return 'Ref';
    if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
    if (node.type === 'html') return /^<img\b/i.test(node.value ?? '') ? (htmlAlt(node.value ?? '') ?? '') : '';
    if (node.type === 'image' || node.type === 'imageReference') return (node as { alt?: string | null }).alt ?? '';
    const jsx = node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement';
    const label = jsx ? (attribute(node, 'aria-label') ?? attribute(node, 'title') ?? (node.name === 'img' ? attribute(node, 'alt') : undefined)) : undefined;
    if (label) return literalText(label.value) ?? '';
    return (node.children ?? []).map(readable).join('');
  };
  const blank = (node: Node) => !visibleCharacter.test(readable(node));
  for (const node of nodes) {
    const jsx = node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement' ? node.name?.toLowerCase() : undefined;
    // A Ref with words inside is a link with those words.
    const wordedRef = isRef(node) && (node.children ?? []).length > 0;
    // An <a> without href is a place to link to (`<a id="old-faq"></a>`), not a link.
    const jsxLink = jsx === 'a' && attribute(node, 'href') !== undefined;
    if ((node.type === 'link' || node.type === 'linkReference' || jsxLink || wordedRef) && blank(node)) found.push([node, 'link']);
    else if ((node.type === 'heading' || /^h[1-6]$/.test(jsx ?? '')) && blank(node)) found.push([node, 'heading']);
    else if (jsx === 'img' && !attribute(node, 'alt')) found.push([node, 'image']);
    // Raw HTML in Markdown: each tag is a node of its own, so an empty <a></a> is two in a row.
    for (const [index, child] of (node.children ?? []).entries()) {
      if (child.type !== 'html' || !/^<a\b[^>]*>$/i.test(child.value ?? '') || !unnamedHtmlLink(child.value!)) continue;
      // The next sibling that is not only spaces.
      const next = node.children?.slice(index + 1).find((sibling) => sibling.type !== 'text' || visibleCharacter.test(sibling.value ?? ''));
      if (next?.type === 'html' && /^<\/a\s*>$/i.test(next.value ?? '')) found.push([child, 'link']);
    }
  }
  return found;
}

/** An HTML tag's attribute, as the browser reads it; undefined when the tag has none. */
function htmlAttributeValue(tag: string, name: string): string | undefined {
  for (const attribute of tag.matchAll(htmlAttribute)) if (attribute[1]!.toLowerCase() === name) return attributeValue(attribute[2] ?? '');
  return undefined;
}

const htmlAlt = (tag: string) => htmlAttributeValue(tag, 'alt');

/** An <a> start tag that makes a link (it has an href) and gives it no name of its own (aria-label, title). */
function unnamedHtmlLink(tag: string): boolean {
  const named = [htmlAttributeValue(tag, 'aria-label'), htmlAttributeValue(tag, 'title')].some((value) => value !== undefined && visibleCharacter.test(value));
  return htmlAttributeValue(tag, 'href') !== undefined && !named;
}

type Report = (offset: number, rule: string, message: string, severity?: Problem['severity']) => void;
/** A URL written at an offset of the body, for the link check. */
type LinkFound = (offset: number, url: string) => void;
/** What elements of the body give the link check: the URLs they hold, and the ids they carry. */
interface Seen {
  link: LinkFound;
  anchor: (id: string) => void;
  /** Reports an `id` written at `offset` that the page's layout already gives. */
  idTaken: (id: string, offset: number) => void;
  /** Whether the page sets the body's headings a level down (a charter, stream or minutes). */
  nested: boolean;
}

/**
 * A reference-style link or a footnote whose label has no definition is not a link at all:
 * Markdown leaves it as text, and the page shows `[the team][platfrom]` or `[^note]` as
 * written. Only the full (`[text][label]`), collapsed (`[text][]`) and footnote forms are
 * read: `[sic]` alone is ordinary text, and so is a shortcut `[label]`, which is a link
 * only where a definition exists. Those two forms are reported in a page that defines no
 * labels at all too: a page that links only this way is the one most likely to have lost
 * its definitions. Not brackets right after a word (`matrix[i][j]`), citations (`[1][2]`),
 * a character class (`[a-z][a-z0-9-]`), nor the pattern `[^a-z]` in a page with no
 * footnotes: those are text as written. Text not found as written in the source (brackets
 * escaped with "\\") was meant as text too.
 */
function unresolvedReferences(node: Node, source: string, report: Report, definitions: readonly string[], footnotes: readonly string[]): void {
  const value = node.value ?? '';
  if (!value.includes('[')) return;
  const from = node.position?.start.offset ?? 0;
  const at = (written: string): number | undefined => {
    const index = source.indexOf(written, from);
    return index === -1 || index > (node.position?.end.offset ?? source.length) ? undefined : index;
  };
  const afterWord = (offset: number) => offset > 0 && /\w/.test(source[offset - 1]!);
  for (const match of value.matchAll(/\[([^[\]]+)\]\[([^[\]]*)\]/g)) {
    const [written, text, label] = match as unknown as [string, string, string];
    if (bracketedProse(text, label)) continue;
    const name = normalLabel(label || text);
    const offset = at(written);
    if (offset !== undefined && !afterWord(offset)) report(offset, 'links/reference', bodyMessages.referenceUndefined(written, text, name, closest(name, definitions)));
  }
  for (const match of value.matchAll(/\[\^([^\]\s]+)\]/g)) {
    const name = normalLabel(match[1]!);
    const offset = at(match[0]);
    // A footnote is written right after its word. Without any footnotes on the page, only
    // that one is taken for a footnote ("a note[^1]"), not "match [^a-z]" in prose.
    const attached = offset !== undefined && offset > 0 && /\S/.test(source[offset - 1]!);
    if (offset !== undefined && !footnotes.includes(name) && (footnotes.length > 0 || attached)) {
      report(offset, 'links/reference', bodyMessages.footnoteUndefined(name, closest(name, footnotes)));
    }
  }
}

/**
 * `[the team] (https://…)`: with a space (or a line break) between "]" and "(", Markdown
 * reads no link, and the page shows the brackets and the address as written. Only where
 * the parentheses hold an address alone (a URL, a site path, `./` or `../`, a `#section`,
 * `mailto:`, a `.md` file), so that `[sic] (see above)` stays prose. Read in the source: a
 * "[" escaped with "\\" is text the author meant, and the address may have become a link
 * of its own (GFM links a bare URL).
 */
function spacedLinks(node: Node, source: string, report: Report): void {
  const from = node.position?.start.offset;
  const to = node.position?.end.offset;
  if (from === undefined || to === undefined || !(node.value ?? '').includes(']')) return;
  const written = source.slice(from, to);
  for (const match of written.matchAll(/(!?)\[([^[\]\n]+)\]([ \t]+|[ \t]*\r?\n[ \t]*)\(/g)) {
    const [opening, bang, text, gap] = match as unknown as [string, string, string, string];
    const at = from + match.index;
    // Escaped brackets, a footnote, or the label of a reference-style link: not a link's text.
    if (source[at - 1] === '\\' || source[at - 1] === ']' || text.endsWith('\\') || text.startsWith('^')) continue;
    const rest = /^[ \t]*(<[^<>\n]+>|[^\s()<>]+)([ \t]+(?:"[^"\n]*"|'[^'\n]*'))?[ \t]*\)/.exec(source.slice(at + opening.length));
    if (!rest || !looksLikeAddress(rest[1]!.replace(/^<|>$/g, ''))) continue;
    const address = `${rest[1]}${rest[2] ?? ''}`;
    const shown = `${bang}[${text}] (${rest[0].trimStart()}`;
    report(at, 'links/spaced', bodyMessages.spacedLink(shown, `${bang}[${text}](${address.trim()})`, bang ? 'image' : 'link', gap.includes('\n')));
  }
}

/** What a link's address looks like, and prose in parentheses does not. */
const looksLikeAddress = (value: string): boolean =>
  /^(?:https?:\/\/\S|mailto:\S|\/|\.{1,2}\/|#)/i.test(value) || /^[\w.~-][\w./~%-]*\.mdx?(?:#\S*)?$/i.test(value);

/**
 * Two bracket pairs that read as prose rather than a link: citations (`[1][2]`, `[3][]`)
 * and a pattern's character classes (`[a-z][a-z0-9-]*`, `[A-Z][0-9]`).
 */
function bracketedProse(text: string, label: string): boolean {
  const citation = (part: string) => /^\s*\d+\s*$/.test(part);
  // A class opens with "^" or a range, one character to another of its kind, not a word's dash: `[a-z0-9-]`, not `[a-team]`.
  const characterClass = (part: string) => !/\s/.test(part) && (part.startsWith('^') || /^(?:[a-z]-[a-z](?![a-z])|[A-Z]-[A-Z](?![A-Z])|\d-\d(?!\d))/.test(part));
  return (citation(text) && (label === '' || citation(label))) || characterClass(text) || characterClass(label);
}

/** A label as Markdown matches it to its definition: case and runs of spaces aside. */
const normalLabel = (label: string): string => label.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * A Markdown heading's text as the build reads it for the heading's id: inline HTML tags,
 * comments and images count for nothing, a <Ref> for its id (content/heading-ids.ts), a
 * footnote for its number and an MDX expression for its source.
 */
function headingText(node: Node, refId: (node: Node) => string | undefined, footnotes: ReadonlyMap<string, number>): string {
  const ref = refId(node);
  if (ref !== undefined) return ref;
  // An MDX expression counts as its source, `{/* note */}` as "/* note */": the build reads it so.
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') return node.value ?? '';
  if (node.type === 'footnoteReference') return String(footnotes.get(String((node as { identifier?: string }).identifier ?? '').toLowerCase()) ?? '');
  if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference') return '';
  return (node.children ?? []).map((child) => headingText(child, refId, footnotes)).join('');
}

function checkEsm(code: string, offset: number, imported: Map<string, ContentComponentName>, report: Report): void {
  let program;
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
  } catch (error) {
    const position = (error as { pos?: number }).pos ?? 0;
    const detail = (error instanceof Error ? error.message : String(error)).replace(/ \(\d+:\d+\)$/, '');
    report(offset + position, 'mdx/syntax', bodyMessages.esmSyntax(detail));
    return;
  }
  for (const statement of program.body) {
    const at = offset + statement.start;
    if (statement.type !== 'ImportDeclaration') {
      report(at, 'safety/export', bodyMessages.exportNotAllowed);
      continue;
    }
    const specifier = String(statement.source.value);
    if (specifier !== contentComponentsModule) {
      report(at, 'safety/import', bodyMessages.importNotAllowed(specifier, contentComponentsModule, componentNames));
      continue;
    }
    if (statement.specifiers.length === 0 || statement.specifiers.some((item) => item.type !== 'ImportSpecifier')) {
      report(at, 'safety/import', bodyMessages.importForm(contentComponentsModule, componentNames));
      continue;
    }
    for (const item of statement.specifiers) {
      if (item.type !== 'ImportSpecifier') continue;
      const name = item.imported.type === 'Identifier' ? item.imported.name : String(item.imported.value);
      const local = item.local.name;
      // The compiled page declares these itself, and a name declared twice does not compile.
      if (imported.has(local)) report(offset + item.local.start, 'mdx/syntax', bodyMessages.importedTwice(local));
      else if (pageDeclares.has(local) || /^[_$]/.test(local)) report(offset + item.local.start, 'mdx/syntax', bodyMessages.importNameTaken(local, name));
      else if (isContentComponent(name)) imported.set(local, name);
      else {
        report(
          offset + item.start,
          'safety/import',
          bodyMessages.importUnknownName(name, contentComponentsModule, closest(name, componentNames), componentNames),
        );
      }
    }
  }
}

/** Where an attribute sits inside an element's opening tag; the tag's start when it cannot be found. */
function attributeOffset(text: string, elementStart: number, needle: string): number {
  // The tag ends at the first ">" outside quotes and braces: `title="a > b"` is inside it.
  let tagEnd = -1;
  let quote = '';
  let depth = 0;
  for (let index = elementStart + 1; index < text.length && tagEnd === -1; index++) {
    const char = text[index]!;
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '{') depth++;
    else if (char === '}') depth = Math.max(0, depth - 1);
    else if (char === '>' && depth === 0) tagEnd = index;
  }
  const tag = text.slice(elementStart, tagEnd === -1 ? undefined : tagEnd + 1);
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // An attribute by its whole name: `src` is not the start of `srcset`.
  const whole = /^[\w:.-]+$/.test(needle) ? '(?=[\\s=/>]|$)' : '';
  const match = new RegExp(`(?<=\\s)${escaped}${whole}`).exec(tag);
  return elementStart + (match?.index ?? 0);
}

function checkElement(
  node: Node,
  text: string,
  imported: Map<string, ContentComponentName>,
  ids: KnownIds,
  contentLabel: string,
  report: Report,
  seen: Seen,
): void {
  const name = node.name;
  const at = node.position?.start.offset ?? 0;
  if (!name) return; // a fragment, <>…</>
  const isComponent = /^[A-Z]/.test(name) || name.includes('.');
  const attributes = node.attributes ?? [];
  const values = new Map<string, unknown>();
  let refused = false;

  for (const attribute of attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      report(attributeOffset(text, at, '{'), 'safety/expression', bodyMessages.spreadAttribute);
      refused = true;
      continue;
    }
    const attributeName = attribute.name ?? '';
    const where = attributeOffset(text, at, attributeName);
    // A handler or directive is refused by its name alone, on components too.
    const named = attributeProblem(attributeName, undefined);
    if (named) {
      report(where, ...named);
      refused = true;
      continue;
    }
    let value: unknown = attribute.value ?? true;
    if (attribute.value !== null && typeof attribute.value === 'object') {
      const read = readExpression(attribute.value.value);
      if (read.kind === 'code') {
        report(where, 'safety/expression', bodyMessages.expression);
        refused = true;
        continue;
      }
      value = read.kind === 'literal' ? read.value : undefined;
    }
    values.set(attributeName, value);
    // href={-1}: the page writes href="-1", a link to nowhere; href={null} writes no href at all.
    const expression = attribute.value !== null && typeof attribute.value === 'object' ? attribute.value.value.trim() : undefined;
    if (!isComponent && expression !== undefined && typeof value !== 'string' && value !== undefined && urlAttributes.has(attributeName.toLowerCase())) {
      report(where, 'links/broken', bodyMessages.addressNotText(attributeName, expression, value === null || value === false ? undefined : String(value)));
      continue;
    }
    const url = isComponent ? undefined : attributeProblem(attributeName, value);
    if (url) report(where, ...url);
    refused ||= url !== undefined;
  }

  if (!isComponent) {
    headingElement(name, at, report, { hasId: values.has('id'), nested: seen.nested });
    const id = values.get('id');
    if (typeof id === 'string') seen.idTaken(id, attributeOffset(text, at, 'id'));
    const meant = componentNames.find((component) => component.toLowerCase() === name.toLowerCase());
    if (!allowedElements.has(name)) report(at, 'safety/element', meant ? bodyMessages.elementNotComponent(name, meant) : bodyMessages.element(name));
    else {
      // A relative image is refused for safety; where its other URLs lead is then beside the point.
      const imageRefused = (name === 'img' || name === 'source') && !checkImagePath(values.get('src'), at, report);
      if (imageRefused || refused) return;
      for (const [attribute, value] of values) {
        if (typeof value === 'string') for (const url of urlsIn(attribute, value)) seen.link(attributeOffset(text, at, attribute), url);
      }
      for (const id of [values.get('id'), name === 'a' ? values.get('name') : undefined]) if (typeof id === 'string') seen.anchor(id);
    }
    return;
  }
  const component = imported.get(name);
  if (!component) {
    report(
      at,
      'safety/component',
      isContentComponent(name)
        ? bodyMessages.componentNotImported(name, contentComponentsModule)
        : bodyMessages.componentUnknown(name, closest(name, componentNames), componentNames),
    );
    return;
  }
  checkProps(component, name, values, text, at, ids, contentLabel, report);
}

function checkProps(
  component: ContentComponentName,
  written: string,
  values: Map<string, unknown>,
  text: string,
  at: number,
  ids: KnownIds,
  contentLabel: string,
  report: Report,
): void {
  const specs: Record<string, PropSpec> = contentComponents[component].props;
  const known = Object.keys(specs);
  for (const [prop, value] of values) {
    const spec = specs[prop];
    const where = attributeOffset(text, at, prop);
    if (!spec) {
      report(where, 'components/props', bodyMessages.propUnknown(written, prop, closest(prop, known), known));
      continue;
    }
    if (typeof value !== 'string') {
      report(where, 'components/props', bodyMessages.propNotText(written, prop));
      continue;
    }
    const allowed = spec.values;
    if (allowed && !allowed.includes(value)) {
      report(where, 'components/props', explainedAmong(value, allowed, (meant) => bodyMessages.propValue(written, prop, value, meant, allowed)));
    }
  }
  for (const [prop, spec] of Object.entries(specs)) {
    if (spec.required && !values.has(prop)) report(at, 'components/props', bodyMessages.propMissing(written, prop));
  }
  if (component === 'Ref') {
    const kind = values.get('kind');
    const id = values.get('id');
    if (typeof kind === 'string' && (refKinds as readonly string[]).includes(kind) && typeof id === 'string' && namesNothing(ids, kind as RefKind, id)) {
      report(attributeOffset(text, at, 'id'), `references/${kind}`, unknownRefMessage(kind as RefKind, id, `<${written} id>`, ids, contentLabel));
    }
  }
}

const canDecode = (url: string): boolean => {
  try {
    decodeURI(url);
    return true;
  } catch {
    return false;
  }
};

/**
 * Astro decodes the address of every Markdown image (`![]()`, `![][ref]`) with decodeURI,
 * unguarded: a stray "%" (a badge's "95%") throws, which drops a Markdown body from its
 * page without failing the build, and stops the build with a stack trace in MDX. <img>
 * tags are not decoded. Returns whether the address may stay, having reported it if not.
 */
function readableImageAddress(url: string, offset: number, report: Report): boolean {
  if (canDecode(url)) return true;
  const escaped = url.replace(/%(?![0-9A-Fa-f]{2})/g, '%25');
  report(offset, 'mdx/syntax', bodyMessages.imageEscape(url, escaped !== url && canDecode(escaped) ? escaped : undefined));
  return false;
}

/**
 * A relative image path is compiled into an import of that file (Astro's image
 * pipeline), which would run it if it is a module. Images come from public/ or the web.
 * Astro's test, mirrored: a path that is not a URL and does not start with "/" is local.
 * Returns whether the path may stay, having reported it if not.
 */
function checkImagePath(url: unknown, offset: number, report: Report): boolean {
  if (typeof url !== 'string' || url === '') return true;
  const decoded = decodedUri(url);
  if (URL.canParse(decoded) || decoded.startsWith('/')) return true;
  report(offset, 'safety/image', bodyMessages.imagePath(url));
  return false;
}


/**
 * Raw HTML passes through Markdown untouched into every reader's browser, so it is read
 * here the way a browser reads it, and fails closed: every "<" that a browser could take
 * as markup must be a plain start tag, end tag or comment, or it is reported.
 */
function checkHtml(html: string, offset: number, report: Report, seen: Seen, openTags: OpenTag[]): void {
  let index = html.indexOf('<');
  while (index !== -1) {
    const rest = html.slice(index);
    const matched = comment.exec(rest) ?? endTag.exec(rest);
    let length = matched?.[0].length ?? 0;
    const tag = matched ? null : startTag.exec(rest);
    if (tag && isContentComponent(tag[1]!)) {
      // <Callout> or <Ref> in a .md file: Markdown passes it on as an unknown HTML tag.
      length = tag[0].length;
      report(offset + index, 'components/mdx-only', bodyMessages.componentInMarkdown(tag[1]!, contentComponentsModule));
    } else if (tag) {
      length = tag[0].length;
      checkHtmlTag(tag[1]!, tag[2] ?? '', offset + index, report, seen);
      const name = tag[1]!.toLowerCase();
      // "<div/>" opens a div all the same: only void elements stand alone.
      if (!voidElements.has(name) && !optionalEndTag.has(name)) openTags.push({ name, offset: offset + index });
      if (name === 'a' && unnamedHtmlLink(tag[0]) && /^\s*<\/a\s*>/i.test(html.slice(index + length))) report(offset + index, 'html/no-name', bodyMessages.noName.link);
    } else if (matched && matched[0].startsWith('</')) {
      const name = matched[0].slice(2).replace(/[\s>]+$/, '');
      if (!isContentComponent(name)) closeTag(openTags, name.toLowerCase());
    } else if (!matched && /^<[a-zA-Z/!?]/.test(rest)) {
      report(offset + index, 'safety/html', bodyMessages.html);
    }
    index = html.indexOf('<', index + Math.max(length, 1));
  }
}

interface OpenTag {
  name: string;
  offset: number;
  /** Closed by the browser with an element around it, and not yet by the author. */
  setAside?: boolean;
}

/** Elements with no end tag. */
const voidElements = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));
/** Elements a browser closes by itself at the next sibling or the parent's end. */
const optionalEndTag = new Set('p li dt dd tr td th thead tbody tfoot colgroup caption option optgroup rp rt'.split(' '));

/**
 * Closes the innermost open element of that name, as a browser does. Elements opened
 * inside it and still open are set aside: a browser closes them too, and a later end tag
 * for one (`<b><i>x</b></i>`) means the author did close it, only out of order. An end
 * tag that closes nothing is dropped by browsers, and here too.
 */
function closeTag(openTags: OpenTag[], name: string): void {
  const index = openTags.findLastIndex((tag) => tag.name === name && !tag.setAside);
  if (index !== -1) {
    const [, ...inner] = openTags.splice(index);
    openTags.push(...inner.map((tag) => ({ ...tag, setAside: true })));
    return;
  }
  const aside = openTags.findLastIndex((tag) => tag.name === name);
  if (aside !== -1) openTags.splice(aside, 1);
}

/**
 * An <h1> is a second title. Any other heading in HTML is left by the build as written:
 * without the id a Markdown heading gets, and at its written level where the page sets
 * the body's headings a level down (content/heading-ids.ts).
 */
function headingElement(name: string, at: number, report: Report, { hasId, nested }: { hasId: boolean; nested: boolean }): void {
  const level = Number(/^h([1-6])$/.exec(name)?.[1] ?? 0);
  if (level === 1) report(at, 'mdx/h1', bodyMessages.secondH1, 'warning');
  else if (level > 1 && nested) report(at, 'html/heading', bodyMessages.htmlHeadingNested(level), 'warning');
  else if (level > 1 && !hasId) report(at, 'html/heading', bodyMessages.htmlHeadingNoId(level), 'warning');
}

/** Tags in a text node that are text only because an attribute has curly quotes. */
function curlyQuotedTags(source: string, offset: number, report: Report): void {
  // A "<" escaped as \< is text the author meant.
  for (const tag of source.matchAll(/(?<!\\)<[A-Za-z][\w-]*\s[^<>]*/g)) {
    for (const attribute of tag[0].matchAll(curlyAttributes)) {
      report(offset + tag.index + attribute.index, 'mdx/syntax', bodyMessages.curlyQuotes(attribute[1]!, attribute[2]!));
    }
  }
}

/** Curly quotes a word processor puts where an attribute's value would start: `href=”/teams/”`. */
const curlyQuotes = '\u201c\u201d\u201e\u2018\u2019\u201a\u00ab\u00bb';
const curlyQuote = new RegExp(`^[${curlyQuotes}]`);
/** Each attribute of a tag's text whose value starts with one. */
const curlyAttributes = new RegExp(`([\\w:-]+)\\s*=\\s*([${curlyQuotes}])`, 'g');
/** The first such attribute inside a tag on a line of MDX. */
const curlyInTag = new RegExp(`(?<=<[A-Za-z][\\w.:-]*\\s[^<>]*?)([\\w:-]+)\\s*=\\s*([${curlyQuotes}])`);

function checkHtmlTag(tagName: string, attributes: string, tagStart: number, report: Report, seen: Seen): void {
  const name = tagName.toLowerCase();
  headingElement(name, tagStart, report, { hasId: [...attributes.matchAll(htmlAttribute)].some((attribute) => attribute[1]!.toLowerCase() === 'id'), nested: seen.nested });
  if (!allowedElements.has(name)) report(tagStart, 'safety/element', bodyMessages.element(name));
  const attributesStart = tagStart + 1 + tagName.length;
  const urls: [offset: number, url: string][] = [];
  let refused = false;
  for (const attribute of attributes.matchAll(htmlAttribute)) {
    const attributeName = attribute[1]!;
    const where = attributesStart + attribute.index + attribute[0].indexOf(attributeName);
    // As the browser reads it: quotes off, character references decoded.
    const value = attributeValue(attribute[2] ?? '');
    // href=”…” pasted from a word processor: the value keeps the quotes, and the page a broken tag.
    const curly = curlyQuote.exec(attribute[2] ?? '');
    if (curly) {
      report(where, 'mdx/syntax', bodyMessages.curlyQuotes(attributeName, curly[0]));
      refused = true;
      continue;
    }
    const problem = attributeProblem(attributeName, value);
    if (problem) report(where, ...problem);
    refused ||= problem !== undefined;
    for (const url of urlsIn(attributeName, value)) urls.push([where, url]);
    // An id is a place to link to, and so is an old-style <a name>.
    if (attributeName.toLowerCase() === 'id' || (name === 'a' && attributeName.toLowerCase() === 'name')) seen.anchor(value);
    if (attributeName.toLowerCase() === 'id') seen.idTaken(value, where);
  }
  // A tag refused for safety must be changed anyway: where its links lead is beside the point.
  if (refused) return;
  for (const [where, url] of urls) seen.link(where, url);
  if (name === 'img' && htmlAlt(attributes) === undefined) report(tagStart, 'html/no-name', bodyMessages.noName.image);
}
