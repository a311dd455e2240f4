import type { ZodType } from 'astro/zod';
import { collectionSchemas, entryNouns } from '../../../schemas/index.ts';
import { checkMessages, messages } from '../../messages.ts';
import type { Problem } from '../problem.ts';
import type { CollectionName } from '../../content/collections.ts';
import { allowedElements } from '../../content/components.ts';
import { positionOf, quotedText, type SourceFile } from '../source.ts';
import { curlyQuotesAround, explainedAmong, meantAmong, pastedInto, withPasted, type Pasted } from '../characters.ts';

type PathKey = string | number;

interface Def {
  type: string;
  shape?: Record<string, ZodType>;
  element?: ZodType;
  innerType?: ZodType;
  in?: ZodType;
  options?: ZodType[];
  items?: ZodType[];
}

const defOf = (schema: ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The object schema at a path, looking through optional, default, pipe, array and union wrappers. */
function objectAt(schema: ZodType | undefined, pathKeys: readonly PathKey[]): Record<string, ZodType> | undefined {
  let current = schema;
  let index = 0;
  while (current) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') current = def.innerType;
    else if (def.type === 'pipe') current = def.in;
    else if (def.type === 'union') current = def.options?.find((option) => objectAt(option, []) !== undefined);
    else if (index === pathKeys.length) return def.type === 'object' ? def.shape : undefined;
    else if (def.type === 'object') current = def.shape?.[String(pathKeys[index++])];
    else if (def.type === 'array') {
      current = def.element;
      index++;
    } else if (def.type === 'tuple') current = def.items?.[Number(pathKeys[index++])];
    else return undefined;
  }
  return undefined;
}

/** `metrics[1].kind`: list items counted from 1, as people count them. */
export function fieldName(pathKeys: readonly PathKey[]): string {
  return pathKeys
    .map((key, index) => (typeof key === 'number' ? `[${key + 1}]` : index === 0 ? key : `.${key}`))
    .join('');
}

function valueAt(data: unknown, pathKeys: readonly PathKey[]): unknown {
  let current = data;
  for (const key of pathKeys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PathKey, unknown>)[key];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  return typeof value === 'object' ? 'a set of fields' : `${typeof value} ${JSON.stringify(value)}`;
}

const expected: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of fields',
  date: 'a date (YYYY-MM-DD)',
};

/** The fields an entry of a collection may have at its top level. */
export function topLevelFields(collection: CollectionName): string[] {
  return Object.keys(objectAt(collectionSchemas[collection], []) ?? {});
}

/**
 * The collection a file's fields belong to, when it is not the folder's: a charter saved in
 * streams/ would otherwise get one "unknown field" per line, and no word of where it goes.
 * Said only on strong signs: fewer than half the fields are its folder's, and at least two
 * are fields only that other collection has (a charter's "type" and "techLead", minutes'
 * "date" and "attendees"). Never of a handbook page, whose few fields say little, nor
 * towards people, whose files are YAML the other folders do not read.
 */
export function belongsElsewhere(source: SourceFile): { collection: CollectionName; fields: string[] } | undefined {
  const data = source.data;
  if (source.collection === 'handbook' || data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const keys = Object.keys(data);
  const own = new Set(topLevelFields(source.collection));
  if (keys.length === 0 || keys.filter((key) => own.has(key)).length * 2 >= keys.length) return undefined;
  const collections = Object.keys(collectionSchemas) as CollectionName[];
  const onlyIn = (collection: CollectionName) =>
    keys.filter((key) => !own.has(key) && collections.every((other) => other === collection || !topLevelFields(other).includes(key)));
  const candidates = collections
    .filter((collection) => collection !== source.collection && collection !== 'people' && collection !== 'handbook')
    .map((collection) => ({ collection, fields: onlyIn(collection) }))
    .filter(({ fields }) => fields.length >= 2)
    .sort((a, b) => b.fields.length - a.fields.length);
  const [best, next] = candidates;
  if (!best || best.fields.length === next?.fields.length) return undefined;
  return { collection: best.collection, fields: best.fields.slice(0, 3) };
}

/** `data` with `value` written at `pathKeys` instead, copying only the lists and fields on the way. */
function replacedAt(data: unknown, pathKeys: readonly PathKey[], value: unknown): unknown {
  if (pathKeys.length === 0) return value;
  const [key, ...rest] = pathKeys;
  const copy = (Array.isArray(data) ? [...data] : { ...(data as Record<PathKey, unknown>) }) as Record<PathKey, unknown>;
  copy[key!] = replacedAt(copy[key!], rest, value);
  return copy;
}

/** Whether the entry would break its schema nowhere at `pathKeys` with `value` written there. */
function passesWith(schema: ZodType, data: unknown, pathKeys: readonly PathKey[], value: string): boolean {
  const result = schema.safeParse(replacedAt(data, pathKeys, value));
  return result.success || !result.error.issues.some((issue) => issue.path.length === pathKeys.length && issue.path.every((key, index) => key === pathKeys[index]));
}

/** Every way an entry breaks its collection's schema, each at the key or value concerned. */
export function checkSchema(source: SourceFile): Problem[] {
  const schema = collectionSchemas[source.collection];
  const result = schema.safeParse(source.data);
  if (result.success) return [];
  const problems: Problem[] = [];
  const add = (rule: string, message: string, pathKeys: readonly PathKey[], part: 'key' | 'value' = 'value') => {
    problems.push({ file: source.file, ...positionOf(source, pathKeys, part), severity: 'error', rule, message });
  };
  // A field written under a near-miss name ("tech_lead") is one mistake: "Did you mean
  // techLead?" says it, and "techLead is missing" would say it again.
  const misspelt = new Set<string>();
  for (const issue of result.error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const pathKeys = issue.path.filter((key): key is PathKey => typeof key !== 'symbol');
    const known = Object.keys(objectAt(schema, pathKeys) ?? {});
    for (const key of issue.keys) {
      const meant = meantAmong(key, known).suggestion;
      if (meant) misspelt.add(JSON.stringify([...pathKeys, meant]));
    }
  }
  for (const issue of result.error.issues) {
    const pathKeys = issue.path.filter((key): key is PathKey => typeof key !== 'symbol');
    const where = pathKeys.length > 0 ? `"${fieldName(pathKeys)}"` : entryNouns[source.collection];
    const value = valueAt(source.data, pathKeys);
    // An id, date or quarter refused for a pasted character: right without it if the schema then takes it.
    const pastedValue = (): Pasted | undefined =>
      typeof value === 'string' ? pastedInto(value, (plain) => passesWith(schema, source.data, pathKeys, plain)) : undefined;
    if (value === undefined && misspelt.has(JSON.stringify(pathKeys))) continue;
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = Object.keys(objectAt(schema, pathKeys) ?? {});
        for (const key of issue.keys) {
          add('schema/unknown-key', explainedAmong(key, known, (meant) => checkMessages.unknownKey(key, where, meant, known)), [...pathKeys, key], 'key');
        }
        break;
      }
      case 'invalid_value': {
        const allowed = issue.values.map(String);
        const field = fieldName(pathKeys);
        if (value === undefined) {
          // Missing, not misspelt: "undefined is not a valid type" would read as the author's word.
          const parent = pathKeys.slice(0, -1);
          const owner = parent.length > 0 ? `"${fieldName(parent)}"` : entryNouns[source.collection];
          add('schema/required', checkMessages.requiredOneOf(String(pathKeys.at(-1)), owner, allowed), parent);
        } else add('schema/enum', explainedAmong(String(value), allowed, (meant) => checkMessages.notOneOf(String(value), field, allowed, meant)), pathKeys);
        break;
      }
      default: {
        const field = fieldName(pathKeys);
        const parent = pathKeys.slice(0, -1);
        if (value === undefined && issue.code !== 'custom') {
          const owner = parent.length > 0 ? `"${fieldName(parent)}"` : entryNouns[source.collection];
          add('schema/required', checkMessages.required(String(pathKeys.at(-1)), owner), parent);
        } else if (issue.code === 'custom') {
          // Cross-field rules in the schemas name their own rule id; see src/lib/check/catalogue.ts.
          // A missing field has no place of its own; the rule may name the field that made it necessary.
          const { rule, at } = (issue.params ?? {}) as { rule?: string; at?: PathKey[] };
          const place = value !== undefined ? pathKeys : (at ?? parent);
          const malformed = rule === 'schema/date' || rule === 'schema/format';
          add(rule ?? (value === undefined ? 'schema/required' : 'schema/invalid'), withPasted(issue.message, malformed ? pastedValue() : undefined), place, at && value === undefined ? 'key' : 'value');
        } else if (issue.code === 'invalid_format') {
          // Text refused as blank is prose: its message already speaks of invisible characters.
          const pasted = issue.message === messages.blankText ? undefined : pastedValue();
          add('schema/format', withPasted(`"${field}": ${issue.message.replace(/\.?$/, '.')}`, pasted), pathKeys);
        } else if (issue.code === 'invalid_type') {
          add('schema/type', checkMessages.wrongType(field, expected[issue.expected] ?? issue.expected, describe(value), value), pathKeys);
        } else if (issue.code === 'too_big' || issue.code === 'too_small') {
          const limit = String(issue.code === 'too_big' ? issue.maximum : issue.minimum);
          const what = issue.origin === 'array' ? 'list' : issue.origin === 'string' ? 'text' : 'number';
          const message = issue.code === 'too_big' ? checkMessages.tooBig(field, limit, what) : checkMessages.tooSmall(field, limit, what);
          add('schema/invalid', message, pathKeys);
        } else if (issue.code === 'invalid_union') {
          const options = new Set(
            issue.errors.flat().flatMap((inner) => (inner.code === 'invalid_type' ? [String(inner.expected)] : [])),
          );
          const wanted = options.has('date') ? expected['date']! : [...options].map((type) => expected[type] ?? type).join(' or ');
          add('schema/type', checkMessages.wrongType(field, wanted, describe(value)), pathKeys);
        } else {
          add('schema/invalid', `"${field}": ${issue.message.replace(/\.?$/, '.')}`, pathKeys);
        }
      }
    }
  }
  return problems;
}

/**
 * Markdown or HTML written in a field: the pages show fields as plain text, so
 * `**four** hours` keeps its asterisks and `[the guide](/how-we-work/)` its brackets.
 * Only forms that are plainly markup are read: bold, a link, inline code, and a tag of an
 * HTML element content may use (`<em>`, `<a href>`), not `Option<T>` or `__init__`.
 */
const markup = new RegExp(
  String.raw`\*\*[^*\s][^*]*\*\*|\[[^\]\n]+\]\([^)\s]+\)|` + '`[^`\n]+`' + String.raw`|<\/?(?:${[...allowedElements].join('|')})(?:\s[^<>]*)?\/?>`,
  'i',
);

export function checkMarkup(source: SourceFile): Problem[] {
  const problems: Problem[] = [];
  const visit = (value: unknown, pathKeys: PathKey[]): void => {
    if (typeof value === 'string') {
      const found = markup.exec(value)?.[0];
      if (found !== undefined) {
        problems.push({ file: source.file, ...positionOf(source, pathKeys), severity: 'warning', rule: 'schema/markup', message: checkMessages.markupInField(fieldName(pathKeys), found) });
      }
    } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...pathKeys, index]));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) visit(item, [...pathKeys, key]);
  };
  visit(source.data, []);
  return problems;
}

/**
 * A text field written in curly quotes (`name: “Ada Lovelace”`), pasted from a word
 * processor: YAML reads only straight quotes as quotes, so the page shows these. A warning,
 * as schema/markup is: the page still builds, and a norm may be a quotation on purpose
 * (`“You build it, you run it”`). A value the schema refuses anyway (an id, a date, a
 * choice) is left to its own message, which names the quotes already.
 */
export function checkCurlyQuotes(source: SourceFile): Problem[] {
  const found: { pathKeys: PathKey[]; value: string; quotes: NonNullable<ReturnType<typeof curlyQuotesAround>> }[] = [];
  const visit = (value: unknown, pathKeys: PathKey[]): void => {
    if (typeof value === 'string') {
      const quotes = curlyQuotesAround(value);
      if (quotes) found.push({ pathKeys, value, quotes });
    } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...pathKeys, index]));
    else if (value !== null && typeof value === 'object' && !(value instanceof Date)) for (const [key, item] of Object.entries(value)) visit(item, [...pathKeys, key]);
  };
  visit(source.data, []);
  if (found.length === 0) return [];
  const result = collectionSchemas[source.collection].safeParse(source.data);
  const refused = new Set(result.success ? [] : result.error.issues.map((issue) => JSON.stringify(issue.path)));
  return found
    .filter(({ pathKeys }) => !refused.has(JSON.stringify(pathKeys)))
    .map(({ pathKeys, value, quotes: { open, close, inner } }) => ({
      file: source.file,
      ...positionOf(source, pathKeys),
      severity: 'warning' as const,
      rule: 'schema/curly-quotes',
      message: checkMessages.curlyQuotedValue(fieldName(pathKeys), value, [open, close], quotedText(inner), bareYaml(inner) ? inner : undefined),
    }));
}

/**
 * Whether a text reads as itself without quotes, wherever in YAML it is written: it starts
 * with a letter or digit and holds nothing that ends or starts something (": ", " #", a
 * comma or bracket in a list written [a, b]).
 */
function bareYaml(text: string): boolean {
  return /^[\p{L}\p{N}]/u.test(text) && !/:(\s|$)|\s#|[,[\]{}]|\s$/.test(text);
}
