import path from 'node:path';
import type { HandbookConfig } from '../../schemas/config.ts';
import { contentDirProblem } from '../config.ts';
import { userError } from '../user-error.ts';
import { today } from '../dates.ts';
import { CheckCache } from './cache.ts';
import { bodyMessages, checkMessages, codeownersMessages } from '../messages.ts';
import { sortProblems, type Problem } from './problem.ts';
import { checkBody } from './rules/body.ts';
import { checkDiagrams, type MermaidBlock } from './rules/diagrams.ts';
import { checkLinks, type WrittenLink } from './rules/links.ts';
import { checkPublicFiles } from './rules/public.ts';
import { checkOrganisation } from './rules/organisation.ts';
import type { Org } from '../org/build.ts';
import { orgAndLeftOut, unreadEntries } from '../org/read.ts';
import { anchorsByPage, decisionIdsIn, type KnownAnchors } from '../links/anchors.ts';
import { sitePages } from '../links/routes.ts';
import { checkReferences, knownIds } from './rules/references.ts';
import { belongsElsewhere, checkCurlyQuotes, checkMarkup, checkSchema } from './rules/schema.ts';
import { readSources, type SourceFile } from './source.ts';
import { collectionFolders, entryPagePath, orgCollections, type CollectionName } from '../content/collections.ts';
import { entryNouns } from '../../schemas/index.ts';
import { CODEOWNERS_FILE, codeownersIsCurrent } from '../repo/codeowners.ts';
import { movesIn } from '../repo/renames.ts';

export interface CheckResult {
  problems: Problem[];
  files: number;
  /** The files read, for what else wants the content without reading it twice (the health summary). */
  sources: SourceFile[];
  /** Every Mermaid block authors wrote, for the build to start drawing early. */
  diagrams: MermaidBlock[];
  /** The organisation the files describe (entries that pass their schema), built once for what follows the check. */
  org: Org;
  /** The ids on each page that a link's #fragment may name, beyond the layout's (links/anchors.ts). */
  anchors: KnownAnchors;
  /**
   * Of the collections the health summary and CODEOWNERS read (`orgCollections`), those with
   * an entry left out of `org` (its fields could not be read, or do not match its schema):
   * both would be wrong about them.
   */
  outsideOrg: ReadonlySet<CollectionName>;
}

export interface CheckOptions {
  cwd?: string;
  /** The `check` settings of handbook.config.json; defaults apply without them. */
  settings?: Partial<HandbookConfig['check']>;
  today?: Date;
  /** What earlier runs on this content root worked out (cache.ts); nothing is kept without it. */
  cache?: CheckCache;
  /** The folder of files the site serves as they are, which links may name; `public/` under `cwd` by default. */
  publicDir?: string;
}

/** Checks a whole content root and returns every problem found, in file order. */
export async function checkContent(contentDir: string, options: CheckOptions = {}): Promise<CheckResult> {
  const { cwd = process.cwd(), settings = {}, cache = CheckCache.none() } = options;
  const unreadable = contentDirProblem(contentDir);
  if (unreadable) throw userError(unreadable);
  const read = readSources(contentDir, cwd, cache);
  const { problems, existing } = read;
  // A file whose fields are another collection's is one problem, where it should go: it is
  // read no further, as a file that cannot be read is not, and the collection it belongs
  // to is not whole without it either.
  const belongs = new Set<CollectionName>();
  const sources = read.sources.filter((source) => {
    const elsewhere = belongsElsewhere(source);
    if (elsewhere) {
      problems.push(misplaced(source, elsewhere.collection, elsewhere.fields));
      belongs.add(elsewhere.collection);
    }
    return !elsewhere;
  });
  // An entry whose YAML cannot be read is reported once, in its own file. What rests on a
  // collection being whole ("on no team", a gap between minutes, a missing phase) would
  // blame other files for it, so it waits until the file is fixed.
  const unread = unreadEntries(sources, existing);
  const incomplete = new Set([...unread.map((entry) => entry.collection), ...belongs]);
  // Renames are looked up in git only when an id or a link names nothing.
  const moves = movesIn(contentDir);
  const ids = { ...knownIds(sources, existing, incomplete), moves };
  const contentLabel = path.relative(cwd, contentDir) || '.';
  const diagrams: MermaidBlock[] = [];
  const links: WrittenLink[] = [];
  const bodyAnchors = new Map<string, Set<string>>();
  // Added one by one: spread into one push, a file with a great many problems overflowed the stack.
  const add = (found: Iterable<Problem>) => {
    for (const problem of found) problems.push(problem);
  };
  for (const source of sources) {
    add(checkSchema(source));
    add(checkMarkup(source));
    add(checkCurlyQuotes(source));
    add(checkReferences(source, ids, contentLabel));
    try {
      add(checkBody(source, ids, contentLabel, { diagrams, links, anchors: bodyAnchors }));
    } catch (error) {
      // Blocks nested thousands deep (">>>>…") overflow the parsers' stack: one problem at the body, not a crash naming no file.
      if (!(error instanceof RangeError && /call stack/i.test(error.message))) throw error;
      problems.push({ file: source.file, line: source.body?.line ?? 1, column: 1, severity: 'error', rule: 'mdx/syntax', message: bodyMessages.tooDeep });
    }
  }
  add(await checkDiagrams(diagrams, cache));
  add(checkPublicFiles(options.publicDir ?? path.join(cwd, 'public'), cwd));
  cache.save();
  const date = options.today ?? today();
  const { org, leftOut } = orgAndLeftOut(sources, date, unread);
  // Only what the organisation's readers read: a handbook page, stream or phase left out changes neither.
  const outsideOrg = new Set(leftOut.map((entry) => entry.collection).filter((collection) => orgCollections.has(collection)));
  // A decision id used twice is its own error (ids/decision-unique); the first one read keeps its place.
  const decisions = new Map<string, string>();
  for (const source of sources) {
    if (source.collection !== 'council') continue;
    for (const id of decisionIdsIn(source.data)) if (!decisions.has(id)) decisions.set(id, entryPagePath('council', source.id));
  }
  const anchors: KnownAnchors = { bodies: anchorsByPage(bodyAnchors), decisions };
  add(
    checkLinks(links, {
      pages: sitePages(org, existing),
      files: existing.map((entry) => entry.relative),
      contentDir,
      publicDir: options.publicDir ?? path.join(cwd, 'public'),
      contentLabel,
      anchors,
      moves,
    }),
  );
  // An entry left out would lose its reviewers in a CODEOWNERS written now: no advice to rewrite it until it is back.
  if (outsideOrg.size === 0 && codeownersIsCurrent(contentDir, cwd, org, sources) === false) {
    problems.push({ file: CODEOWNERS_FILE, line: 1, column: 1, severity: 'warning', rule: 'files/codeowners', message: codeownersMessages.stale(CODEOWNERS_FILE) });
  }
  add(
    checkOrganisation(
      sources,
      {
        today: date,
        reviewIntervalDays: settings.reviewIntervalDays ?? 180,
        councilCadenceDays: settings.councilCadenceDays ?? 14,
      },
      incomplete,
    ),
  );
  return {
    problems: sortProblems(applySeverities(oneProblemPerValue(problems), settings.rules ?? {})),
    files: new Set([...sources.map((source) => source.file), ...problems.map((problem) => problem.file)]).size,
    sources,
    diagrams,
    org,
    anchors,
    outsideOrg,
  };
}

/**
 * A reference written as a name ("Olga Ivanova") is not an id in kebab-case, and names no
 * entry: the reference's "did you mean olga-ivanova?" says both, so the format is not
 * reported again at the same place. Nor is it beside a rule saying a blank value
 * (`techLead: ""`) is missing.
 */
function oneProblemPerValue(problems: Problem[]): Problem[] {
  const place = (problem: Problem) => `${problem.file}:${problem.line}:${problem.column}`;
  // Said better at the same place: what the id should name, or that the value is missing ("").
  const saysMore = (rule: string) => rule.startsWith('references/') || rule === 'org/tech-lead' || rule === 'org/stream-aligned-stream' || rule === 'org/stream-aligned-pm';
  const referenced = new Set(problems.filter((problem) => saysMore(problem.rule)).map(place));
  return problems.filter((problem) => problem.rule !== 'schema/format' || !referenced.has(place(problem)));
}

/** A file in the folder of another kind of entry, and where to move it: minutes are named by their date. */
function misplaced(source: SourceFile, collection: CollectionName, fields: string[]): Problem {
  // A YAML file moves as Markdown, its fields as frontmatter; minutes are named by their date.
  const extension = /\.ya?ml$/i.test(source.relative) ? '.md' : path.posix.extname(source.relative);
  const written = (source.data as Record<string, unknown>)['date'];
  const day = written instanceof Date && !Number.isNaN(written.getTime()) ? written.toISOString().slice(0, 10) : typeof written === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(written.trim()) ? written.trim() : undefined;
  const stem = collection === 'council' && day ? day : path.posix.basename(source.relative, path.posix.extname(source.relative));
  const target = `${collectionFolders[collection].folder}/${stem}${extension}${extension !== path.posix.extname(source.relative) ? ' (its fields between "---" lines at the top)' : ''}`;
  return { file: source.file, line: 1, column: 1, severity: 'error', rule: 'files/wrong-folder', message: checkMessages.misplacedEntry(source.relative, entryNouns[collection], fields, entryNouns[source.collection], target) };
}

/** Applies `check.rules` from the config: a rule can be raised to an error, lowered to a warning, or turned off. */
function applySeverities(problems: Problem[], rules: Record<string, 'error' | 'warning' | 'off'>): Problem[] {
  return problems.flatMap((problem) => {
    const setting = rules[problem.rule];
    if (setting === 'off') return [];
    return setting ? [{ ...problem, severity: setting }] : [problem];
  });
}
