import { parseExpressionAt } from 'acorn';
import type { RefKind } from '../org/types.ts';

/**
 * The one module content may import from. It is an alias (see astro.config.mjs), so the
 * same line works wherever the content root lives.
 */
export const contentComponentsModule = '@handbook/components';

/** What a prop of a content component accepts. */
export interface PropSpec {
  /** The component cannot render without it. */
  required?: boolean;
  /** The only values it takes, when it is a choice. */
  values?: readonly string[];
}

export const refKinds = ['person', 'team', 'stream', 'asset', 'phase', 'council', 'decision'] as const satisfies readonly RefKind[];

/**
 * The components a charter or handbook page may use, with their props. They render to
 * plain HTML at build time and run nothing in the reader's browser. `handbook check`
 * refuses every other import, so adding a component here is a reviewed code change.
 */
export const contentComponents = {
  /** A highlighted aside: a note, a tip or a warning. */
  Callout: { props: { type: { values: ['note', 'tip', 'warning'] }, title: {} } },
  /** A link to an entry by id, labelled with its name: `<Ref kind="team" id="ledger" />`. */
  Ref: { props: { kind: { required: true, values: refKinds }, id: { required: true } } },
} as const satisfies Record<string, { props: Record<string, PropSpec> }>;

export type ContentComponentName = keyof typeof contentComponents;

export function isContentComponent(name: string): name is ContentComponentName {
  return Object.hasOwn(contentComponents, name);
}

/**
 * The HTML tags content may use, in Markdown's raw HTML and as lowercase tags in MDX. An
 * allow-list, not a block-list: SVG, MathML, forms, frames, scripts and styles each have
 * their own ways to run or fake things, and pages need none of them.
 */
export const allowedElements: ReadonlySet<string> = new Set(
  (
    'a abbr audio b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt em figcaption figure ' +
    'h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p picture pre q rp rt ruby s samp section small source span strong sub ' +
    'summary sup table tbody td tfoot th thead time tr track u ul var video wbr'
  ).split(' '),
);

/** The text of an attribute written as text, or as a literal the check lets through (`href={"/teams/"}`). */
export function literalText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object' || !('value' in value)) return undefined;
  try {
    // A module, as the build reads it (see readExpression in check/rules/body.ts).
    const expression = parseExpressionAt(String(value.value), 0, { ecmaVersion: 'latest', sourceType: 'module' });
    if (expression.type === 'Literal' && typeof expression.value === 'string') return expression.value;
    if (expression.type === 'TemplateLiteral' && expression.expressions.length === 0) return expression.quasis[0]?.value.cooked ?? undefined;
  } catch {
    // Not a literal: the check refuses it, so the build never gets here with one.
  }
  return undefined;
}
