import { allowedElements, refKinds } from '../content/components.ts';
import { everyPage, minutesSections } from '../links/anchors.ts';

/** What the handbook says about one rule of `handbook check`, on its page at /checks/<rule>/. */
export interface RuleDoc {
  /** The stable id shown in every report, e.g. `schema/unknown-key`. */
  id: string;
  /** A short name for listings. */
  title: string;
  /** Its severity unless `check.rules` in handbook.config.json changes it. */
  severity: 'error' | 'warning';
  /** Why the rule exists: what would go wrong without it. */
  why: string;
  /** How to fix a problem it reports. */
  fix: string;
}

/** The groups rules are listed in, by the part of their id before the slash. */
export const ruleGroups: Record<string, string> = {
  files: 'Files',
  yaml: 'YAML',
  schema: 'Fields',
  references: 'References',
  ids: 'Ids',
  org: 'Organisation rules',
  assets: 'Value-model assets',
  draft: 'Draft charters',
  warn: 'Warnings',
  mdx: 'Markdown and MDX',
  html: 'HTML in Markdown',
  links: 'Links',
  safety: 'Content safety',
  components: 'Content components',
  diagrams: 'Diagrams',
};

const safetyWhy =
  'Pages are built by a job that may hold deploy secrets, and MDX is compiled to JavaScript that runs during that build; raw HTML runs in every reader\'s browser. So content from a pull request may not contain code of any kind.';

const exampleFile: Record<Exclude<(typeof refKinds)[number], 'decision'>, string> = {
  person: 'people/ada-lovelace.yaml',
  team: 'teams/ledger.md',
  stream: 'streams/get-paid.md',
  asset: 'assets/payments-flywheel.md',
  phase: 'phases/hyper-growth.md',
  council: 'council/2026-05-14.md',
};

const referenceDocs: RuleDoc[] = refKinds.map((kind) => ({
  id: `references/${kind}`,
  title: `Unknown ${kind} id`,
  severity: 'error',
  why: `Entries point at each other by id. A ${kind} id that names nothing would be a dead link, a missing member or a hole in a chart, and the build would not notice.`,
  fix:
    kind === 'decision'
      ? 'Use the id of a decision recorded in any council minutes; the message suggests the closest one.'
      : `Use the id the message suggests, or add the missing entry. An id is the file name without its extension: ${exampleFile[kind]} has the id "${exampleFile[kind].replace(/^.*\//, '').replace(/\.\w+$/, '')}". When the entry was renamed in git, the message names its new id.`,
}));

/** Every rule `handbook check` reports, in the order the pages list them. */
export const ruleCatalogue: RuleDoc[] = [
  {
    id: 'files/wrong-folder',
    title: 'File outside the content folders, or in the wrong one',
    severity: 'error',
    why: 'The handbook reads only the folders of the content model (people, teams, streams, assets, phases, council, handbook), each with its own kind of file. Anything else would silently never appear, and a charter saved in streams/ would be read as a stream.',
    fix: 'Move the file into the folder for its kind, with the right extension: .yaml for people, .md or .mdx for the rest. Images and downloads go in public/.',
  },
  {
    id: 'files/reserved-path',
    title: 'Handbook page hidden by a built-in page',
    severity: 'error',
    why: "The site's own pages (teams, people, the org chart, search and so on) own those URLs. A handbook page there would never be shown.",
    fix: 'Move the page to another folder under handbook/, or rename it.',
  },
  {
    id: 'files/name',
    title: 'File name that is not an id',
    severity: 'error',
    why: 'A file name is the entry\'s id: other files refer to it by that id, and its page\'s address is made from it. The build reads only lowercase extensions and cannot open a name with "#" or "?": such a page would be missing from the site without a word.',
    fix: 'Rename the file in kebab-case (lowercase letters, digits and single dashes) with a lowercase extension; the message suggests the name. Minutes keep their date as name.',
  },
  {
    id: 'files/duplicate-id',
    title: 'Two files for one entry',
    severity: 'error',
    why: 'runway.md and runway.mdx, or guides.md and guides/index.md, would both be the same entry at the same address; the build would keep one of them and drop the other silently.',
    fix: 'Keep one file: merge what the other says into it and delete the other, or rename one of them.',
  },
  {
    id: 'files/codeowners',
    title: 'CODEOWNERS out of date',
    severity: 'warning',
    why: '.github/CODEOWNERS is generated from the content so that a team reviews changes to its charter and assets, the council its minutes, and a person (and their manager) their file. When a charter, owner, tech lead or GitHub handle changes, the old file asks the wrong people.',
    fix: 'Run "npm run codeowners" and commit .github/CODEOWNERS with your change.',
  },
  {
    id: 'files/hidden',
    title: 'Hidden file in the content folder',
    severity: 'error',
    why: 'Files whose names start with a dot are easy to miss in a review, yet a page can point the build at one (a relative image path is imported as code). Only an empty .gitkeep is let through.',
    fix: 'Delete the file. If a tool keeps making it, add it to .gitignore.',
  },
  {
    id: 'files/symlink',
    title: 'Symbolic link in the content folder',
    severity: 'error',
    why: 'A link can point the build at any file on the machine that builds the site, outside what the pull request shows.',
    fix: 'Replace the link with the file itself.',
  },
  {
    id: 'files/binary',
    title: 'Binary file among the content',
    severity: 'error',
    why: 'Content is text that people review line by line in pull requests. A binary file cannot be read as an entry or reviewed.',
    fix: 'Put images and documents in public/ and link to them from a page.',
  },
  {
    id: 'files/encoding',
    title: 'File not saved as UTF-8',
    severity: 'error',
    why: 'Names such as "José" or "Zoë" are garbled when a file is read in the wrong encoding; the handbook reads UTF-8 only.',
    fix: 'Save the file as UTF-8 (in most editors: "Save with encoding" or "Reopen with encoding", then save). The report points at the first byte that is not UTF-8. A file saved as UTF-16 ("Unicode") is named as such.',
  },
  {
    id: 'files/empty',
    title: 'Empty file',
    severity: 'error',
    why: 'An empty file is almost always an unfinished addition or a bad merge; it would make an empty page, or none.',
    fix: 'Fill it in following the content model, or delete it.',
  },
  {
    id: 'files/frontmatter',
    title: 'No frontmatter, or frontmatter the build would read differently',
    severity: 'error',
    why: 'A Markdown entry keeps its fields (name, type, owner…) in frontmatter at the top. Without it, or when its closing "---" is missing, the entry has no name. And the build must read the same fields and the same text as the check: Astro closes frontmatter at the first line starting with "---" or "+++", and drops a second "---" block at the start of the text unseen.',
    fix: 'Start the file with a line of exactly "---", the fields one per line, and another line of exactly "---"; the text follows. Do not start the text with another "---" block.',
  },
  {
    id: 'yaml/syntax',
    title: 'YAML that cannot be read',
    severity: 'error',
    why: 'If the fields cannot be parsed nothing in the file can be checked or shown.',
    fix: 'Look at the line reported. Common causes: a value containing ": " or starting with a quote or "[" that needs quoting, indentation that does not line up, a tab used for indenting, or the same field twice. Merge keys ("<<") and complex keys ("? …") are refused because the build\'s YAML reader sees them differently: write each field out.',
  },
  {
    id: 'yaml/comment',
    title: 'A value cut short by " #"',
    severity: 'error',
    why: 'In YAML, " #" starts a comment wherever it is, so an unquoted "mission: We are the #1 team" or a norm that names "#team-ledger" ends where the "#" is: the page shows "We are the", and nothing says so. A comment written on purpose starts "# ", with a space, and is left alone, as is "#…" after a value of one word (an id or a date with a comment).',
    fix: 'Put the whole value in quotes, as the message writes it: mission: "We are the #1 team".',
  },
  {
    id: 'yaml/alias',
    title: 'YAML alias of a list or mapping',
    severity: 'error',
    why: 'An alias (*name) repeats what an anchor (&name) holds. Nested a few times, a ten-line file expands to millions of values, and the check and the build would run for hours or run out of memory on one pull request.',
    fix: 'Write the values out where they are used; entries are short enough that repeating a list costs little.',
  },
  {
    id: 'yaml/not-a-mapping',
    title: 'YAML that is not a set of fields',
    severity: 'error',
    why: 'Every entry is a set of named fields; a bare list or a sentence cannot be read as one.',
    fix: 'Write one "field: value" per line, for example "name: Invoicing".',
  },
  {
    id: 'schema/unknown-key',
    title: 'Unknown field',
    severity: 'error',
    why: 'A misspelt field such as "mision:" would otherwise be ignored without a word, and what it holds would never reach the page.',
    fix: 'Use the spelling the message suggests, or remove the field. The content model lists every field.',
  },
  {
    id: 'schema/required',
    title: 'Missing field',
    severity: 'error',
    why: 'Pages and other checks rely on the field: a team without a name cannot be listed, a question without an answer cannot be asked.',
    fix: 'Add the field the message names.',
  },
  {
    id: 'schema/enum',
    title: 'Value not in the list',
    severity: 'error',
    why: 'Values such as team types, roles and decision statuses drive the org chart, the topology and the rules. A value outside the list would break them.',
    fix: 'Use one of the values the message lists; it suggests the closest one.',
  },
  {
    id: 'schema/type',
    title: 'Wrong kind of value',
    severity: 'error',
    why: 'A field that expects a list, a number or a date cannot be read from text, and the reverse.',
    fix: 'Write the kind of value the message asks for: a list as "[a, b]" or as lines starting with "- ", a number without quotes, a date as YYYY-MM-DD.',
  },
  {
    id: 'schema/date',
    title: 'Not a date',
    severity: 'error',
    why: 'Review intervals, roadmaps and the order of minutes are computed from dates, so they must be real calendar dates.',
    fix: 'Write the date as YYYY-MM-DD, for example 2026-05-14.',
  },
  {
    id: 'schema/format',
    title: 'Id or quarter in the wrong format',
    severity: 'error',
    why: 'Ids become URLs and quarters place items on the roadmap; both need one exact spelling.',
    fix: 'Write ids in kebab-case (lowercase letters, digits, single dashes, e.g. cash-insights) and quarters as YYYY-Qn (e.g. 2026-Q3).',
  },
  {
    id: 'schema/date-order',
    title: 'End before start',
    severity: 'error',
    why: 'An item that ends before it starts cannot be drawn on a roadmap.',
    fix: 'Swap the dates, or correct the one that is wrong.',
  },
  {
    id: 'schema/roadmap-when',
    title: 'Roadmap item without a time',
    severity: 'error',
    why: 'Every roadmap item needs a place on the timeline.',
    fix: 'Give either "quarter" (YYYY-Qn) or both "start" and "end" dates.',
  },
  {
    id: 'schema/range-order',
    title: 'Range written backwards, or ranges that cannot add up',
    severity: 'error',
    why: "A phase's investment range is read as [min, max]; written backwards, no team could fit it. Product and technical shares add up to 100%, so ranges no such mix fits (a product line copied into technical) would mark every pod as outside them.",
    fix: 'Write the smaller number first, e.g. [60, 80], and make the technical range the rest of the product one, e.g. product [60, 80] with technical [20, 40].',
  },
  {
    id: 'schema/markup',
    title: 'Markdown or HTML in a field',
    severity: 'warning',
    why: 'Pages show the frontmatter\'s fields (a mission, norms, metric names) as plain text: **bold**, [links](/x/), `code` and <tags> appear with their marks.',
    fix: 'Write the field as plain text. Put links and formatting in the body, below the frontmatter.',
  },
  {
    id: 'schema/curly-quotes',
    title: 'A field in curly quotes',
    severity: 'warning',
    why: 'YAML reads only straight quotes (" and \') as quotes. A value pasted from a word processor in curly ones, name: “Ada Lovelace” or mission: ‘Keep the books’, keeps them: the page, the org chart and search show “Ada Lovelace” with its quotes. A warning, as a norm or a mission may be a quotation on purpose; quotes inside a value (We say “no” often) are not reported.',
    fix: 'Write the value in straight quotes, name: "Ada Lovelace", or with none, name: Ada Lovelace. A quotation meant as one can stay, or switch the rule off in check.rules.',
  },
  {
    id: 'schema/invalid',
    title: 'Value out of range',
    severity: 'error',
    why: 'Some values have limits: a percentage is 0 to 100, a phase order 1 to 4, a multiple-choice question has at least two choices.',
    fix: 'Bring the value within the limit the message states.',
  },
  ...referenceDocs,
  {
    id: 'ids/decision-unique',
    title: 'Decision id used twice',
    severity: 'error',
    why: `Decisions are linked and superseded by id across all minutes; two decisions with one id make every link ambiguous. A link to a decision lands on it on its meeting's page, so an id that page already gives a section (${[...everyPage, ...minutesSections].join(', ')}) would send links elsewhere.`,
    fix: 'Give the newer decision a new id. To change an earlier decision, record a new one with "supersedes" naming the old id.',
  },
  {
    id: 'ids/roadmap-unique',
    title: 'Roadmap id twice in one meeting',
    severity: 'error',
    why: 'A later meeting updates a technical roadmap item by restating its id, so within one meeting each id must appear once.',
    fix: 'Merge the two items, or give one of them a new id.',
  },
  {
    id: 'ids/council-date',
    title: 'Minutes named differently from their date',
    severity: 'error',
    why: 'Minutes are found by date: /council/2026-05-14/ must show the meeting of 14 May 2026.',
    fix: 'Name the file after the meeting date (YYYY-MM-DD.md), and make "date" the same day.',
  },
  {
    id: 'org/system-owner',
    title: 'System owned by more than one team',
    severity: 'error',
    why: 'Each system has exactly one owning team, so that incidents and changes have one place to go.',
    fix: 'Agree on the owner and remove the system from the other charters. A team that only uses it can say so in "interactions".',
  },
  {
    id: 'org/tech-lead',
    title: 'Team without a tech lead',
    severity: 'error',
    why: 'Every pod has exactly one tech lead, who represents it on the tech lead council. Only the leadership team has none.',
    fix: 'Set "techLead" to a person id, or mark the charter "status: draft" while the team finds one.',
  },
  {
    id: 'org/stream-aligned-stream',
    title: 'Stream-aligned team without a stream',
    severity: 'error',
    why: 'A stream-aligned team exists to serve one value stream; without it the team has no place on the stream pages or the roadmap.',
    fix: 'Set "stream" to the id of the value stream the team serves, or change the team "type".',
  },
  {
    id: 'org/stream-aligned-pm',
    title: 'Stream-aligned team without a product manager',
    severity: 'error',
    why: 'A stream-aligned team takes its product direction from a product manager, the solid line on the org chart.',
    fix: 'Set "productManager" to a person id.',
  },
  {
    id: 'org/active-charter',
    title: 'Active charter without mission or metrics',
    severity: 'error',
    why: 'Mission and metrics are two of the six parts of a working agreement; an active team without them has not agreed how it works.',
    fix: 'Fill in "mission" and at least one metric, or mark the charter "status: draft" while the team writes them.',
  },
  {
    id: 'org/responsibility-owner',
    title: 'Responsibility owned by someone outside the team',
    severity: 'error',
    why: "A team's responsibilities are carried by its own people; an owner from elsewhere means nobody on the team holds it.",
    fix: 'Add the person to "members", or give the responsibility to someone on the team.',
  },
  {
    id: 'org/investment-sum',
    title: 'Investment mix not adding up to 100',
    severity: 'error',
    why: 'The mix splits all of the team\'s capacity between product and technical work, and is compared with the phase\'s recommended range.',
    fix: 'Make "product" and "technical" add up to 100.',
  },
  {
    id: 'org/current-phase',
    title: 'Not exactly one current phase',
    severity: 'error',
    why: 'The organisation is in exactly one phase at a time; the phases page and every team\'s investment check depend on it.',
    fix: 'Set "current: true" on the phase the organisation is in and "current: false" on the others.',
  },
  {
    id: 'org/future-date',
    title: 'A date of something done that is after today',
    severity: 'error',
    why: 'A charter\'s "reviewed", an asset\'s "updated" and the dates of its changes, a person\'s "joined", and the date of council minutes, say when something happened. A date in the future is a typo: it hides the warnings about stale charters and assets for years, keeps a new hire\'s welcome off their page until then (while the charters, the org chart and the quiz count them in already), and minutes dated more than one council cadence ahead (the next meeting\'s are fine) stand as the latest meeting and hide overdue actions.',
    fix: 'Write the date it happened, as YYYY-MM-DD: check the year and the month. Add a person\'s file on the day they join.',
  },
  {
    id: 'org/contradiction',
    title: 'Facts that contradict each other',
    severity: 'error',
    why: 'A page cannot show two answers to one question: a team listed twice in a charter\'s "interactions" (in two modes), two charters that state different modes towards each other, a person both present and absent at a meeting (or listed twice), two teams with the same name.',
    fix: 'Keep the one that holds now: one interaction per pair of teams, in one mode, whichever charters state it; each person once, in one of "attendees" and "absent"; a name of its own for each team.',
  },
  {
    id: 'org/reporting-cycle',
    title: 'Reporting line that goes round in a circle',
    severity: 'error',
    why: 'The org chart draws each reporting line up to the top. A person who reports to themselves, or two who report to each other, would show as their own manager and leave no one at the top of that line.',
    fix: 'Change one "reportsTo" in the circle to the person\'s real manager; the person at the top reports to no one.',
  },
  {
    id: 'org/self-interaction',
    title: 'Team interacting with itself',
    severity: 'error',
    why: 'Interactions say how a team works with other teams; one naming the charter\'s own team would show the team as its own collaborator.',
    fix: 'Name the other team in "team", or remove the interaction.',
  },
  {
    id: 'org/phase-order',
    title: 'Phase out of its place',
    severity: 'error',
    why: 'The phases are shown side by side in their order, and each phase follows the one before: experimenting (1), getting traction (2), hyper-growth (3), optimizing (4). A phase at another place, or two with the same "order", would show the organisation growing in the wrong sequence.',
    fix: 'Give each phase the order of its place: 1 for experimenting, 2 for getting-traction, 3 for hyper-growth, 4 for optimizing.',
  },
  {
    id: 'org/phase-set',
    title: 'A phase that is not one of the four',
    severity: 'error',
    why: 'The handbook describes the four scale-up maturity phases: experimenting, getting-traction, hyper-growth and optimizing. Links to /phases/<id>/ are shared and pasted into onboarding documents, so a phase under another name (a typo, or a fifth phase) is a page no link leads to, and a gap where the phase it meant should be.',
    fix: 'Name the file after the phase it describes: phases/experimenting.md, phases/getting-traction.md, phases/hyper-growth.md or phases/optimizing.md.',
  },
  {
    id: 'org/decision-status',
    title: 'Decisions whose statuses contradict their supersedes',
    severity: 'warning',
    why: 'The decisions log and timeline say which decisions stand. A decision replaced by an accepted one but still "accepted" reads as two answers to one question in its minutes; a "superseded" decision with no successor cannot say what replaced it; a decision that names a later one as the one it replaces has the ids the wrong way round. A proposal or a rejected decision may keep its "supersedes": it replaces nothing.',
    fix: 'Set "status: superseded" on the decision an accepted one replaces (a rejected one stays rejected), and "supersedes" on the decision that replaced it, naming an earlier decision.',
  },
  {
    id: 'org/supersedes-cycle',
    title: 'Decisions superseding each other in a loop',
    severity: 'error',
    why: 'A decision can only replace an earlier one; a loop leaves no decision in force.',
    fix: 'Remove "supersedes" from the decision that should stand, or point it at the decision it really replaces.',
  },
  {
    id: 'assets/choices-answer',
    title: 'Multiple-choice answer missing from the choices',
    severity: 'error',
    why: 'In the quiz a multiple-choice question shows its choices; if the answer is not among them nobody can get it right.',
    fix: 'Add the answer to "choices", written exactly as in "answer".',
  },
  {
    id: 'assets/choices-duplicate',
    title: 'The same choice twice in a question',
    severity: 'error',
    why: 'The quiz shows each choice as a button. Two that read the same (even in another case or spacing) look like a trick, and if one is the answer the other is marked wrong.',
    fix: 'Remove the repeated choice, or replace it with another plausible wrong answer.',
  },
  {
    id: 'assets/kind-category',
    title: 'Asset kind outside its category',
    severity: 'error',
    why: 'The value model groups assets by category; a flywheel is an economic model, not a customer-value asset.',
    fix: 'Pick a kind from the category\'s list, change the category, or use "kind: other".',
  },
  {
    id: 'draft/missing',
    title: 'Draft charter still missing a part',
    severity: 'warning',
    why: 'A draft may be published before its mission, tech lead, metrics or (for a stream-aligned team) stream are agreed, but the team should see what is left to do.',
    fix: 'Fill in the part the message names; then remove "status: draft".',
  },
  {
    id: 'warn/no-value-metric',
    title: 'No value metric',
    severity: 'warning',
    why: 'Activity metrics (deploys, tickets) show work done; a value metric shows whether it helped a customer or the business. Every team should have at least one.',
    fix: 'Add a metric with "kind: value", for example days to get paid.',
  },
  {
    id: 'warn/two-teams',
    title: 'Person on two teams',
    severity: 'warning',
    why: 'Everyone has one first team. Someone on two pods as tech lead or member serves neither fully and shows up twice on the org chart. A product manager may serve several pods, and is not warned.',
    fix: 'Keep the person in the "members" of one team; the other can name them in an interaction or responsibility instead.',
  },
  {
    id: 'warn/ic-without-team',
    title: 'Individual contributor on no team',
    severity: 'warning',
    why: 'An engineer, designer or data specialist without a team has no first team to onboard into and is missing from the org chart.',
    fix: "Add the person to their team's \"members\".",
  },
  {
    id: 'warn/interaction-ended',
    title: 'Interaction past its end date',
    severity: 'warning',
    why: 'An interaction with an "until" date is meant to end then. Once that day has passed, the topology and the charter\'s chart no longer draw it, and a charter that still lists it says something that no longer holds.',
    fix: 'Remove the interaction from "interactions", or set a later "until" if the teams go on working this way.',
  },
  {
    id: 'warn/stale-charter',
    title: 'Charter not reviewed recently',
    severity: 'warning',
    why: 'Working agreements drift as teams change. Teams revisit theirs at least within the review interval (check.reviewIntervalDays, 180 days by default).',
    fix: 'Revisit the agreement with the team and set "reviewed" to the date you did.',
  },
  {
    id: 'warn/attendee-not-tech-lead',
    title: 'Council attendee who is not a tech lead',
    severity: 'warning',
    why: 'The council is the pods\' tech leads. An attendee of the latest meeting who leads no team is usually a charter that is out of date. Earlier minutes are not judged: they list the leads of their day.',
    fix: 'Check the id, or update the "techLead" of the team the person leads.',
  },
  {
    id: 'warn/council-gap',
    title: 'Long gap between council meetings',
    severity: 'warning',
    why: 'A gap over twice the cadence (check.councilCadenceDays, 14 days by default) usually means minutes were not written up.',
    fix: 'Add the missing minutes, or change the cadence in handbook.config.json if the council meets less often.',
  },
  {
    id: 'warn/missing-phase',
    title: 'One of the four phases has no file',
    severity: 'warning',
    why: 'New hires read the phases side by side to see where the company is and where it is heading next; with a phase missing, the page skips a step.',
    fix: 'Add the missing phase as phases/<id>.md, with its name and "order", and what the organisation looks like in it.',
  },
  {
    id: 'warn/asset-updated',
    title: 'Asset changed after its "updated" date',
    severity: 'warning',
    why: 'An asset says when its content was last brought up to date, and its change log what changed when. A change dated after "updated" means one of the two is wrong; the site goes by the later date meanwhile.',
    fix: 'Set "updated" to the date of the latest change, or correct the change\'s date.',
  },
  {
    id: 'warn/asset-no-questions',
    title: 'Asset without questions',
    severity: 'warning',
    why: 'The random-IC quiz asks the questions an asset answers; an asset without any is never part of it.',
    fix: 'Add a few questions that any individual contributor should be able to answer without looking.',
  },
  {
    id: 'html/unclosed',
    title: 'HTML tag that is never closed',
    severity: 'error',
    why: 'Markdown passes raw HTML to the browser tag by tag. A <s> or <a> left open in one paragraph takes in everything after it: the rest of the text, and the sections the page adds below it, all struck through or all one link.',
    fix: 'Close the tag where its text ends (</s>, </a>, </details>…), or use Markdown instead: ~~struck~~, [text](url).',
  },
  {
    id: 'html/markdown',
    title: 'Markdown inside an HTML block',
    severity: 'warning',
    why: 'In a .md file, a block that starts with an HTML tag (<details>, <div>, <table>…) is HTML up to the next blank line. Markdown written inside it, right under the tag, is not read: the page shows **Bold**, [a link](/teams/) or "- an item" with their marks. (MDX reads Markdown inside tags, so .mdx files are not affected.) A warning: the words still show, and the check can only tell Markdown by its look.',
    fix: 'Leave a blank line between the tags and the Markdown: after <details> or <summary>…</summary>, and before </details>. Or write the formatting in HTML: <strong>, <em>, <a href="…">, <code>.',
  },
  {
    id: 'html/no-name',
    title: 'A link or heading with nothing to read, an image without alt text',
    severity: 'error',
    why: 'A screen reader announces a link or heading by its text and an image by its alt text. With none, it says only "link" or "heading", or reads out a file name, and the reader cannot tell what is there.',
    fix: 'Write the link\'s text ([the Ledger charter](/teams/ledger/)) and the heading\'s; give each <img> an alt="…" that says what it shows, or alt="" when it is only decoration.',
  },
  {
    id: 'html/id-taken',
    title: 'An HTML id the page already has',
    severity: 'error',
    why: 'An id names one element of a page. The page\'s layout gives its own sections ids (a charter\'s #mission and #members, a system\'s #system-<id>, the skip link\'s #main on every page), which links, the page\'s own contents and the skip link lead to. A body that writes one of them again (<h2 id="mission">, <div id="members">) makes them lead to whichever comes first. Markdown headings are not affected: "## Mission" on a charter gets #mission-1.',
    fix: 'Give the element another id, such as the one the message suggests (id="mission-1"), or write a heading in Markdown, which gets an id of its own.',
  },
  {
    id: 'html/heading',
    title: 'A heading written in HTML',
    severity: 'warning',
    why: 'A heading written "## Rota" gets an id that links and the page\'s sections can name, and in a charter, stream or minutes it is set a level down, under the page\'s own heading for the text. The build leaves an <h2>…</h2> as written: no id unless it has one, and beside the page\'s own sections instead of under them.',
    fix: 'Write the heading in Markdown: "## Rota" for <h2>, "### Rota" for <h3>. On a handbook page, an <h2 id="rota"> is fine.',
  },
  {
    id: 'links/broken',
    title: 'Link that leads nowhere',
    severity: 'error',
    why: 'A link in a page\'s text that leads to no page, or an image that is not there, is found by a new hire in the middle of reading, not by the author. The build cannot tell: it writes the link as it is.',
    fix: 'Link to a page by its address (/teams/ledger/, /how-we-work/), by its file, read from the folder of the file you are editing (../teams/ledger.md, which also works on GitHub), or relative to the page\'s own address (../ledger/ on /teams/runway/). The message suggests the closest page, or the new address of a page renamed in git (its old address only redirects). Put images and other files in public/: public/images/map.png is /images/map.png. The build puts every link under the site\'s base path and turns a file\'s path into its page\'s address.',
  },
  {
    id: 'links/reference',
    title: 'Reference-style link or footnote without its definition',
    severity: 'error',
    why: 'Markdown shows a reference whose label nothing defines as it is written: the reader sees "[the team][runwy]" or "[^note]" in brackets instead of a link or a note. A footnote nothing refers to is left out of the page, text and all.',
    fix: 'Give each label a definition on a line of its own ([runwy]: /teams/runway/, [^note]: The note.), spelt as in the text, or correct the label; refer to each footnote where it belongs, or remove it.',
  },
  {
    id: 'links/spaced',
    title: 'A space between a link\'s text and its address',
    severity: 'error',
    why: 'Markdown makes a link of [text](address) only when "(" follows "]" directly. Written [the team] (/teams/runway/), with a space or a line break between, it is text: the page shows the brackets and the address as written, and nothing to click.',
    fix: 'Remove the space between "]" and "(": [the team](/teams/runway/), ![the map](/images/map.png). Prose in brackets followed by parentheses that hold no address, such as [sic] (see above), is not reported.',
  },
  {
    id: 'links/fragment',
    title: 'Link to a section that is not there',
    severity: 'warning',
    why: 'A link to a section (#mission) whose heading was renamed or never existed opens its page at the top: the reader lands somewhere else than the author meant, and nothing says so.',
    fix: 'Use the id the section has: a heading\'s id is its text in lowercase with dashes (## Our mission is #our-mission; a second heading with the same text gets -1). The message suggests the closest section of that page.',
  },
  {
    id: 'mdx/h1',
    title: 'A second top heading',
    severity: 'warning',
    why: 'Every page shows its title as its one h1. A "# heading" (or <h1>) in the text adds a second: screen readers list two titles, and search engines may take the wrong one.',
    fix: 'Start the text\'s sections at "##", and go down from there.',
  },
  {
    id: 'mdx/syntax',
    title: 'Markdown or MDX that cannot be read',
    severity: 'error',
    why: 'A page that cannot be parsed stops the build; the check finds it first and points at the line.',
    fix: 'In MDX, "<" starts a tag and "{" starts an expression: write \\< and \\{ for the characters, close every tag you open, and keep import lines intact. In an image address, "%" starts an escape: write %25 for a percent sign. Attribute values take straight quotes (type="tip"), not curly ones.',
  },
  {
    id: 'mdx/unclosed-fence',
    title: 'Code block that is never closed',
    severity: 'error',
    why: 'A code block runs from its opening fence (```) to a closing one. Without it, Markdown takes everything after the fence for code: the rest of the text shows in a grey box, its headings, links and lists as written, and the build says nothing.',
    fix: 'Add a closing fence on a line of its own where the code ends: the same character as the opening one, at least as many times (``` for ```, ~~~ for ~~~, ```` for ````).',
  },
  {
    id: 'diagrams/syntax',
    title: 'Mermaid diagram that does not parse',
    severity: 'error',
    why: 'A fenced ```mermaid block becomes a diagram at build time. One that does not parse would stop the build, or show readers an empty box, so the check reads it first with Mermaid\'s own parser and points at the line.',
    fix: 'Start the block with a diagram type ("flowchart LR", "sequenceDiagram", "gantt", …) and fix the line named in the report; quote labels that contain brackets, colons or quotes, as in A["Ledger (v2)"]. The Mermaid live editor (mermaid.live) shows the same errors as you type.',
  },
  {
    id: 'safety/import',
    title: 'Import from outside the allow-list',
    severity: 'error',
    why: `${safetyWhy} An import runs the imported module's code.`,
    fix: "Import only the handbook's content components, by name: import { Callout, Ref } from '@handbook/components';",
  },
  {
    id: 'safety/export',
    title: 'Export in content',
    severity: 'error',
    why: `${safetyWhy} An export is code.`,
    fix: 'Remove it. Data belongs in the frontmatter fields.',
  },
  {
    id: 'safety/expression',
    title: 'Code between braces',
    severity: 'error',
    why: `${safetyWhy} Anything between { and } other than a literal value is code.`,
    fix: 'Write the value itself ({"text"}, {42}, {true}), or write \\{ to show a brace. Lists and objects are not allowed: Astro can print an object as raw HTML.',
  },
  {
    id: 'safety/element',
    title: 'Script or embedding tag',
    severity: 'error',
    why: `${safetyWhy} <script> runs code; <iframe>, <object> and <embed> load someone else's page or plug-in into ours; SVG and MathML can animate links into scripts; forms and styles can fake parts of the page. So content uses only the tags a page of text needs.`,
    fix: `Use Markdown, or one of the allowed tags: ${[...allowedElements].join(', ')}. To show a dashboard or a diagram, link to it, for example [the dashboard](https://…).`,
  },
  {
    id: 'safety/public-file',
    title: 'A file in public/ that would run as part of the site',
    severity: 'error',
    why: "Files in public/ are served as they are, at the site's own address. An HTML, XML or script file there is a page of the site that a link can send readers to, and an SVG opened on its own runs its scripts and loads what it links to: a pull request could put a working fake sign-in page on the handbook's domain.",
    fix: 'Keep public/ to images and downloads. Export SVGs without scripts, event handlers, links to other sites or embedded HTML, or as PNG; put text in a handbook page.',
  },
  {
    id: 'safety/attribute',
    title: 'Event handler, raw-HTML, site attribute, class, slot or style beyond plain styling',
    severity: 'error',
    why: `${safetyWhy} onclick=, onerror= and the like run script in the browser; set:html and dangerouslySetInnerHTML inject raw HTML; data-pagefind-*, data-path-* and the other attributes the site's features read would let a page retitle its search result or redirect the new-hire path; a class borrows the site's own styles, such as its search panel laid over the page; ping and referrerpolicy report to other sites; a style that moves an element (position, margins, transforms, a z-index) or loads from elsewhere (url(…)) could cover the page with a fake one; and a slot hands an element to a part of the page that does not exist, so the build drops it unseen.`,
    fix: 'Remove the attribute. A style may set colours, text styles, borders, padding and sizes, with plain values.',
  },
  {
    id: 'safety/url',
    title: 'javascript: or data: URL',
    severity: 'error',
    why: `${safetyWhy} A javascript: URL runs script when clicked; a data: URL can carry a whole page or script inside the link.`,
    fix: 'Link to an https:// address, or put the file in public/ and link to its path.',
  },
  {
    id: 'safety/html',
    title: 'HTML a browser may read differently',
    severity: 'error',
    why: `${safetyWhy} Browsers are lenient: they read attributes run together, unquoted values with odd characters, tags that never close and comments that end early. The check reads raw HTML strictly and refuses what it cannot read exactly as a browser would.`,
    fix: 'Write plain tags: attributes separated by spaces, values in quotes, every tag closed with ">", comments closed with "-->". Or use Markdown.',
  },
  {
    id: 'safety/image',
    title: 'Relative image path',
    severity: 'error',
    why: `${safetyWhy} The build imports a relative image path as a module, so a path to a script would run it.`,
    fix: 'Put the image in public/ and write its path from the site root, for example ![Our team](/images/team.png), or use an https:// address.',
  },
  {
    id: 'safety/component',
    title: 'Component that is not allowed or not imported',
    severity: 'error',
    why: `${safetyWhy} Only the handbook's own components render in content, and MDX fails the build on a component it does not know.`,
    fix: "Use Callout or Ref, imported with: import { Callout, Ref } from '@handbook/components'; write HTML tags in lowercase.",
  },
  {
    id: 'components/mdx-only',
    title: 'A content component or its import in a .md file',
    severity: 'error',
    why: 'Components render only in MDX. In a .md file, <Callout> is an unknown HTML tag and the import line is shown on the page as text.',
    fix: 'Rename the file from .md to .mdx (its address stays the same), and keep the import line at the top.',
  },
  {
    id: 'components/ref-in-link',
    title: 'A link inside a link, such as a <Ref> inside a link',
    severity: 'error',
    why: 'A <Ref> is a link to its team, person or asset. Inside another link, or with a link among its own words, it makes a link within a link, which browsers break apart: the outer link ends early and the page shows neither as written. The same goes for an <a> inside an <a>.',
    fix: 'Put the <Ref> or link next to the other instead of inside it, or write the name as plain text in the link: [the Ledger team](/teams/ledger/).',
  },
  {
    id: 'components/props',
    title: 'Wrong props on a content component',
    severity: 'error',
    why: 'A component with a misspelt or missing prop renders the wrong thing, or nothing, without failing the build.',
    fix: 'Use the props the message lists, e.g. <Callout type="tip" title="…"> or <Ref kind="team" id="ledger" />.',
  },
];

/** The rule ids, for validating `check.rules` in the config. */
export const ruleIds: readonly string[] = ruleCatalogue.map((rule) => rule.id);

/**
 * Rules that keep content from running code, in the build or in readers' browsers, or from
 * reading files outside the content root, and rules whose problem stops the check before a
 * file's body (a broken frontmatter, YAML it cannot read, a duplicate, binary or hidden
 * file): switched off, such a file would be compiled unvetted. Always errors: `check.rules`
 * cannot lower or switch them off, since handbook.config.json is edited by pull requests
 * too, and they stop even the dev server. Only the CODEOWNERS reminder is not one of them.
 */
export function isFixedRule(rule: string): boolean {
  return rule.startsWith('safety/') || rule === 'mdx/syntax' || rule.startsWith('yaml/') || (rule.startsWith('files/') && rule !== 'files/codeowners');
}

/**
 * Rules the collection schemas in src/schemas/ hold, which Astro's content layer applies
 * too: lowered in `check.rules`, the check would pass an entry the build then refuses
 * with a stack trace. So they are always errors. (Everything `checkSchema` reports; a
 * test holds the two together.)
 */
export function isSchemaRule(rule: string): boolean {
  return (rule.startsWith('schema/') && !plainTextRules.has(rule)) || schemaRefinements.has(rule);
}

/** Rules in `schema/` about how a text field reads on the page, which no schema holds: warnings, as check.rules may set. */
const plainTextRules: ReadonlySet<string> = new Set(['schema/markup', 'schema/curly-quotes']);

/** Rules outside `schema/` that a schema's own refinement reports, naming its rule. */
const schemaRefinements: ReadonlySet<string> = new Set([
  'assets/choices-answer',
  'assets/choices-duplicate',
  'assets/kind-category',
  'org/active-charter',
  'org/stream-aligned-stream',
  'org/tech-lead',
]);

/** The rules in their groups, in catalogue order. */
export function rulesByGroup(): { label: string; rules: RuleDoc[] }[] {
  const groups = new Map<string, RuleDoc[]>();
  for (const rule of ruleCatalogue) {
    const group = rule.id.split('/')[0]!;
    groups.set(group, [...(groups.get(group) ?? []), rule]);
  }
  return [...groups].map(([group, rules]) => ({ label: ruleGroups[group] ?? group, rules }));
}

/** A rule's severity in this handbook: its default, unless `check.rules` changes it. */
export function severityOf(rule: RuleDoc, settings: Record<string, 'error' | 'warning' | 'off'>): 'error' | 'warning' | 'off' {
  return settings[rule.id] ?? rule.severity;
}
