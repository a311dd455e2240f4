import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as jsYaml from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { collectionFolders, entryId, placeOf, reservedHandbookSegment, type CollectionName } from '../content/collections.ts';
import { isId, suggestedId } from '../ids.ts';
import { checkMessages, messages } from '../messages.ts';
import { dayWrittenOtherwise } from '../../schemas/common.ts';
import { cacheKey, CheckCache } from './cache.ts';
import { curlyQuotesAround, pastedCharacters, pastedInto, withPasted } from './characters.ts';
import type { Problem } from './problem.ts';

/** A content file read and parsed far enough to check. */
export interface SourceFile {
  absolute: string;
  /** Path relative to the working directory, as reports show it. */
  file: string;
  /** Path from the content root, with "/" between folders. */
  relative: string;
  collection: CollectionName;
  id: string;
  /**
   * The YAML document: the whole file for people, the frontmatter otherwise. Parsed when
   * first asked for when the data came from the check's cache: only positions need it.
   */
  readonly doc: Document;
  readonly lineCounter: LineCounter;
  /** Lines before the YAML starts in the file (1 for frontmatter after `---`). */
  lineOffset: number;
  /** The parsed YAML as plain data. */
  data: unknown;
  /** A hash of the file's bytes as the check read them (sha256, hex): what the dev server lets compile. */
  digest: string;
  /** Markdown body as the build compiles it, and the 1-based line and column it starts at; absent for data files. */
  body?: { text: string; line: number; column: number };
}

export interface Position {
  line: number;
  column: number;
}

type PathKey = string | number;

/** Where a value (or, with `key`, its key) sits in the file; falls back to the nearest parent that exists. */
export function positionOf(source: SourceFile, pathKeys: readonly PathKey[], part: 'key' | 'value' = 'value'): Position {
  let node: unknown = source.doc.contents;
  let best: [number, number] | undefined = rangeOf(node);
  for (const [index, key] of pathKeys.entries()) {
    const last = index === pathKeys.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === key);
      if (!pair) break;
      if (last && part === 'key') {
        best = rangeOf(pair.key) ?? best;
        break;
      }
      node = pair.value;
      // A key with no value (`mission:`) still has a place: its key.
      best = rangeOf(node) ?? rangeOf(pair.key) ?? best;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      best = rangeOf(node) ?? best;
      if (!node) break;
    } else {
      break;
    }
  }
  const offset = best ? best[0] : 0;
  const { line, col } = source.lineCounter.linePos(offset);
  return { line: line + source.lineOffset, column: col };
}

function rangeOf(node: unknown): [number, number] | undefined {
  const range = (node as Node | undefined)?.range;
  return range ? [range[0], range[1]] : undefined;
}

/**
 * `lineColumn` for many offsets in one text: the line starts are found once, so a body
 * with 40,000 links is not read from its start 40,000 times.
 */
export function lineIndex(text: string): (offset: number) => Position {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

/** 1-based line and column of a character offset in a text. */
export function lineColumn(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Every path under the content root, hidden files and symbolic links included: the build must not meet a file the check did not. */
/** Every file and symbolic link under `dir`, without following links, in a stable order. */
export function walk(dir: string): { path: string; kind: 'file' | 'symlink'; size: number }[] {
  const found: { path: string; kind: 'file' | 'symlink'; size: number }[] = [];
  for (const name of readdirSync(dir).sort()) {
    // Git's own: a content folder kept as its own repository or submodule has one. Git never
    // tracks a path named .git, so no pull request can put anything there.
    if (name === '.git') continue;
    const full = path.join(dir, name);
    const stat = lstatSync(full);
    if (stat.isSymbolicLink()) found.push({ path: full, kind: 'symlink', size: stat.size });
    else if (stat.isDirectory()) found.push(...walk(full));
    else found.push({ path: full, kind: 'file', size: stat.size });
  }
  return found;
}


/** UTF-16 by its byte-order mark, or by text whose every other byte is zero. */
export function isUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  const sample = bytes.subarray(0, Math.min(bytes.length, 512) & ~1);
  if (sample.length < 4) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index += 2) {
    if (sample[index] === 0) evenZeros++;
    if (sample[index + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  // Mostly Latin text without a mark: one byte of each pair is zero, the other almost never.
  return (evenZeros > pairs * 0.6 && oddZeros === 0) || (oddZeros > pairs * 0.6 && evenZeros === 0);
}

/**
 * Astro's own frontmatter pattern (@astrojs/internal-helpers/frontmatter): it opens at
 * the start of the file and closes at the first line that starts with --- or +++. What
 * it leaves is the body Astro compiles, so the checker reads the same split; a test pins
 * the two together.
 */
const astroFrontmatter = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

/**
 * Splits a Markdown file the way the build will, or says where it is ambiguous. Anything
 * but a first line of exactly "---" and a closing line of exactly "---" is refused, so
 * that no reader (the checker, Astro, an editor) can see a different body.
 */
export function splitFrontmatter(
  text: string,
  kind: 'md' | 'mdx' = 'md',
): { yaml: string; body: string; bodyLine: number; bodyColumn: number } | { problem: string; line: number } {
  const match = astroFrontmatter.exec(text);
  if (!match) {
    // Opened but never closed reads as "no frontmatter" to the build; say what is missing.
    if (/^---[ \t]*\n/.test(text)) return { problem: checkMessages.frontmatterUnclosed, line: 1 };
    return { problem: checkMessages.noFrontmatter, line: 1 };
  }
  if (!text.startsWith('---')) return { problem: checkMessages.frontmatterNotFirst, line: 1 };
  const raw = match[1]!;
  const closingLine = lineColumn(text, match[0].length - 3).line;
  if (!text.startsWith('---\n')) return { problem: checkMessages.frontmatterOpening, line: 1 };
  const rest = text.slice(match[0].length);
  if (!match[0].endsWith('---') || !/^[ \t]*(\n|$)/.test(rest)) return { problem: checkMessages.frontmatterClosing, line: closingLine };
  // The body exactly as the build compiles it. MDX compiles the whole file with the
  // frontmatter blanked out (so lines keep their numbers); Markdown renders the rest of
  // the file trimmed, which turns an indented first line from code into Markdown.
  const blanked = text.replace(`---${raw}---`, `   ${raw.replace(/[^\r\n]/g, ' ')}   `);
  if (kind === 'mdx') return { yaml: raw.slice(1, -1), body: blanked, bodyLine: 1, bodyColumn: 1 };
  const start = lineColumn(text, /^\s*/.exec(blanked)![0].length);
  return { yaml: raw.slice(1, -1), body: blanked.trim(), bodyLine: start.line, bodyColumn: start.column };
}

/**
 * Which collection a path under the content root belongs to, if it is where the model says
 * it goes. Markdown saved as invoicing.markdown is told the name to give it, and counts as
 * that entry meanwhile, so references to it are not wrong too.
 */
function classify(relative: string): { collection: CollectionName; inCollection: string } | { wrong: string; meant?: { collection: CollectionName; id: string } } {
  const place = placeOf(relative);
  if (!('wrong' in place)) return place;
  if (place.wrong === 'folder') return { wrong: checkMessages.wrongFolder(relative) };
  if (place.wrong === 'nested') return { wrong: checkMessages.nestedEntry(relative, place.folder) };
  const markdown = /^([^/]+)\.(?:markdown|mdown|mkdn|mkd|mdwn|txt)$/i.exec(relative.slice(place.folder.length + 1));
  if (markdown && place.collection !== 'people') {
    const id = meantName(markdown[1]!);
    if (id) return { wrong: checkMessages.markdownExtension(relative, `${place.folder}/${id}.md`), meant: { collection: place.collection, id } };
  }
  return { wrong: checkMessages.wrongKind(relative, place.folder, place.collection === 'people' ? '.yaml' : '.md or .mdx') };
}

/**
 * Why a file's name cannot name its entry, if it cannot. Astro's loader reads only the
 * lowercase extensions its patterns list, cannot open a name with "#" or "?", and makes
 * the page's address from the rest as written; the content model asks for kebab-case ids.
 * Minutes are named by date, which their own rule checks.
 */
function fileNameProblem(
  relative: string,
  collection: CollectionName,
  inCollection: string,
  fileOf: ReadonlyMap<string, string>,
): { message: string; intended?: string } | undefined {
  const extension = /\.[^./]+$/.exec(inCollection)![0];
  const stem = inCollection.slice(0, -extension.length);
  const segments = collection === 'handbook' ? stem.split('/') : [stem];
  const badSegments = collection === 'council' ? [] : segments.filter((segment) => !isId(segment));
  const goodExtension = extension.toLowerCase();
  if (badSegments.length === 0 && extension === goodExtension) return undefined;
  const folder = collectionFolders[collection].folder;
  if (badSegments.length === 0) return { message: checkMessages.extensionCase(relative, goodExtension, `${folder}/${stem}${goodExtension}`) };
  const renamed = segments.map((segment) => (isId(segment) ? segment : meantName(segment)));
  const suggestion = renamed.every(Boolean) ? `${[folder, ...renamed].join('/')}${goodExtension}` : undefined;
  const intended = entryId(renamed.join('/'));
  // "invoicing (1).md" beside invoicing.md: a second copy, not a name to fix.
  const original = suggestion ? fileOf.get(`${collection}/${intended}`) : undefined;
  if (original !== undefined) return { message: checkMessages.copyOf(relative, original, intended) };
  const pasted = pastedInto(badSegments[0]!, isId);
  const message = withPasted(checkMessages.fileNameNotId(relative, badSegments[0]!, /[#?]/.test(stem), suggestion), pasted, suggestion !== undefined);
  // Meanwhile the entry counts under the id it is meant to have: references to "invoicing"
  // are right, and a file saved as Invoicing.md must not make a dozen other files wrong.
  return suggestion ? { message, intended } : { message };
}

/**
 * The id a file name was meant to be: what a second download adds taken off
 * ("invoicing (1)"), and an extension written twice (invoicing.md.md), a pasted
 * character replaced ("kwame‑asante", a Cyrillic "е"), then made kebab-case.
 */
function meantName(name: string): string {
  const plain = pastedCharacters(name)?.plain ?? name;
  return suggestedId(plain.replace(/\.(?:mdx?|ya?ml)$/i, '').replace(/\s*\(\d+\)$/, ''));
}

function parseYaml(text: string): { doc: Document; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  return { doc: parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' }), lineCounter };
}

/**
 * Reads every file under the content root. Whatever cannot be read as an entry (wrong
 * folder, empty, binary, not UTF-8, broken YAML) becomes a problem with a position, never
 * an exception. A file whose text the cache has seen is not parsed again (cache.ts).
 */
export function readSources(
  contentDir: string,
  cwd: string = process.cwd(),
  cache: CheckCache = CheckCache.none(),
): { sources: SourceFile[]; problems: Problem[]; existing: { collection: CollectionName; id: string; relative: string }[] } {
  const sources: SourceFile[] = [];
  // Entries whose files exist, readable or not: a reference to a broken file is not also a broken reference.
  const existing: { collection: CollectionName; id: string; relative: string }[] = [];
  const problems: Problem[] = [];
  // The file checked for each collection and id.
  const firstWithId = new Map<string, { relative: string; file: string; absolute: string; badName: boolean }>();
  const files = walk(contentDir);
  // The file whose name makes each entry as written, to tell a copy ("ledger (1).md") from a name to fix.
  const fileOf = new Map<string, string>();
  for (const { path: absolute } of files) {
    const place = placeOf(path.relative(contentDir, absolute).split(path.sep).join('/'));
    if (!('wrong' in place)) fileOf.set(`${place.collection}/${entryId(place.inCollection)}`, `${collectionFolders[place.collection].folder}/${place.inCollection}`);
  }
  for (const { path: absolute, kind, size } of files) {
    const file = path.relative(cwd, absolute) || absolute;
    const relative = path.relative(contentDir, absolute).split(path.sep).join('/');
    const at = (rule: string, message: string, line = 1, column = 1): void => {
      problems.push({ file, line, column, severity: 'error', rule, message });
    };
    const name = path.basename(absolute);
    if (kind === 'symlink') {
      at('files/symlink', checkMessages.symlink);
      continue;
    }
    // An empty .gitkeep holds nothing a page could load; every other name is checked, whatever it is.
    if (name === '.gitkeep' && size === 0) continue;
    if (relative.split('/').some((segment) => segment.startsWith('.'))) {
      at('files/hidden', checkMessages.hidden(relative));
      continue;
    }
    const place = classify(relative);
    if ('wrong' in place) {
      at('files/wrong-folder', place.wrong);
      if (place.meant) existing.push({ ...place.meant, relative });
      continue;
    }
    const id = entryId(place.inCollection);
    const reserved = place.collection === 'handbook' ? reservedHandbookSegment(id) : undefined;
    if (reserved !== undefined) {
      at('files/reserved-path', messages.handbookPathReserved(file, reserved));
      continue;
    }
    // A name the build would drop or mangle is reported, and the file is still checked:
    // the author fixes both before the next run.
    const badName = fileNameProblem(relative, place.collection, place.inCollection, fileOf);
    if (badName !== undefined) at('files/name', badName.message);
    // runway.md and runway.mdx, or guides.md and guides/index.md: the build keeps one.
    // A file the build can read is checked in preference to one it cannot (grace.yaml
    // over grace.YAML, which sorts first).
    const idKey = `${place.collection}/${id}`;
    const first = firstWithId.get(idKey);
    if (first !== undefined && !(first.badName && badName === undefined)) {
      at('files/duplicate-id', checkMessages.duplicateId(relative, first.relative, id));
      continue;
    }
    if (first !== undefined) {
      problems.push({ file: first.file, line: 1, column: 1, severity: 'error', rule: 'files/duplicate-id', message: checkMessages.duplicateId(first.relative, relative, id) });
      const dropped = sources.findIndex((source) => source.absolute === first.absolute);
      if (dropped !== -1) sources.splice(dropped, 1);
    }
    firstWithId.set(idKey, { relative, file, absolute, badName: badName !== undefined });
    existing.push({ collection: place.collection, id: badName?.intended ?? id, relative });
    const bytes = readFileSync(absolute);
    // Editors on Windows save "Unicode" as UTF-16, whose ASCII letters each carry a zero byte.
    if (isUtf16(bytes)) {
      at('files/encoding', checkMessages.utf16);
      continue;
    }
    if (bytes.includes(0)) {
      at('files/binary', checkMessages.binary);
      continue;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const good = firstInvalidUtf8(bytes);
      // Where the text before the bad byte ends, in characters as an editor counts them, not bytes.
      const before = new TextDecoder().decode(bytes.subarray(0, good));
      const { line, column } = lineColumn(before, before.length);
      at('files/encoding', checkMessages.notUtf8, line, column);
      continue;
    }
    text = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
    const loneReturn = text.indexOf('\r');
    if (loneReturn !== -1) {
      // A lone CR ends a line for some readers and not for others: refuse rather than guess.
      const { line, column } = lineColumn(text, loneReturn);
      at('files/encoding', checkMessages.loneCarriageReturn, line, column);
      continue;
    }
    if (text.trim() === '') {
      at('files/empty', checkMessages.empty);
      continue;
    }

    let yamlText = text;
    let lineOffset = 0;
    let body: SourceFile['body'];
    if (place.collection !== 'people') {
      const split = splitFrontmatter(text, /\.mdx$/i.test(absolute) ? 'mdx' : 'md');
      if ('problem' in split) {
        at('files/frontmatter', split.problem, split.line);
        continue;
      }
      yamlText = split.yaml;
      lineOffset = 1;
      body = { text: split.body, line: split.bodyLine, column: split.bodyColumn };
    }

    const key = cacheKey(place.collection === 'people' ? 'yaml' : 'frontmatter', text);
    // From the cache, or read as the build reads it, the document is parsed only if a
    // problem asks where a value is.
    let yaml: ReturnType<typeof parseYaml> | undefined;
    let data = cache.parse(key)?.data;
    if (data === undefined) {
      const read = readYaml(yamlText, place.collection !== 'people');
      yaml = read.yaml;
      if ('problems' in read) {
        for (const problem of read.problems) at('yaml/syntax', problem.message, problem.line + lineOffset, problem.column);
        continue;
      }
      if (!isPlainObject(read.data)) {
        at('yaml/not-a-mapping', checkMessages.notAMapping, 1 + lineOffset, 1);
        continue;
      }
      if (reusesCollection(read.data)) {
        const alias = firstAlias((yaml ??= parseYaml(yamlText)));
        at('yaml/alias', checkMessages.yamlAlias, alias.line + lineOffset, alias.column);
        continue;
      }
      data = read.data;
      for (const problem of read.dates) at('schema/date', problem.message, problem.line + lineOffset, problem.column);
      for (const problem of read.cuts) at('yaml/comment', problem.message, problem.line + lineOffset, problem.column);
      // Kept only without problems of its own, which a run from the cache would not see.
      if (read.dates.length === 0 && read.cuts.length === 0) cache.storeParse(key, { data });
    }
    sources.push({
      absolute,
      file,
      relative,
      collection: place.collection,
      id,
      get doc() {
        return (yaml ??= parseYaml(yamlText)).doc;
      },
      get lineCounter() {
        return (yaml ??= parseYaml(yamlText)).lineCounter;
      },
      lineOffset,
      data,
      digest: createHash('sha256').update(bytes).digest('hex'),
      ...(body ? { body } : {}),
    });
  }
  return { sources, problems, existing };
}

const { YAMLException } = jsYaml;
type YAMLException = jsYaml.YAMLException;

/** js-yaml's own timestamp type, exported at run time though its type declarations omit it. */
const buildTimestamp = (jsYaml as unknown as { types: { timestamp: jsYaml.Type } }).types.timestamp;
/** Timestamps read during the current `loadYaml` call that are not a real day written YYYY-MM-DD, and the day js-yaml made of them. */
let oddTimestamps: OddDate[] = [];

interface OddDate {
  text: string;
  readAs: Date;
}
/**
 * The build's schema, with its timestamp type watched: js-yaml turns 2026-02-30 into
 * 2 March and takes a time of day, and the schema only ever sees the Date it made. The
 * data stays exactly the build's; what it made of an odd date is reported beside it.
 */
const watchedSchema = jsYaml.DEFAULT_SCHEMA.extend({
  implicit: [
    new jsYaml.Type('tag:yaml.org,2002:timestamp', {
      kind: 'scalar',
      resolve: (data: string) => buildTimestamp.resolve(data),
      construct: (data: string) => {
        const date = buildTimestamp.construct(data) as Date;
        if (!/^\d{4}-\d{2}-\d{2}$/.test(data) || date.toISOString().slice(0, 10) !== data) oddTimestamps.push({ text: data, readAs: date });
        return date;
      },
      instanceOf: Date,
    }),
  ],
});

function loadYaml(text: string): { data: unknown; oddDates: OddDate[] } {
  oddTimestamps = [];
  try {
    return { data: jsYaml.load(text, { schema: watchedSchema }), oddDates: oddTimestamps };
  } finally {
    oddTimestamps = [];
  }
}

/**
 * Whether a list or mapping is in the data twice: js-yaml gives an alias the anchor's own
 * object, so every walk over the data (the schema, the markup rule, the build's) visits it
 * again wherever it is named. Each object is visited once here.
 */
function reusesCollection(data: unknown): boolean {
  const seen = new WeakSet<object>();
  const reused = (value: unknown): boolean => {
    if (typeof value !== 'object' || value === null || value instanceof Date) return false;
    if (seen.has(value)) return true;
    seen.add(value);
    return Object.values(value).some(reused);
  };
  return reused(data);
}

/** Where the first alias of a list or mapping is written, 1-based. */
function firstAlias({ doc, lineCounter }: ReturnType<typeof parseYaml>): { line: number; column: number } {
  let at = 0;
  visit(doc, {
    Alias(_key, node) {
      const target = node.resolve(doc);
      if (target && !isScalar(target)) {
        at = node.range?.[0] ?? 0;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  const { line, col } = lineCounter.linePos(at);
  return { line, column: col };
}

/** Merge keys and complex keys: where the two YAML parsers would see different fields. */
const mayReadDifferently = /<<|(?:^|[\s{[,])\?(?:\s|$)/m;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * A file's YAML as data, read by the parser the build reads it with (js-yaml, in Astro's
 * frontmatter reader and its data loader), so that the schema vets exactly what the build
 * gets: an unquoted `title: 2026-05-14` is a date there, not text. The stricter `yaml`
 * parser, which knows where every value is, runs only when it is needed: to say where
 * the YAML breaks, and to refuse merge and complex keys in frontmatter. There the
 * parsers see different fields, and MDX would turn a "layout" field into an import.
 */
function readYaml(
  yamlText: string,
  frontmatter: boolean,
):
  | { data: unknown; yaml?: ReturnType<typeof parseYaml>; dates: YamlProblem[]; cuts: YamlProblem[] }
  | { problems: YamlProblem[]; yaml?: ReturnType<typeof parseYaml> } {
  let data: unknown;
  let dates: YamlProblem[] = [];
  let failure: YAMLException | undefined;
  try {
    // Byte for byte what the build parses: Astro's frontmatter reader keeps the newlines
    // after the opening and before the closing "---".
    const read = loadYaml(frontmatter ? `\n${yamlText}\n` : yamlText);
    data = read.data ?? {};
    dates = oddDatesAt(yamlText, read.oddDates);
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    failure = error;
  }
  // Only a file with " #" and a character straight after it can have a value cut short by a
  // comment; the stricter parser, which knows where values end, reads only those.
  const mayBeCut = /[ \t]#\S/.test(yamlText);
  const cutsIn = (yaml: ReturnType<typeof parseYaml>) => (mayBeCut ? cutByComments(yaml, yamlText) : []);
  if (failure === undefined && !(frontmatter && mayReadDifferently.test(yamlText))) {
    if (!mayBeCut) return { data, dates, cuts: [] };
    const yaml = parseYaml(yamlText);
    return { data, yaml, dates, cuts: cutsIn(yaml) };
  }
  const yaml = parseYaml(yamlText);
  const { doc, lineCounter } = yaml;
  if (doc.errors.length > 0) {
    // After the first error the parser is lost, and what it reports next (seven errors for one
    // field out of line) follows from it; a field written twice is a mistake of its own.
    const first = doc.errors.find((error) => error.code !== 'DUPLICATE_KEY');
    return {
      yaml,
      problems: doc.errors
        .filter((error) => error.code === 'DUPLICATE_KEY' || error === first)
        .map((error) => {
          const { line, col } = lineCounter.linePos(error.pos[0]);
          // The error marks where the key starts; its text runs to the colon.
          const key = /^\s*(?:"([^"]*)"|'([^']*)'|([^:#\n]+?))\s*:/.exec(yamlText.slice(error.pos[0]))?.slice(1).find((part) => part !== undefined);
          const message = error.code === 'DUPLICATE_KEY' && key ? checkMessages.duplicateKey(key) : yamlErrorMessage(error.code, error.message, yamlText.split('\n')[line - 1] ?? '');
          return { message, line, column: col };
        }),
    };
  }
  if (failure !== undefined) {
    // Lines count from 0, and from the opening "---" in frontmatter.
    const line = failure.mark ? failure.mark.line + (frontmatter ? 0 : 1) : 1;
    const column = failure.mark ? failure.mark.column + 1 : 1;
    return { yaml, problems: [{ message: frontmatter ? checkMessages.yamlDisagrees(failure.reason) : checkMessages.yamlSyntax(failure.reason), line, column }] };
  }
  const theirs = isPlainObject(data) ? Object.keys(data).sort() : [];
  const ours = isPlainObject(doc.toJS()) ? Object.keys(doc.toJS() as object).sort() : [];
  if (theirs.join('\n') !== ours.join('\n')) {
    return { yaml, problems: [{ message: checkMessages.yamlDisagrees(theirs.filter((key) => !ours.includes(key))), line: 1, column: 1 }] };
  }
  return { data, yaml, dates, cuts: cutsIn(yaml) };
}

/**
 * Values a " #" cuts short. YAML reads `mission: We are the #1 team` as the text "We are
 * the" and a comment, so the page shows "We are the". A comment written on purpose starts
 * "# "; a "#" with a character straight after it is a Slack channel, a number or a tag.
 */
function cutByComments({ doc, lineCounter }: ReturnType<typeof parseYaml>, yamlText: string): YamlProblem[] {
  const cuts: YamlProblem[] = [];
  visit(doc, {
    Scalar(key, node, ancestors) {
      // A key that holds the "#" is not a value; its own message is YAML's.
      if (node.type !== 'PLAIN' || !node.range || key === 'key') return;
      // `mission: #1 team` leaves the value empty: the "#" is where it would have started.
      const empty = node.value === null && node.range[0] === node.range[1];
      const rest = (empty ? /^()#\S[^\r\n]*/ : /^([ \t]+)#\S[^\r\n]*/).exec(yamlText.slice(node.range[1]));
      if (!rest) return;
      // One word and "#…" after it (`reportsTo: grace-hopper #manager`, a date, an id) is
      // most likely a comment on a value, not a sentence cut short: quoting it would break it.
      if (!empty && !/\s/.test(yamlText.slice(node.range[0], node.range[1]))) return;
      const parent = ancestors.at(-1);
      const pair = isSeq(parent) ? ancestors.at(-2) : parent;
      const field = pair && typeof pair === 'object' && 'key' in pair && isScalar(pair.key) ? String(pair.key.value) : undefined;
      const name = field === undefined ? undefined : isSeq(parent) ? `${field}[${String(key)}]` : field;
      const shown = yamlText.slice(node.range[0], node.range[1]);
      // A comment written on purpose after it ("# as of 2026") stays a comment.
      const whole = `${shown}${yamlText.slice(node.range[1]).match(/^[^\r\n]*/)![0]}`.replace(/\s+#\s.*$/, '').trimEnd();
      const { line, col } = lineCounter.linePos(node.range[1] + rest[1]!.length);
      // “We are the #1 team”, in a word processor's quotes: straight ones were meant.
      const curly = curlyQuotesAround(whole);
      cuts.push({ message: checkMessages.cutByComment(name, shown, quotedText(curly?.inner ?? whole), curly !== undefined), line, column: col });
    },
  });
  return cuts;
}

/**
 * What to do about the YAML slips authors make most, in their words rather than the
 * parser's: a field with no space after its colon, or a non-breaking one; a value holding
 * ": "; a value starting with "@", "`" or a quote that goes on after it.
 */
function yamlErrorMessage(code: string, detail: string, lineText: string): string {
  const field = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(.*)$/.exec(lineText);
  if (!field) return checkMessages.yamlSyntax(detail);
  const key = field[2]!;
  const after = field[3]!;
  // "mission:Keep the books" is one word to YAML, not a field: it needs a space after the colon.
  if (/^(?!\/\/)[^\s]/.test(after)) return checkMessages.noSpaceAfterColon(key, after);
  const pasted = /^[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/.exec(after);
  if (pasted) return withPasted(checkMessages.spaceAfterColon(key), pastedInto(`${key}:${after}`.trimEnd(), () => false));
  const value = after.trim();
  if (code === 'BLOCK_AS_IMPLICIT_KEY' && /:\s/.test(value)) {
    // “Keep the books: all of them”, in a word processor's quotes: straight ones were meant.
    const curly = curlyQuotesAround(value);
    return checkMessages.colonInValue(key, `${key}: ${quotedText(curly?.inner ?? value)}`, curly !== undefined);
  }
  if (code === 'BAD_SCALAR_START' && key === 'github' && /^@[\w-]+$/.test(value)) return checkMessages.githubAt(`github: ${value.slice(1)}`);
  if (code === 'BAD_SCALAR_START' && value !== '') return checkMessages.valueStart(value[0]!, `${key}: ${quotedText(value)}`);
  if (code === 'UNEXPECTED_TOKEN' && /^["']/.test(value)) {
    // 'It's fine' is quoted already, and cut by its own apostrophe: quote what is inside the other way.
    const inside = value.length > 1 && value.endsWith(value[0]!) ? value.slice(1, -1) : value;
    return checkMessages.valueStart(value[0]!, `${key}: ${quotedText(inside)}`);
  }
  return checkMessages.yamlSyntax(detail);
}

/** A text in YAML's quotes, as it reads: in single quotes when it holds a double one. */
export function quotedText(text: string): string {
  return text.includes('"') && !text.includes("'") ? `'${text}'` : JSON.stringify(text);
}

interface YamlProblem {
  message: string;
  line: number;
  column: number;
}

/** Where each odd timestamp is written, in order (a timestamp is a plain scalar, so its text is in the YAML as read). */
function oddDatesAt(yamlText: string, dates: OddDate[]): YamlProblem[] {
  let from = 0;
  return dates.map(({ text, readAs }) => {
    const offset = yamlText.indexOf(text, from);
    from = offset === -1 ? from : offset + text.length;
    // A real day with a time of day is told the day; any other is told what the build would make of it.
    const meant = /^\d{4}-\d{2}-\d{2}$/.test(text) ? undefined : dayWrittenOtherwise(text);
    const message = meant && 'day' in meant ? messages.dateWrittenOtherwise(text, meant.day, true) : checkMessages.impossibleDate(text, readAs.toISOString().slice(0, 10));
    return { message, ...lineColumn(yamlText, Math.max(offset, 0)) };
  });
}

/** Offset of the first byte that does not belong to a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    if (length === 0) return index;
    for (let next = 1; next < length; next++) {
      const continuation = bytes[index + next];
      if (continuation === undefined || (continuation & 0xc0) !== 0x80) return index;
    }
    index += length;
  }
  return bytes.length;
}
