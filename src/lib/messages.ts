/**
 * Every text a handbook author or operator reads from the program lives here, so that
 * wording stays consistent and tests can pin it.
 */
import type { CurlyQuote, PastedCharacter } from './check/characters.ts';

/** `3 questions`, `1 question`: the count with its noun. */
export function plural(count: number, noun: string, many = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : many}`;
}

/** `3 April` for `2026-04-03`: which day a date stands for, in words (dates.ts imports this module, so not its humanDate). */
const dayAndMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });
const humanDay = (day: string) => dayAndMonth.format(new Date(`${day}T00:00:00Z`));

export const messages = {
  configNotJson: (file: string, detail: string) =>
    `${file} is not valid JSON (${detail}). Fix the syntax, or delete the file to use the defaults.`,
  configInvalid: (file: string, problems: string[]) =>
    `${file} has settings the handbook does not understand:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee "Configuration" in README.md for every option.`,
  unknownRule: (rule: string, suggestion: string | undefined) =>
    `There is no rule "${rule}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Every rule is listed on the handbook's /checks/ page.`,
  fixedRule: (rule: string) =>
    `"${rule}" keeps content from running code or reading files outside the content folder (or a file from being compiled unread), so it is always an error: remove it from "check.rules".`,
  cacheDirCommitted: (dir: string, file: string) =>
    `diagrams.cacheDir "${dir}" holds files committed to the repository (${file}), and the build puts the drawings it finds there into pages as they are. Keep the cache in a folder no commit writes to, such as the default, node_modules/.cache/handbook-diagrams, and remove the committed files.`,
  envInvalid: (name: string, value: string, why: string) => `${name} is "${value}": ${why.replace(/^./, (first) => first.toLowerCase())}.`,
  todayInvalid: (value: string) => `HANDBOOK_TODAY is "${value}", which is not a day: write it as YYYY-MM-DD, for example 2026-11-20, or unset it to use today.`,
  schemaRule: (rule: string) =>
    `"${rule}" is held by the content schemas, which the build applies too: a build would stop on it whatever the check says. It is always an error: remove it from "check.rules".`,
  contentDirNotFolder: (dir: string) =>
    `The content folder ${dir} is a file, not a folder. Point "content" in handbook.config.json (or HANDBOOK_CONTENT) at the folder that holds people/, teams/ and the rest.`,
  contentDirMissing: (dir: string) =>
    `The content folder ${dir} does not exist. Create it, or point "content" in handbook.config.json (or HANDBOOK_CONTENT) at your handbook's content folder.`,
  invalidDate: 'Expected a date written as YYYY-MM-DD, for example 2026-05-14.',
  dateWrittenOtherwise: (written: string, day: string, withTime: boolean) =>
    withTime ? `"${written}" has a time of day; dates here are days: write ${day}.` : `"${written}" is not written YYYY-MM-DD: write ${day}.`,
  dateEither: (written: string, [dayFirst, monthFirst]: [string, string]) =>
    `"${written}" could be ${humanDay(dayFirst)} or ${humanDay(monthFirst)}: write the day as YYYY-MM-DD, ${dayFirst} or ${monthFirst}.`,
  blankText: 'Only spaces or invisible characters, which readers would see as nothing. Write the text itself.',
  invalidQuarter: 'Expected a quarter written as YYYY-Qn, for example 2026-Q3.',
  invalidId: 'Expected an id in kebab-case (lowercase letters, digits and single dashes), for example "cash-insights".',
  streamRequired: 'A stream-aligned team needs a "stream": the id of the value stream it serves.',
  missingForActive: (field: string) =>
    `"${field}" is required for an active charter. Fill it in, or mark the charter "status: draft" while the team works it out.`,
  techLeadRequired:
    'Every team except the leadership team has one tech lead: set "techLead" to a person id, or mark the charter "status: draft".',
  githubHandle: (written: string) => {
    const handle = /github\.com\/([A-Za-z0-9-]+)/i.exec(written)?.[1];
    return handle ? `Expected a GitHub handle, not an address: write "${handle}".` : 'Expected a GitHub handle such as "octocat".';
  },
  roadmapWhen: 'Give either "quarter" (YYYY-Qn) or both "start" and "end" dates.',
  roadmapBoth: 'Give either "quarter" or "start" and "end", not both: the roadmap uses the dates and never shows the quarter. Remove the one that is out of date.',
  endBeforeStart: '"end" is before "start".',
  rangeOrder: 'Write the range as [min, max] with min not above max.',
  rangesMiss: ([productMin, productMax]: readonly [number, number], [technicalMin, technicalMax]: readonly [number, number]) =>
    `No mix within these ranges adds up to 100%: product ${productMin}–${productMax}% leaves technical ${100 - productMax}–${100 - productMin}%, not ${technicalMin}–${technicalMax}%. Correct one of the two ranges.`,
  kindNotInCategory: (kind: string, category: string, allowed: readonly string[]) =>
    `"${kind}" is not a ${category} asset kind. Use one of: ${allowed.join(', ')}, or "other".`,
  handbookPathReserved: (file: string, segment: string) =>
    segment === 'index'
      ? `${file} would be the home page, which the handbook makes itself (what it holds, Start here, the current phase). Rename it, such as handbook/welcome.md; start-here.md is the page the home page points new hires to.`
      : segment === '404'
        ? `${file} would be the not-found page, which the handbook makes itself. Rename it.`
        : `${file} would be served at /${segment}/…, which the site's own ${segment} pages use. Move it to another folder or rename it.`,
  buildStopped: (errors: number) =>
    `handbook check found ${errors} error${errors === 1 ? '' : 's'} (listed above), so the site was not built. Fix them and build again; "npm run check" lists them without building.`,
  devStopped: (errors: number) =>
    `handbook check found ${errors} error${errors === 1 ? '' : 's'} (listed above) that the dev server cannot start on: content it would run unvetted (content-safety errors, or files the check could not read through), or an entry that does not match its schema, which Astro's content layer refuses. Fix them and start it again. Once it runs, a mistake you save is reported here and its page keeps its last good version.`,
  devSavedError: (errors: number, keptBack: boolean) =>
    `${errors === 1 ? 'This error' : `These ${errors} errors`} came with your last save. Until ${errors === 1 ? 'it is' : 'they are'} fixed, ${keptBack ? 'the page shows its last good version, and ' : ''}"npm run build" stops.`,
  devNotVetted: (file: string) => `${file} is not a file the check read, so the dev server does not compile it. Move it into the content folder's collections, or run "npm run check".`,
  devCheckFailed: (detail: string) => `The check of a change to the content failed (${detail}), so the dev server stopped rather than serve it unchecked. Start it again.`,
  devStoppedOnChange: (errors: number) =>
    `A change to the content has ${errors} error${errors === 1 ? '' : 's'} (listed above) that the dev server will not run: content-safety errors, or files the check could not read through. The dev server stopped; fix them and start it again.`,
  choicesMissAnswer: (near: string | undefined) =>
    `The "choices" of a multiple-choice question must include the "answer" exactly as written.${near === undefined ? '' : ` The choice "${near}" differs from it only in case or spacing: write the two the same.`}`,
  choiceRepeated: (choice: string, first: number, again: number) =>
    `Choice ${again} ("${choice}") repeats choice ${first}: the quiz would offer the same answer twice. Remove one, or write a different wrong answer.`,
} as const;

/** "a", "a and b", "a, b and c". */
const inWords = (items: string[]): string => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

type Place = PastedCharacter['places'][number];
const atAnEnd = (place: Place) => place.at === 1 || place.last;

/** `an invisible zero-width space (U+200B) after "kwame"`, `a non-breaking hyphen (U+2011) at character 6, where "-" was probably meant`. */
function pastedCharacter({ name, code, kind, meant, places }: PastedCharacter): string {
  // Where an invisible character or a space is, is said by its neighbours: a count would include what cannot be seen.
  const shortly = (text: string) => (Array.from(text).length > 20 ? `…${Array.from(text).slice(-19).join('')}` : text);
  const where =
    kind === 'invisible' || kind === 'space'
      ? inWords(places.map((place) => (place.at === 1 ? 'at the start' : place.last ? 'at the end' : `after "${shortly(place.before)}"`)))
      : `at character${places.length === 1 ? '' : 's'} ${inWords(places.map((place) => String(place.at)))}`;
  const article = kind === 'invisible' ? 'an invisible' : /^[aeio]/i.test(name) ? 'an' : 'a';
  return `${article} ${name} (${code}) ${where}${pastedInstead(kind, meant, places)}`;
}

/** What a pasted character stands for, where that needs saying: an invisible one, or a space at an end, is only deleted. */
function pastedInstead(kind: PastedCharacter['kind'], meant: string, places: readonly Place[]): string {
  if (kind === 'letter') return `, which looks like the Latin "${meant}"`;
  if (kind === 'space') return places.every(atAnEnd) ? '' : ', where a plain space was probably meant';
  if (kind === 'invisible') return '';
  return meant === '"' || meant === "'" ? `, where a straight quote (${meant}) was probably meant` : `, where "${meant}" was probably meant`;
}

/** A sentence with ": " in it, read by YAML as a one-field mapping: `- Core hours: 10:00-15:00`. */
const colonHint = (expected: string, value: unknown): string => {
  if (expected !== 'text' || value === null || typeof value !== 'object' || Array.isArray(value)) return '';
  const entries = Object.entries(value);
  if (entries.length !== 1 || (typeof entries[0]![1] !== 'string' && typeof entries[0]![1] !== 'number')) return '';
  return ` The ": " in it makes YAML read a field: put the whole text in quotes, "${`${entries[0]![0]}: ${String(entries[0]![1])}`.replace(/["\\]/g, '\\$&')}".`;
};

/** What to do about a YAML tag nobody meant: text that happens to start with "!". */
const tagHint = (detail: string): string => (/unknown tag/i.test(detail) ? ' A value that starts with "!" is read as a YAML tag: put it in quotes.' : '');

/** What `handbook check` says about files it cannot read as entries, and about their fields. */
export const checkMessages = {
  curlyQuotedValue: (field: string, value: string, [open, close]: readonly [CurlyQuote, CurlyQuote], straight: string, bare: string | undefined) => {
    const named = ({ name, code }: CurlyQuote) => `${/^[aeio]/i.test(name) ? 'an' : 'a'} ${name} (${code})`;
    const quotes = open.character === close.character ? `${named(open)} at each end` : `${named(open)} and ${named(close)}`;
    return `"${field}" is ${value}, in curly quotes: ${quotes}. YAML does not read them as quotes, so the page would show them. Write ${straight}, with straight quotes${bare === undefined ? '' : `, or ${bare}, with none`}.`;
  },
  markupInField: (field: string, found: string) =>
    `"${field}" is shown as plain text, so "${found.length > 60 ? `${found.slice(0, 59)}…` : found}" would appear on the page as written. Write it without Markdown or HTML; links and formatting belong in the page's text below the frontmatter.`,
  wrongFolder: (relative: string) =>
    `${relative} is not in a folder the handbook reads. Content goes in people/, teams/, streams/, assets/, phases/, council/ or handbook/.`,
  misplacedEntry: (relative: string, noun: string, fields: string[], folderNoun: string, target: string) =>
    `${relative} has the fields of ${noun} (${fields.map((field) => `"${field}"`).join(', ')}), not of ${folderNoun}: each folder holds one kind of entry. Move it to ${target}.`,
  markdownExtension: (relative: string, renamed: string) =>
    `${relative}: the build reads Markdown only from .md and .mdx files, so this one is not read. Rename it to ${renamed}.`,
  wrongKind: (relative: string, folder: string, extension: string) =>
    `${relative}: files in ${folder}/ must be ${extension} files, so this one is not read. ${
      /\.ya?ml$/i.test(relative) && folder !== 'people'
        ? `Write it as ${relative.replace(/\.ya?ml$/i, '.md')}, its fields between "---" lines at the top; or, if it describes a person, move it to people/${relative.split('/').pop()}.`
        : 'Rename or move it.'
    }`,
  nestedEntry: (relative: string, folder: string) =>
    `${relative} is in a subfolder of ${folder}/, where entries are not read. Move it directly into ${folder}/ (only handbook/ has subfolders).`,
  extensionCase: (relative: string, extension: string, suggestion: string) =>
    `${relative}: the build reads only files ending in lowercase ${extension}, so this one would be missing from the site. Rename it to ${suggestion}.`,
  copyOf: (relative: string, original: string, id: string) =>
    `${relative} looks like a second copy of ${original}, the entry "${id}". Keep one: move what the copy adds into ${original}, then delete the copy.`,
  fileNameNotId: (relative: string, name: string, unreadable: boolean, suggestion: string | undefined) =>
    `${relative}: "${name}" is not an id. File names are ids in kebab-case (lowercase letters, digits and single dashes): entries refer to each other by id, and page addresses are made from them.${
      unreadable ? ' The build cannot even read a name with "#" or "?", so this page would be missing from the site.' : ''
    } ${suggestion ? `Rename it to ${suggestion}.` : 'Rename it in kebab-case, such as cash-insights.'}`,
  duplicateId: (relative: string, first: string, id: string) =>
    `${relative} and ${first} both make the entry "${id}", and the site would show only one of them. Merge them into one file, or rename one.`,
  binary: 'This is a binary file, not text. Content files are Markdown or YAML; put images in public/.',
  utf16: 'This file is saved as UTF-16 ("Unicode" in some Windows editors), which the build reads as binary. Save it as UTF-8.',
  notUtf8: 'This file is not valid UTF-8 text (the first bad byte is here). Save it as UTF-8.',
  empty: 'This file is empty. Fill it in (see the content model) or delete it.',
  frontmatterNotFirst: 'The frontmatter must start on the first line of the file: remove what comes before the first "---".',
  frontmatterOpening:
    'The first line must be exactly "---" (nothing after it) to open the frontmatter; the build would read this file differently from the check.',
  frontmatterClosing:
    'The frontmatter ends at the first line starting with "---" or "+++", and that line must be exactly "---". Quote or reword the value that starts this line, or put "---" on a line of its own.',
  loneCarriageReturn:
    'This file ends lines with a lone carriage return (old Mac style), which tools read differently. Save it with LF (or CRLF) line endings.',
  symlink:
    'This is a symbolic link. Content must be real files: a link can point the build at files outside the repository. Replace it with the file itself.',
  hidden: (relative: string) =>
    `${relative} is a hidden file in the content folder. It is not content, and a page could load it into the build: delete it (and add it to .gitignore if a tool makes it).`,
  frontmatterUnclosed:
    'The frontmatter opened on this line is never closed, so the build would read no fields at all. Add a line "---" after the last field, before the text.',
  noFrontmatter:
    'This file has no frontmatter. Start it with a line "---", the fields, and another "---" before the text.',
  yamlSyntax: (detail: string) =>
    /multiple documents|single document/i.test(detail)
      ? 'A "---" line here starts a second YAML document, and a people file is one: plain "field: value" lines, without "---" lines (those belong to Markdown frontmatter). Remove the "---" lines.'
      : `The YAML here cannot be read: ${detail.replace(/ at line \d+, column \d+:?[\s\S]*$/, '')}.${tagHint(detail)}`,
  noSpaceAfterColon: (key: string, value: string) =>
    `"${key}:" needs a space after the colon, or YAML reads the whole line as one word: write "${key}: ${value.length > 40 ? `${value.slice(0, 39)}…` : value}".`,
  cutByComment: (field: string | undefined, kept: string, whole: string, curly = false) =>
    `YAML reads "#" and everything after it as a comment, so ${field === undefined ? 'this value' : `"${field}"`} is ${kept === '' ? 'empty' : `only "${kept}"`}. Put the whole value in ${curly ? 'straight quotes (YAML reads curly ones as text)' : 'quotes'}: ${whole}. (A comment is written "# ", with a space.)`,
  spaceAfterColon: (key: string) => `"${key}:" needs an ordinary space after the colon, or YAML does not see a field.`,
  colonInValue: (key: string, written: string, curly = false) =>
    `The value of "${key}" holds ": ", which YAML reads as the start of another field. Put the whole value in ${curly ? 'straight quotes (YAML reads curly ones as text)' : 'quotes'}: ${written}.`,
  valueStart: (character: string, written: string) =>
    `A value that starts with ${character === '"' || character === "'" ? 'a quote' : `"${character}"`} must be in quotes as a whole, or YAML reads it as something else: ${written}.`,
  githubAt: (written: string) => `YAML cannot read a value starting with "@" unquoted, and a GitHub handle is written without it: ${written}.`,
  duplicateKey: (key: string) => `"${key}" is written a second time here: a field has one value. Keep the one that holds, and delete the other.`,
  yamlDisagrees: (detail: string | string[]) =>
    typeof detail === 'string'
      ? `The build cannot read this frontmatter (${detail}), although it looks like YAML.${tagHint(detail) || ' Simplify it: one "field: value" per line.'}`
      : `The build reads this frontmatter differently${detail.length > 0 ? ` (it also sees ${detail.map((key) => `"${key}"`).join(', ')})` : ''}. Avoid YAML merge keys ("<<") and complex keys ("? …"): write each field out.`,
  impossibleDate: (text: string, readAs: string) =>
    `${text} is not a real day: the build would read it as ${readAs}. Write the date as YYYY-MM-DD, for example 2026-05-14.`,
  githubMore: (errors: number, warnings: number, shown: number) =>
    `${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'}: GitHub marks only the first ${shown} of each in the changed files. This log lists them all; "npm run check" shows them grouped by file.`,
  notAMapping: 'The YAML here is not a set of "field: value" lines. Write one field per line, e.g. "name: Invoicing".',
  yamlAlias:
    'This YAML alias (*name) repeats a list or mapping written elsewhere in the file with &name. The handbook does not read these: a few lines of them can expand to millions of values. Write the values out where they are used.',
  unknownKey: (key: string, where: string, suggestion: string | undefined, known: readonly string[]) =>
    suggestion
      ? `Unknown field "${key}" in ${where}. Did you mean "${suggestion}"?`
      : `Unknown field "${key}" in ${where}. The fields allowed here are: ${known.join(', ')}.`,
  required: (field: string, where: string) =>
    `${where.charAt(0).toUpperCase()}${where.slice(1)} needs "${field}", and it is missing.`,
  requiredOneOf: (field: string, where: string, allowed: readonly string[]) =>
    `${where.charAt(0).toUpperCase()}${where.slice(1)} needs "${field}", and it is missing. Use one of: ${allowed.join(', ')}.`,
  notOneOf: (value: string, field: string, allowed: readonly string[], suggestion: string | undefined) =>
    `"${value}" is not a valid ${field}.${suggestion ? ` Did you mean "${suggestion}"?` : ''} Use one of: ${allowed.join(', ')}.`,
  tooBig: (field: string, limit: string, what: 'number' | 'list' | 'text') =>
    what === 'list' ? `"${field}" has too many items: at most ${limit}.` : what === 'text' ? `"${field}" is too long: at most ${limit} characters.` : `"${field}" must be at most ${limit}.`,
  tooSmall: (field: string, limit: string, what: 'number' | 'list' | 'text') =>
    what === 'list'
      ? `"${field}" needs at least ${limit} item${limit === '1' ? '' : 's'}.`
      : what === 'text'
        ? `"${field}" must not be empty.`
        : `"${field}" must be at least ${limit}.`,
  wrongType: (field: string, expected: string, got: string, value?: unknown) =>
    `"${field}" should be ${expected}, not ${got}.${expected === 'text' && /^(a date|number|boolean)\b/.test(got) ? ' Without quotes, YAML reads the value that way: put it in quotes to make it text.' : ''}${
      expected === 'a list' && typeof value === 'string' && value.trim() !== ''
        ? ` Write it in square brackets: ${field.split('.').pop()}: [${value
            .split(',')
            .map((item) => item.trim())
            .filter(Boolean)
            .join(', ')}]`
        : ''
    }${expected === 'a list' && value === null ? ` Write ${field.split('.').pop()}: [] for none, or list them under it, one "- " per line.` : ''}${colonHint(expected, value)}`,
  unknownRef: (kind: string, id: string, field: string, suggestion: string | undefined, fileHint: string) =>
    `No ${kind} has the id "${id}" (in ${field}).${suggestion ? ` Did you mean "${suggestion}"?` : ''} ${fileHint}`,
  renamedRef: (kind: string, id: string, field: string, renamed: string, now: string) =>
    `No ${kind} has the id "${id}" (in ${field}) any more: ${renamed}. Write "${now}".`,
  /**
   * The characters pasted into a rejected value that look like others or like nothing
   * (check/characters.ts): each named, with its code and where it stands, then what to do.
   * `fixed` is the value without them when that is right and the message does not say it yet.
   */
  pastedCharacters: (value: string, found: readonly PastedCharacter[], fixed: string | undefined) => {
    const shown = found.slice(0, 3).map(pastedCharacter);
    if (found.length > 3) shown.push(plural(found.length - 3, 'other character'));
    const said = shown.length < 3 ? shown.join(', and ') : `${shown.slice(0, -1).join(', ')}, and ${shown.at(-1)}`;
    const count = found.reduce((sum, character) => sum + character.places.length, 0);
    const deleted = found.filter((character) => character.kind === 'invisible' || (character.kind === 'space' && character.places.every(atAnEnd))).length;
    const verb = deleted === found.length ? 'delete' : deleted === 0 ? 'retype' : 'delete or retype';
    return `"${value}" contains ${said}: ${fixed !== undefined ? `write "${fixed}"` : `${verb} ${count === 1 ? 'it' : 'them'}`}.`;
  },
  /** How a rename reads in the messages above: "teams/ledger.md was renamed to teams/ledger-team.md" (in git). */
  renamed: (from: string, to: string) => `${from} was ${from.slice(0, from.lastIndexOf('/')) === to.slice(0, to.lastIndexOf('/')) ? 'renamed' : 'moved'} to ${to}`,
} as const;

/** What the organisation rules and warnings of `handbook check` say. */
export const ruleMessages = {
  systemOwners: (system: string, others: string[]) =>
    `"${system}" is also owned by ${others.map((team) => `"${team}"`).join(', ')}. A system has exactly one owning team: agree on the owner and remove it from the other charters.`,
  streamAlignedNeedsPm: 'A stream-aligned team needs a "productManager" (a person id) for its product direction.',
  ownerNotOnTeam: (owner: string) =>
    `"${owner}" owns this responsibility but is not on the team. Add them to "members", or give the responsibility to someone on the team.`,
  investmentSum: (product: number, technical: number) =>
    `The investment mix adds up to ${product + technical}% (product ${product} + technical ${technical}); it must add up to 100.`,
  noCurrentPhase: 'No phase is marked "current: true". Mark the phase the organisation is in now.',
  manyCurrentPhases: (others: string[]) =>
    `More than one phase is current (also ${others.join(', ')}). Exactly one phase is current: set "current: false" on the others.`,
  reportingCycle: (chain: string[]) =>
    chain.length === 2
      ? `"${chain[0]}" reports to themselves. A reporting line ends at someone who reports to no one (usually the CEO): name their manager, or remove "reportsTo".`
      : `This reporting line goes round in a circle: ${chain.join(' → ')}. It must end at someone who reports to no one (usually the CEO): change one "reportsTo".`,
  selfInteraction: 'A team does not interact with itself: this "team" is the charter\'s own id. Name the other team.',
  unknownPhase: (id: string, phases: readonly string[], suggestion: string | undefined, extension: string) =>
    `"${id}" is not one of the four phases (${phases.join(', ')}). ${suggestion ? `Did you mean "${suggestion}"? Rename the file to phases/${suggestion}${extension}.` : 'Rename the file to the phase it describes.'}`,
  missingPhases: (missing: string[], extension: string) =>
    `The phases page shows the four phases side by side, but ${inWords(missing.map((id) => `"${id}"`))} ${missing.length === 1 ? 'has' : 'have'} no file. Add ${inWords(missing.map((id) => `phases/${id}${extension}`))}.`,
  phaseOutOfPlace: (id: string, phases: readonly string[], order: number, place: number) =>
    `"${id}" is phase ${place} of the four (${phases.join(', ')}), but its order is ${order}. Write "order: ${place}".`,
  phaseOrder: (order: number, others: string[]) =>
    `"order: ${order}" is also the order of ${others.map((id) => `"${id}"`).join(' and ')}. The phases follow one another: give each its own place.`,
  supersedesCycle: (chain: string[]) =>
    `This "supersedes" chain loops back on itself: ${chain.join(' → ')}. A decision can only replace an earlier one.`,
  duplicateDecision: (id: string, elsewhere: string) =>
    `The decision id "${id}" is already used in ${elsewhere}. Decision ids are unique across all minutes: pick a new id.`,
  decisionIdTaken: (id: string) =>
    `The decision id "${id}" is already the id of a section of the meeting's page, so a link to this decision would land there instead. Pick another id.`,
  duplicateRoadmapItem: (id: string) =>
    `The roadmap id "${id}" appears twice in these minutes. State each item once per meeting (a later meeting may restate it to update it).`,
  councilDate: (fileDate: string, date: string) =>
    `These minutes are dated ${date} but the file is named ${fileDate}. Rename the file to ${date}.md or fix "date".`,
  councilFileName: (name: string, rename?: string) =>
    `Council minutes are named by their date, YYYY-MM-DD.md; "${name}" is not a date.${rename ? ` Rename the file to ${rename}.` : ''}`,
  draftMissing: (field: string, what: string) =>
    `This draft charter has no "${field}" yet: ${what}. Fill it in before removing "status: draft".`,
  noValueMetric: 'No metric has "kind: value". Add at least one metric that shows the value the team creates, not only its activity.',
  twoTeams: (person: string, teams: string[]) =>
    `"${person}" is a member of several non-leadership teams (${teams.join(', ')}). A person has one first team; pick one.`,
  icWithoutTeam: (person: string) =>
    `"${person}" is an individual contributor on no team's charter. Add them to their team's "members".`,
  futureDate: (field: string, date: string, today: string) =>
    `"${field}" is ${date}, after today (${today}): it says when something happened, so it cannot be later than today. Check the year and the month.`,
  joinedAhead: (date: string, today: string) =>
    `"joined" is ${date}, after today (${today}): the roster is the people who are here, and the charters, the org chart and the quiz already count this person in. Check the year and the month; for someone who has not started yet, add their file on their first day.`,
  supersedesLater: (id: string, later: string, date: string) =>
    `"${id}" supersedes "${later}", which was decided later (${date}). A decision can only replace an earlier one: check the ids.`,
  notMarkedSuperseded: (id: string, by: string, status: string) =>
    `"${id}" is superseded by "${by}", but its status is still ${status || 'unset'}: the decisions log would show both as standing. Set "status: superseded".`,
  supersededByNothing: (id: string) =>
    `"${id}" is marked superseded, but no accepted decision supersedes it: the decisions log cannot say what replaced it. Add "supersedes: ${id}" to the decision that replaced it, or set the status the council gave it.`,
  interactionTwice: (team: string, mode: string) =>
    `"${team}" is already in "interactions"${mode ? ` (as ${mode})` : ''}: a team interacts with another in one mode at a time, and the topology would draw both. Keep the one that holds now.`,
  minutesAhead: (date: string, today: string, cadence: number) =>
    `These minutes are dated ${date}, more than one cadence (${cadence} days) after today (${today}). Minutes for the next meeting are fine; this is likely a typo in the year or the month.`,
  interactionModesDiffer: (team: string, mode: string, theirs: string, theirFile: string) =>
    `This charter says ${mode} with "${team}", but ${theirFile} says ${theirs} with this team: the topology would draw both. Agree on the mode that holds now, and write the same in both charters (or in one).`,
  attendeeTwice: (person: string) => `"${person}" is listed twice in "attendees". Keep one.`,
  presentAndAbsent: (person: string) => `"${person}" is in both "attendees" and "absent": the minutes would show them as both. Keep them in one list.`,
  sameGithubHandle: (handle: string, other: string, theirs: string) =>
    `${other} has this GitHub handle too${theirs === handle ? '' : ` ("${theirs}": GitHub ignores case)`}: CODEOWNERS would ask one person to review for both. Check whose account "${handle}" is, and correct the other.`,
  sameTeamName: (name: string, other: string) =>
    `Another charter, ${other}, has the name "${name}": readers could not tell the two teams apart in lists, search and the org chart. Give each team its own name.`,
  interactionEnded: (team: string, mode: string | undefined, until: string, days: number) =>
    `The interaction with "${team}"${mode ? ` (${mode})` : ''} ended on ${until}, ${days} ${days === 1 ? 'day' : 'days'} ago: the topology and the charter's chart no longer draw it. Remove it from "interactions", or set a later "until" if it goes on.`,
  interactionEndedHereOnly: (team: string, mode: string, until: string, theirFile: string) =>
    `This charter says the interaction with "${team}" (${mode}) ended on ${until}, but ${theirFile} states it with no end that has passed: the topology still draws it. Agree whether it goes on, and write the same in both charters.`,
  staleCharter: (days: number, interval: number) =>
    `This charter was last reviewed ${days} days ago, more than the ${interval}-day review interval. Revisit the agreement with the team and update "reviewed".`,
  neverReviewed: 'This charter has no "reviewed" date. Add the date the team last revisited the agreement.',
  attendeeNotTechLead: (person: string) =>
    `"${person}" attended the council but is not the tech lead of any team. The council is the pods' tech leads; check the id or the charters.`,
  councilGap: (days: number, previous: string, cadence: number) =>
    `${days} days passed since the previous minutes (${previous}), more than twice the ${cadence}-day cadence. Were minutes missed?`,
  assetChangedAfterUpdated: (change: string, updated: string) =>
    `The change log has a change on ${change}, after "updated" (${updated}): readers and /health/ go by the later date. Set "updated" to ${change}, or correct the change's date.`,
  assetNoQuestions: 'This asset has no "questions". Add a few that any individual contributor should be able to answer, so it can be part of the quiz.',
} as const;

/** A URL as a message quotes it: control characters spelt out, and a long one cut short. */
function shown(url: string): string {
  const visible = url.replace(/[\u0000-\u001f\u007f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return visible.length > 120 ? `${visible.slice(0, 119)}…` : visible;
}

/** What `handbook check` says about links written in page bodies (check/rules/links.ts). */
export const linkMessages = {
  noPage: (written: string, sitePath: string, from: string | undefined, suggestion: string | undefined) =>
    `"${shown(written)}" leads to no page: this handbook has no ${shown(sitePath)}.` +
    (from ? ` A relative link is read from the address of the page it is on, ${from}.` : '') +
    (suggestion
      ? ` Did you mean ${suggestion}?`
      : ' Link to a page\'s address, such as /teams/<id>/, or to its file, read from the folder of this one.'),
  noScheme: (written: string, sitePath: string, meant: string) =>
    `"${shown(written)}" has no "https://", so it is read as an address on this site, ${shown(sitePath)}, which leads nowhere. For the other site, write ${shown(meant)}.`,
  noPublicFile: (written: string, file: string) =>
    `"${shown(written)}" names no file: there is no ${shown(file)}. Files the site serves as they are go in public/: public/images/map.png is /images/map.png.`,
  noFile: (written: string, file: string, suggestion: string | undefined) =>
    `"${shown(written)}" names no file: there is no ${shown(file)}.${suggestion ? ` Did you mean ${suggestion}?` : ' Check the path, which is read from the folder of this file.'}`,
  outside: (written: string) =>
    `"${shown(written)}" leads out of the content folder, to a file the site has no page for. Link to a page of the handbook, or to the file on the web with a full https:// address.`,
  backslash: (written: string) =>
    `"${shown(written)}" has a backslash, which browsers read as "/" and Markdown does not. Write links with "/": ../teams/<id>.md.`,
  rootFile: (written: string, page: string, file: string) =>
    `"${shown(written)}" is read as an address on the site, and the site serves pages, not their files. Link to the page, ${page}, or to the file from this one's folder, ${file}.`,
  noAnchor: (written: string, page: string, fragment: string, suggestion: string | undefined) =>
    `"${shown(written)}" leads to ${shown(page)}, which has no section "#${shown(fragment)}": the link opens at the top of the page.` +
    (suggestion ? ` Did you mean #${suggestion}?` : ' Link to the page alone, or to the id of one of its headings (## Our mission is #our-mission).'),
  noPageForFile: (written: string, file: string) =>
    `"${shown(written)}" names ${shown(file)}, which is no page of the handbook. Link to a page instead, by its address (/teams/<id>/) or its file.`,
  movedPage: (written: string, renamed: string, now: string) =>
    `"${shown(written)}" is the old address of a page: ${renamed}. Link to ${shown(now)}; the old address only redirects there.`,
  movedFile: (written: string, renamed: string, now: string) => `"${shown(written)}" names a file that has moved: ${renamed}. Link to ${shown(now)}.`,
} as const;

/** What `handbook check` says about Markdown and MDX bodies: syntax, and what content may not do. */
export const bodyMessages = {
  unclosedTag: (name: string) =>
    `<${name}> is opened here and never closed, so what follows would be inside it, up to the end of the page and the page's own sections below the text. Close it with </${name}>.`,
  mdxSyntax: (detail: string, voidTag?: string) =>
    `This MDX cannot be read: ${detail}. ` +
    (voidTag
      ? `In MDX every tag is closed, <${voidTag}> too: write <${voidTag} /> (with its attributes before the "/>").`
      : 'In MDX a bare "<" or "{" starts a tag or an expression: write \\< or \\{ for the character itself.'),
  unclosedFence: (fence: string) =>
    `This code block is never closed, so everything after it, to the end of the text, shows as code: headings, links and lists too. Add ${fence} on a line of its own where the code ends.`,
  mermaidCase: (lang: string) => `The build draws only blocks marked \`\`\`mermaid, in lowercase: this \`\`\`${lang} block would show its source as code. Write \`\`\`mermaid.`,
  curlyQuotes: (attribute: string, quote: string) =>
    `The value of "${attribute}" starts with a curly quote (${quote}), which HTML does not read as a quote, so the tag breaks. Use straight quotes: ${attribute}="…" (curly ones usually come from pasting out of a word processor).`,
  htmlHeadingNoId: (level: number) =>
    `A heading written in HTML (<h${level}>) gets no id, so no link can lead to it. Write it in Markdown: "${'#'.repeat(level)} …", or give it an id.`,
  htmlHeadingNested: (level: number) =>
    `This page sets the text's headings a level down, under its own heading for the text, but a heading written in HTML (<h${level}>) stays as written, beside the page's own sections. Write it in Markdown: "${'#'.repeat(level)} …".`,
  secondH1:
    'The page shows its title as its one top heading; a "#" heading in the text makes a second, which screen readers and search take for another title. Start the text\'s sections at "##".',
  referenceUndefined: (written: string, text: string, label: string, suggestion: string | undefined) =>
    `"${written}" is a reference-style link, but nothing defines "[${label}]": the page shows it as written, brackets and all.` +
    (suggestion
      ? ` Did you mean [${suggestion}]?`
      : ` Define it on a line of its own, [${label}]: /teams/<id>/, or write the address in the link: [${text}](/teams/<id>/).`),
  markdownInHtml: (written: string, open: string | undefined, closed: boolean) =>
    `"${written}" shows as written, marks and all: in a .md file, a block that starts with an HTML tag${open ? ` (here <${open}>)` : ''} is HTML up to the next blank line, and Markdown inside it is not read. ` +
    `Put the Markdown on lines of its own, with a blank line above it and one below it${closed ? `, before </${open}>` : ''}; or write it in HTML: <strong>, <em>, <a href="…">, <code>.`,
  spacedLink: (written: string, meant: string, kind: 'link' | 'image', lineBreak: boolean) =>
    `"${written}" is not ${kind === 'link' ? 'a link' : 'an image'}: Markdown reads one only where "(" follows "]" directly, so the page shows the brackets and the address as written. ` +
    `Remove the ${lineBreak ? 'line break' : 'space'} between "]" and "(": ${meant}`,
  footnoteUndefined: (label: string, suggestion: string | undefined) =>
    `"[^${label}]" is a footnote, but no "[^${label}]: …" line gives its text: the page shows it as written.` +
    (suggestion ? ` Did you mean [^${suggestion}]?` : ` Add the note on a line of its own: [^${label}]: The note.`),
  footnoteUnused: (label: string) =>
    `Nothing in the text refers to the footnote "[^${label}]", so the page leaves it out, text and all. Refer to it with [^${label}] where it belongs, or remove it.`,
  noName: {
    link: 'This link has no text, so a screen reader announces only "link" and nobody can tell where it leads. Write what it leads to between the brackets or tags: [the Ledger charter](/teams/ledger/).',
    heading: 'This heading has no text: screen readers list an empty heading, and the page an empty section title. Write the heading, or remove the line.',
    image:
      'This image has no alt text, so a screen reader reads out its file name. Describe it with alt="…", or write alt="" if it is only decoration.',
  },
  componentInMarkdown: (name: string, module: string) =>
    `<${name}> is a content component, and components work only in .mdx files: in a .md file it is an unknown HTML tag. Rename this file to end in .mdx, and import the component at the top: import { ${name} } from '${module}';`,
  importInMarkdown: (module: string) =>
    `Imports from "${module}" work only in .mdx files: in a .md file this line is shown as text. Rename this file to end in .mdx.`,
  refInLink: (written: string) =>
    `<${written}> is a link of its own, and here it sits inside another link. Browsers cannot put a link inside a link: they end the outer one early, and readers get neither as written. Move <${written}> out of the link, or write the name as plain text in it.`,
  linkInRef: (written: string) =>
    `This link sits inside <${written}>, which is a link of its own. Browsers cannot put a link inside a link: they end the outer one early, and readers get neither as written. Move the link out of <${written}>.`,
  linkInLink:
    'This link sits inside another link. Browsers cannot put a link inside a link: they end the outer one early, and readers get neither as written. Move it out, next to the other.',
  secondFrontmatter:
    'The text starts with a second block between "---" lines, which the build drops unseen. Remove the "---" lines, or put text before them.',
  esmSyntax: (detail: string) => `This import line cannot be read: ${detail}.`,
  importNotAllowed: (specifier: string, module: string, names: readonly string[]) =>
    `Content may import only from "${module}", not "${specifier}": whatever a page imports runs during the build. The components are: ${names.join(', ')}.`,
  importForm: (module: string, names: readonly string[]) =>
    `Import components by name, for example: import { ${names.join(', ')} } from '${module}';`,
  importUnknownName: (name: string, module: string, suggestion: string | undefined, names: readonly string[]) =>
    `"${module}" has no component "${name}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} It has: ${names.join(', ')}.`,
  exportNotAllowed:
    'Content may not "export" anything: an export is code that runs during the build. Put data in the frontmatter instead.',
  expression:
    'Only a literal value (text in quotes, a number, true or false) may go between { and }; this is code, which would run during the build. Write the value itself, or write \\{ for a brace in text.',
  spreadAttribute: 'A {...} spread attribute is code that runs during the build. Write each attribute out, for example type="note".',
  element: (tag: string) =>
    `<${tag}> is not one of the HTML tags content may use: it can run or embed code, or fake parts of the page. Use Markdown, or link to what you want to show, for example [the dashboard](https://…). The allowed tags are listed on the handbook's /checks/safety/element/ page.`,
  elementNotComponent: (tag: string, component: string) =>
    `<${tag}> is not one of the HTML tags content may use. Did you mean the component <${component}>? Components start with a capital letter.`,
  html: 'This HTML is written in a way a browser may read differently from the check, so it is refused. Write plain tags: attributes separated by spaces, values in quotes, every tag closed with ">", comments closed with "-->". Or use Markdown.',
  tooDeep: 'This body nests quotes, lists or tags too deep to be read: thousands of levels. Flatten it; a reader follows a few levels at most.',
  imageEscape: (url: string, escaped: string | undefined) =>
    `"${url}" is an image address the build cannot read: it would drop this page's text, or stop. "%" starts an escape of two hex digits (%20 is a space).` +
    (escaped ? ` Write %25 for a percent sign: "${escaped}".` : ' Write the character itself, or its escape in UTF-8.'),
  imagePath: (url: string) =>
    `"${url}" is a relative image path, which the build would import as code. Put the image in public/ and write its path from the site root (for example /images/team.png), or use an https:// address.`,
  style: (found: string) =>
    `This style sets ${found}, which content may not: a page could move something over the site's own header and text, or load something from elsewhere when it is read. A style may set colours, text styles, borders, padding and sizes, with plain values; or use Markdown.`,
  reachingAttribute: (attribute: string) =>
    attribute.toLowerCase() === 'class' || attribute.toLowerCase() === 'classname'
      ? `"${attribute}" would give this element the site's own styles or behaviour (such as its search panel, laid over the page). Content may not use classes: use Markdown, or a "style" with colours and text styles.`
      : `"${attribute}" would send the reader's clicks or the page's address to another site. Remove the attribute.`,
  opener:
    'rel="opener" lets the page this link opens take over the reader\'s tab, such as to show a look-alike login page. Remove "opener" from "rel".',
  autofocus: '"autofocus" moves the reader\'s focus, and the page, away from its top when it opens. Remove the attribute.',
  importedTwice: (name: string) => `"${name}" is imported twice in this page, and the build cannot compile a name declared twice. Import each component once.`,
  importNameTaken: (local: string, name: string) =>
    `"${local}" is a name the compiled page already uses, so the build cannot compile it. Import the component under its own name, or another: import { ${name} as Note } from '@handbook/components';`,
  eventHandler: (attribute: string) =>
    `"${attribute}" is an event handler, which runs script in the reader's browser. Content may not run script: remove the attribute.`,
  siteAttribute: (attribute: string) =>
    `"${attribute}" is an attribute the site's own search, new-hire path or quiz reads; in content it would change what they show for every reader. Remove it.`,
  slot: '"slot" hands this element to a named slot of the page, which no page has: the build drops it, and its text with it. Remove the attribute.',
  directive: (attribute: string) =>
    `"${attribute}" injects raw HTML or code, which content may not do. Write the content as Markdown instead.`,
  url: (scheme: string) =>
    `A "${scheme}:" URL can run script or smuggle content into the page, so content may not use one. Link to an https:// address, or put the file in public/ and link to its path.`,
  componentNotImported: (name: string, module: string) =>
    `<${name}> is used but not imported. Add this line below the frontmatter: import { ${name} } from '${module}';`,
  componentUnknown: (name: string, suggestion: string | undefined, names: readonly string[]) =>
    `<${name}> is not a component content may use.${suggestion ? ` Did you mean <${suggestion}>?` : ''} The components are: ${names.join(', ')}; HTML tags are written in lowercase.`,
  propUnknown: (component: string, prop: string, suggestion: string | undefined, props: readonly string[]) =>
    `<${component}> has no "${prop}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} It takes: ${props.join(', ')}.`,
  propMissing: (component: string, prop: string) => `<${component}> needs "${prop}", and it is missing.`,
  idTaken: (id: string, onEveryPage: boolean, suggestion: string) =>
    `id="${id}" is taken: ${onEveryPage ? 'every page has it already, in the site\'s own layout' : 'this page\'s layout gives it to a section of its own'}. An id names one element, so links to #${id}, the page's own included, would lead to only one of the two. Use another id, such as id="${suggestion}".`,
  addressNotText: (attribute: string, written: string, address: string | undefined) =>
    `${attribute}={${written}} is not an address: the page would get ${address === undefined ? `no ${attribute} at all` : `${attribute}="${address}"`}, which leads nowhere. Write the address as text, in quotes: ${attribute}="${/^(href|cite)$/i.test(attribute) ? '/teams/<id>/' : '/images/<file>'}", or ${attribute}="https://…" for another site.`,
  propNotText: (component: string, prop: string) => `<${component}>'s "${prop}" must be text, for example ${prop}="…".`,
  propValue: (component: string, prop: string, value: string, suggestion: string | undefined, values: readonly string[]) =>
    `"${value}" is not a valid "${prop}" for <${component}>.${suggestion ? ` Did you mean "${suggestion}"?` : ''} Use one of: ${values.join(', ')}.`,
} as const;

/** What the build says about diagrams. */
export const diagramMessages = {
  noBrowser: (why: string, count: number) =>
    `Diagrams: ${why}, so ${count} diagram${count === 1 ? '' : 's'} will be drawn in the reader's browser instead of at build time. Install Chromium (on Debian or Ubuntu: apt install chromium), or point "diagrams.chromium" in handbook.config.json (or HANDBOOK_CHROMIUM) at a Chromium or Chrome executable.`,
  renderFailed: (title: string, page: string, error: string, at: { written?: string | undefined; lineOfDiagram?: number | undefined; text: string }) =>
    `  - ${at.written ? `${at.written}: ` : ''}"${title}" on ${page} (${at.lineOfDiagram ? `line ${at.lineOfDiagram} of the diagram` : 'first line'}: ${at.text}): ${error}`,
  renderStopped: (failures: string[]) =>
    `${failures.length} diagram${failures.length === 1 ? '' : 's'} could not be drawn, so the build stopped:\n${failures.join('\n')}\nFix the diagram's Mermaid source. "npm run check" reports Mermaid syntax errors at their line, but some mistakes only show when a diagram is drawn, such as an impossible date in a gantt chart.`,
  summary: (stats: { diagrams: number; pages: number; rendered: number; cached: number; deferred: number; renderMs: number }) =>
    `Diagrams: ${stats.diagrams} on ${stats.pages} page${stats.pages === 1 ? '' : 's'}; ${stats.rendered} rendered${
      stats.rendered > 0 ? ` in ${(stats.renderMs / 1000).toFixed(1)} s` : ''
    }, ${stats.cached} from cache${stats.deferred > 0 ? `, ${stats.deferred} left for the reader's browser` : ''}.`,
  early: (count: number) => `Diagrams: ${plural(count, 'diagram')} drawn while the pages rendered.`,
  earlyFailed: (reason: string) => `Diagrams could not start drawing while the pages rendered (${reason}); they are drawn now instead, which takes longer.`,
  syntax: (detail: string) =>
    `This Mermaid diagram does not parse ${detail}. Check that brackets and quotes are closed and every arrow has both ends; the syntax is at https://mermaid.js.org/intro/syntax-reference.html.`,
  ganttDate: (written: string) =>
    `"${written}" is not a day of the calendar, and this gantt chart's dates are written YYYY-MM-DD: Mermaid would stop the build drawing it. Write a real day, such as 2026-05-14.`,
  unknownType: (first: string) =>
    `"${first}" is not a Mermaid diagram type. Start the block with one, such as "flowchart LR", "sequenceDiagram", "gantt" or "timeline".`,
};

/** The /health/ page and the summary at the end of `npm run check`. */
export const healthMessages = {
  sections: {
    'stale-charters': { title: 'Charters past their review date', fix: 'Revisit the agreement with the team and set "reviewed" to the day you did.' },
    'draft-charters': { title: 'Charters still in draft', fix: 'Fill in what the draft lacks with the team, then remove "status: draft" so the charter holds.' },
    'unowned-systems': { title: 'Systems without a clear owner', fix: 'Keep each system in the "owns" of exactly one active charter.' },
    'no-tech-lead': { title: 'Pods without a tech lead', fix: 'Set "techLead" in the charter to the person id of the pod\'s tech lead.' },
    'people-on-no-team': { title: 'People on no team', fix: 'Add each person to their first team\'s "members", or remove people who have left.' },
    'stale-assets': { title: 'Assets not updated in a year', fix: 'Have the owner team check the asset, record what changed under "changes", and set "updated".' },
    'overdue-actions': { title: 'Overdue council actions', fix: 'Mark the action done in its minutes, or carry it into the next minutes with a new due date.' },
    'council-gaps': { title: 'Gaps in the council\'s cadence', fix: 'Meet, and commit the minutes, at least every check.councilCadenceDays days.' },
  },
  neverReviewed: 'no "reviewed" date',
  draftLacks: (lacks: string[]) => `a draft; still lacks ${lacks.length > 1 ? `${lacks.slice(0, -1).join(', ')} and ${lacks.at(-1)}` : lacks[0]}`,
  draftComplete: 'a draft with all it needs: ready to be made active',
  reviewedDaysAgo: (days: number) => `reviewed ${plural(days, 'day')} ago`,
  systemShared: (teams: string[]) => `owned by ${teams.join(' and ')}`,
  systemDraftOnly: (team: string) => `owned only by ${team}, a draft charter`,
  noTechLead: 'no "techLead" in the charter',
  onNoTeam: 'on no team\'s charter',
  assetUpdated: (date: string) => `last updated ${date}`,
  assetNeverUpdated: 'no "updated" date',
  actionOverdue: (owner: string, due: string, meeting: string) => `${owner}, due ${due} (minutes of ${meeting})`,
  sinceLastMeeting: (date: string) => `since ${date}`,
  cadenceGap: (days: number, cadence: number) => `${days} days without minutes; the cadence is ${cadence} days`,
  /** What /health/ and the check summary both open with. */
  attention: (total: number) => (total === 0 ? 'Nothing needs attention' : `${plural(total, 'thing')} need${total === 1 ? 's' : ''} attention`),
  summaryTitle: (total: number) => (total === 0 ? 'Health: nothing needs attention.' : `Health: ${healthMessages.attention(total).toLowerCase()} (the /health/ page lists them all):`),
  more: (count: number) => `…and ${count} more`,
  summaryWithheld: (folders: string[]) =>
    `Health: not summed up while an entry in ${folders.join(', ')} is left out of the site for the errors above: what it holds would change the summary.`,
};

/** What `npm run import:backstage` writes and says. */
export const importMessages = {
  usage: 'Usage: npm run import:backstage -- FILE... [--out DIR]\n  FILE: Backstage catalog YAML (several documents per file are fine). DIR: the content folder (default: the configured one).',
  missingFile: (file: string) => `${file}: no such file. Name the catalog YAML files to import, such as catalog/org.yaml.`,
  yamlError: (detail: string) => `not valid YAML (${detail})`,
  noKindOrName: 'has no "kind" or no "metadata.name"',
  notAnEntity: 'is not an entity (a YAML mapping with kind, metadata and spec)',
  noId: 'has a name with no letters or digits the handbook can use in an id; create its file by hand',
  badHandle: 'is not a GitHub handle, so it was left out of "github"',
  otherKind: (kind: string) => `a ${kind} entity: the handbook imports Groups (as charters) and Users (as people) only`,
  duplicate: (other: string, id: string) => `would be written as "${id}", which ${other} already is; rename one in the catalog, or create this file by hand`,
  unknownGroup: (ref: string) => `refers to the group "${ref}", which is not in the files imported`,
  unknownUser: (ref: string) => `refers to the user "${ref}", which is not in the files imported`,
  sameTeamName: (name: string) => `another group has this name; two charters may not share one, so this one is named "${name}" (rename it in the charter)`,
  secondTeam: (first: string) => `is also on "${first}"; a person has one first team, so they are listed there only`,
  groupWithoutMembers: (type: string) => `${/^[aeiou]/i.test(type) ? 'an' : 'a'} ${type} with no members of its own: not a charter; its name appears in the hierarchy of the charters below it`,
  charterIntro: (name: string) => `This draft charter for ${name} was imported from the Backstage catalog, which holds its name, members and place in the organisation.`,
  charterTodo:
    'The catalog holds no mission, tech lead, metrics or value stream: `npm run check` lists each as a warning. Fill them in, agree the rest of the working agreement as a team, then remove "status: draft".',
  kept: (file: string) => `${file}: kept, because it was edited after it was imported (or was not written by the import)`,
  summary: (people: number, charters: number, written: number, kept: number, unmapped: number) =>
    `Imported ${plural(people, 'person', 'people')} and ${plural(charters, 'draft charter')}: ${plural(written, 'file')} written, ${kept} kept as edited, ${plural(unmapped, 'thing')} not mapped (listed above). Run "npm run check" to see what each draft still needs.`,
};

/** What `npm run new` says. */
export const newMessages = {
  usage: 'Usage: npm run new -- <team|person|stream|asset|minutes> <id>\n  id: kebab-case, such as cash-insights; for minutes, the meeting date (default: today).',
  unknownKind: (kind: string, suggestion: string | undefined) =>
    `There is no template "${kind}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Use team, person, stream, asset or minutes.`,
  badId: (id: string) => `"${id}" is not an id: use kebab-case (lowercase letters, digits and single dashes), such as cash-insights.`,
  badDate: (id: string) => `"${id}" is not a meeting date: minutes are named YYYY-MM-DD, such as 2026-11-18.`,
  tooFarAhead: (date: string, cadence: number) =>
    `${date} is more than one cadence (${cadence} days) ahead: minutes can be started for the next meeting, not later ones. Check the date.`,
  exists: (file: string) => `${file} already exists; the template would overwrite it. Edit that file, or choose another id.`,
  created: (file: string) => `Created ${file}. Fill it in, then run "npm run check" (and "npm run codeowners" for a charter, asset, person or minutes).`,
};

/** What `npm run codeowners` writes and says. */
export const codeownersMessages = {
  /** The first line of every CODEOWNERS this program writes, whatever the version: how it knows its own. */
  generated: '# Generated by "npm run codeowners" from the content: do not edit by hand.',
  header:
    '# Generated by "npm run codeowners" from the content: do not edit by hand.\n# Charters: the team. Assets: their owner team. Council minutes: the tech leads. People: the person and their manager.\n# A new file, by its folder: minutes the tech leads; a charter, asset or person the leadership team.',
  noHandles: 'has no reviewer of its own: no one who owns it has a "github" handle in people/ (its folder\'s line applies)',
  noFolderHandles: 'has no reviewer for new files: no one it falls to has a "github" handle in people/ (for charters, assets and people: a team of type leadership)',
  handWritten: (file: string) =>
    `${file} was written by hand (it does not start with the generated header), so it is left as it is. Move its rules elsewhere and delete it, then run "npm run codeowners" again.`,
  written: (file: string, lines: number) => `Wrote ${file}: ${plural(lines, 'file')} with owners.`,
  outsideRepository: (file: string, contentDir: string) =>
    `${file} was not written: the content folder ${contentDir} is outside the repository, and CODEOWNERS can only name files inside it.`,
  leftOut: (file: string, entries: string[]) =>
    `${file} was not written: ${entries.join(', ')} ${entries.length === 1 ? 'has' : 'have'} errors that leave ${entries.length === 1 ? 'it' : 'them'} out of the organisation, so ${entries.length === 1 ? 'its' : 'their'} reviewers would be dropped. Run "npm run check", fix the errors, then run "npm run codeowners" again.`,
  stale: (file: string) =>
    `${file} no longer matches the content (a charter, asset owner, tech lead, manager or GitHub handle changed, or a newer version of the handbook writes it differently). Run "npm run codeowners" and commit the result.`,
};

/** What the output folder step of the build says. */
export const outputMessages = {
  kept: (pages: number) => `Output: ${plural(pages, 'unchanged page')} left in place from the last build.`,
  noManifest: "Astro's incremental build wrote no readable manifest, so the pages kept from the last build cannot be checked. Build again with `npm run build -- --force`.",
};

/** The page left at the old address of an entry renamed in git (output/redirects.ts). */
export const redirectMessages = {
  title: (to: string) => `Moved to ${to}`,
  moved: 'This page has moved to',
};

/** What the build says when it drops rendered bodies that another version of the handbook's code made. */
export const renderMessages = {
  rendererChanged: "Markdown renders afresh: the handbook's rendering code or its Markdown packages changed since the last build, so Astro's cached pages and bodies were dropped.",
};

/** What the check says about files in public/, which the site serves as they are. */
export const publicMessages = {
  runnable: (file: string) =>
    `${file} is not a type of file public/ serves: a browser could open it as a page or script of this site, where its code runs with the site's own address. public/ is for images, documents, media and fonts: put text in a handbook page, or attach a document as a PDF.`,
  symlink: (file: string) =>
    `${file} is a symbolic link. A host serves what it leads to, under this name: copy the file itself into public/.`,
  svg: (found: string) =>
    `This SVG contains "${found}". Opened on its own, an SVG the site serves runs its scripts as the site's own, and loads what it links to. Export the drawing without scripts, links or embedded HTML (or as a PNG).`,
};

/** What the search step of the build says. */
export const searchMessages = {
  summary: (pages: number, ms: number, reused: number) =>
    `Search: indexed ${plural(pages, 'page')} in ${(ms / 1000).toFixed(1)} s${reused > 0 ? `; the fragments of ${plural(reused, 'unchanged page')} were left as they were` : ''}.`,
  notReused: (reason: string) => `Search: the last build's index could not be updated in place (${reason}); writing it whole.`,
  kept: (pages: number) => `Search: no page changed since the last build; the index of ${plural(pages, 'page')} was kept.`,
  failed: (errors: string[]) => `Pagefind could not index the site:\n${errors.map((error) => `  - ${error}`).join('\n')}`,
};

/**
 * Why the last build's search index could not be updated in place: the reason in
 * `searchMessages.notReused`, after which the index is written whole.
 */
export const searchIndexMessages = {
  notCbor: (at: number) => `its meta file does not read as CBOR at byte ${at}`,
  notMeta: (file: string) => `${file} is not a Pagefind meta file`,
  notFragment: (file: string) => `${file} is not a Pagefind fragment`,
  fragmentsUnnamed: (fragments: number, pages: number) => `its meta file names ${plural(fragments, 'fragment')} for ${plural(pages, 'page')}`,
  fragmentNotThisBuilds: (file: string, url: string) =>
    `${file} holds the page ${url}, which is not this build's or has another fragment: a fragment of the last build bears a name Pagefind now gives another page`,
};

/**
 * Texts the reader's browser shows (search, quiz, new-hire path). They ship in the page's
 * JavaScript, so they stay short; Rollup keeps only this export in the client bundles.
 */
export const readerMessages = {
  searchUnavailable:
    'Search is not available here: its index is written by "npm run build". Browse the sections above, or try the built site.',
  searchEmpty: (query: string) =>
    query ? `Nothing matches “${query}”. Try fewer words, another spelling, or a team or person's name.` : 'No page matches all of these filters. Clear one of them.',
  searchCount: (count: number, query: string) =>
    query ? `${plural(count, 'result')} for “${query}”` : count === 1 ? '1 page matches the filters' : `${count} pages match the filters`,
  searchAll: (count: number) => (count === 1 ? 'Open the search page, with filters' : `All ${count} results, with filters`),
  searchPrompt: 'Type a word, a name, a system id or a decision id, or choose a filter.',
  quizNoPeople: 'The roster has no individual contributors (engineers, designers, data) to draw from.',
  quizChooseFirst: 'Choose one of the answers first.',
  quizNoQuestions: 'No asset has questions yet. Add "questions" to an asset so it can be part of the quiz.',
};
