import { individualContributorRoles, type Role } from '../../../schemas/people.ts';
import { phaseIds } from '../../../schemas/phases.ts';
import { decisionStatuses } from '../../../schemas/council.ts';
import { charterStatuses, interactionModes, metricSchema, teamTypes } from '../../../schemas/teams.ts';
import { daysBetween, isoDay, latestDay } from '../../dates.ts';
import { ruleMessages } from '../../messages.ts';
import { date, num, record, records, text, texts, type Raw } from '../facts.ts';
import type { Problem } from '../problem.ts';
import { positionOf, type SourceFile } from '../source.ts';
import type { CollectionName } from '../../content/collections.ts';
import { everyPage, minutesSections } from '../../links/anchors.ts';
import { meantAmong, pastedInto, withPasted } from '../characters.ts';
import { closest, closestOrContaining } from '../suggest.ts';
import { topLevelFields } from './schema.ts';

export interface RuleSettings {
  today: Date;
  reviewIntervalDays: number;
  councilCadenceDays: number;
}

type PathKey = string | number;
type Report = (source: SourceFile, pathKeys: PathKey[], rule: string, message: string, severity?: Problem['severity']) => void;
type Entry = { source: SourceFile; raw: Raw };
/** What the decision rules need of a decision: where it is, what it replaces, its status and its meeting's date. */
type DecisionFacts = { source: SourceFile; supersedes: string | undefined; status: string | undefined; date: Date | undefined; position: number };
const isMode = (mode: string | undefined): boolean => (interactionModes as readonly string[]).includes(mode ?? '');

/**
 * The organisation's own rules: what the schema of one file cannot see, because it needs
 * several files at once, or what is a judgement rather than a type. They read every entry
 * whose YAML parses (see facts.ts), so one wrong field hides no other problem.
 */
export function checkOrganisation(sources: SourceFile[], settings: RuleSettings, incomplete: ReadonlySet<CollectionName> = new Set()): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (source, pathKeys, rule, message, severity = 'error') => {
    problems.push({ file: source.file, ...positionOf(source, pathKeys), severity, rule, message });
  };
  const of = (collection: SourceFile['collection']): Entry[] =>
    sources.filter((source) => source.collection === collection).map((source) => ({ source, raw: source.data as Raw }));
  // A rule that finds something missing stays silent while a file that may hold it cannot be read.
  const whole = (collection: CollectionName): boolean => !incomplete.has(collection);
  const teams = of('teams');
  const people = new Set(of('people').map(({ source }) => source.id));
  const meantBy = new Map(teams.map(({ source, raw }) => [source.id, nearlyNamed(raw, people)]));
  checkTeams(teams, meantBy, settings, report);
  // Who is on which team is known only when every charter is read and its people fields are
  // sound; a person a charter names by a misspelt id is not said to be on no team.
  const teamsWhole = whole('teams') && !teams.some(({ raw }) => membershipUnsure(raw));
  const meant = [...meantBy.values()];
  checkPeople(of('people'), teams, settings, report, { teamsWhole, meant: new Set(meant.flatMap(({ anyone }) => [...anyone])) });
  checkPhases(of('phases'), report, { phasesWhole: whole('phases') });
  checkCouncil(of('council'), teams, settings, report, { teamsWhole, councilWhole: whole('council'), meant: new Set(meant.flatMap(({ techLead }) => [...techLead])), people });
  for (const { source, raw } of of('assets')) {
    if (records(raw['questions']).length === 0) report(source, [], 'warn/asset-no-questions', ruleMessages.assetNoQuestions, 'warning');
    futureDate(source, ['updated'], raw['updated'], settings.today, report);
    records(raw['changes']).forEach((change, index) => futureDate(source, ['changes', index, 'date'], change['date'], settings.today, report));
    // The latest change, where the log says the content changed after "updated".
    const updated = date(raw['updated']);
    const latest = latestDay(records(raw['changes']).map((change) => date(change['date'])));
    if (updated && latest && latest > updated) {
      report(source, ['updated'], 'warn/asset-updated', ruleMessages.assetChangedAfterUpdated(isoDay(latest), isoDay(updated)), 'warning');
    }
  }
  return problems;
}

/**
 * A date of something that has happened (a review, an update, a person joining) that is
 * after today: most likely a typo (2062 for 2026). A charter "reviewed" in the future never
 * goes stale; a person "joined" in the future never gets the new-hire welcome until then,
 * while the roster, the charters and the quiz count them in already.
 */
function futureDate(
  source: SourceFile,
  pathKeys: (string | number)[],
  value: unknown,
  today: Date,
  report: Report,
  message: (date: string, today: string) => string = (day, now) => ruleMessages.futureDate(String(pathKeys.at(-1)), day, now),
): void {
  const when = date(value);
  // A day of grace: east of UTC, tomorrow's date has already come while UTC is on today.
  if (when && daysBetween(today, when) > 1) report(source, pathKeys, 'org/future-date', message(isoDay(when), isoDay(today)));
}

const teamFields = topLevelFields('teams');
const phaseFields = topLevelFields('phases');
const membershipFields = new Set(['productManager', 'techLead', 'members']);
const metricFields = Object.keys(metricSchema.shape);
const metricKinds: readonly unknown[] = metricSchema.shape.kind.options;

/**
 * Whether an entry holds a field under a near-miss name ("curent", "stauts"), which the
 * schema reports as unknown with "did you mean …?": what the field says is then not known.
 */
function misspelt(raw: Raw, fields: readonly string[], field: string): boolean {
  return Object.keys(raw).some((key) => !fields.includes(key) && closest(key, fields) === field);
}

/**
 * Whether a field's value is one the schema refuses (a status "drafted", "current: yes"), or
 * is written under a misspelt name. The schema says so, once; a rule that reads the field
 * meanwhile would add a second error for the same slip ("no current phase").
 */
function fieldUnsure(raw: Raw, fields: readonly string[], field: string, valid: (value: unknown) => boolean): boolean {
  return (raw[field] !== undefined && !valid(raw[field])) || misspelt(raw, fields, field);
}

/**
 * Whether a charter may name people its fields do not show: "members" written as other
 * than a list, or a misspelt "techLead" ("tech_lead"). The schema reports that once; until
 * it is fixed, rules that rest on who is on the team ("owns a responsibility but is not on
 * the team", "attended the council but leads no team") would blame others for it.
 */
function membershipUnsure(raw: Raw): boolean {
  if (raw['members'] !== undefined && !Array.isArray(raw['members'])) return true;
  // Not text, or blank text ("" reads as missing to the schema, which says so).
  for (const field of ['productManager', 'techLead']) if (raw[field] !== undefined && (typeof raw[field] !== 'string' || raw[field].trim() === '')) return true;
  return [...membershipFields].some((field) => misspelt(raw, teamFields, field));
}

/** The people a charter's misspelt ids most likely meant: "olga-ivanov" or "Olga Ivanova" in techLead is olga-ivanova. */
interface NearlyNamed {
  /** Meant in any of productManager, techLead and members. */
  anyone: Set<string>;
  /** Meant in techLead. */
  techLead: Set<string>;
}

function nearlyNamed(raw: Raw, people: ReadonlySet<string>): NearlyNamed {
  const meant = (id: string | undefined) => (id && !people.has(id) ? meantAmong(id, people, closestOrContaining).suggestion : undefined);
  const anyone = new Set([text(raw['productManager']), text(raw['techLead']), ...texts(raw['members'])].map(meant).filter((id): id is string => id !== undefined));
  const lead = meant(text(raw['techLead']));
  return { anyone, techLead: new Set(lead ? [lead] : []) };
}

/** Everyone a charter names: product manager, tech lead and members. */
function everyoneOn(raw: Raw): string[] {
  return [...new Set([text(raw['productManager']), text(raw['techLead']), ...texts(raw['members'])].filter((id): id is string => Boolean(id)))];
}

function checkTeams(teams: Entry[], meantBy: ReadonlyMap<string, NearlyNamed>, settings: RuleSettings, report: Report): void {
  const owners = new Map<string, string[]>();
  for (const { source, raw } of teams) for (const system of new Set(texts(raw['owns']))) owners.set(system, [...(owners.get(system) ?? []), source.id]);
  const nameKey = (raw: Raw) => text(raw['name'])?.trim().toLowerCase();
  // The first file, in file order, to bear each name.
  const named = new Map<string, SourceFile>();
  for (const { source, raw } of [...teams].sort((a, b) => (a.source.file < b.source.file ? -1 : 1))) {
    const key = nameKey(raw);
    if (key && !named.has(key)) named.set(key, source);
  }

  // Each team's stated modes towards others that hold today, to hold a pair stated in both
  // charters to one mode. One whose "until" has passed is history: a collaboration that
  // became X-as-a-service may stay written beside it.
  const ended = (interaction: Raw) => {
    const until = date(interaction['until']);
    return until !== undefined && until < settings.today;
  };
  const stated = new Map<string, Map<string, string>>();
  const fileOf = new Map(teams.map(({ source }) => [source.id, source.file]));
  for (const { source, raw } of teams) {
    const modes = new Map<string, string>();
    for (const interaction of records(raw['interactions'])) {
      const team = text(interaction['team']);
      const mode = text(interaction['mode']);
      // A misspelt mode is schema/enum's, in its own file; the charter is then left out, and draws nothing.
      if (team && mode && isMode(mode) && !ended(interaction) && !modes.has(team)) modes.set(team, mode);
    }
    stated.set(source.id, modes);
  }

  for (const { source, raw } of teams) {
    texts(raw['owns']).forEach((system, index) => {
      const others = (owners.get(system) ?? []).filter((team) => team !== source.id);
      if (others.length > 0) report(source, ['owns', index], 'org/system-owner', ruleMessages.systemOwners(system, others));
    });
    const onTeam = new Set(everyoneOn(raw));
    const unsure = membershipUnsure(raw);
    const meant = meantBy.get(source.id)!.anyone;
    records(raw['responsibilities']).forEach((responsibility, index) => {
      const owner = text(responsibility['owner']);
      if (owner && !unsure && !meant.has(owner) && !onTeam.has(owner)) report(source, ['responsibilities', index, 'owner'], 'org/responsibility-owner', ruleMessages.ownerNotOnTeam(owner));
    });
    const partners = new Map<string, string>();
    records(raw['interactions']).forEach((interaction, index) => {
      const team = text(interaction['team']);
      if (team && team !== source.id && ended(interaction)) {
        const mode = text(interaction['mode']);
        const until = date(interaction['until'])!;
        const theirs = stated.get(team)?.get(source.id);
        const message =
          theirs !== undefined && theirs === mode
            ? ruleMessages.interactionEndedHereOnly(team, mode, isoDay(until), fileOf.get(team)!)
            : ruleMessages.interactionEnded(team, isMode(mode) ? mode : undefined, isoDay(until), daysBetween(until, settings.today));
        report(source, ['interactions', index, 'until'], 'warn/interaction-ended', message, 'warning');
        return;
      }
      if (team === source.id) report(source, ['interactions', index, 'team'], 'org/self-interaction', ruleMessages.selfInteraction);
      else if (team && partners.has(team)) report(source, ['interactions', index, 'team'], 'org/contradiction', ruleMessages.interactionTwice(team, partners.get(team)!));
      else if (team) {
        const mode = text(interaction['mode']) ?? '';
        partners.set(team, mode);
        // Said in the later file of the two only: one disagreement, one error.
        const theirs = stated.get(team)?.get(source.id);
        const theirFile = fileOf.get(team);
        if (isMode(mode) && theirs && theirs !== mode && theirFile && theirFile < source.file) {
          report(source, ['interactions', index, 'mode'], 'org/contradiction', ruleMessages.interactionModesDiffer(team, mode, theirs, theirFile));
        }
      }
    });
    // Reported at each later file, naming the first: one clash, one error.
    const first = named.get(nameKey(raw) ?? '');
    if (first && first !== source) report(source, ['name'], 'org/contradiction', ruleMessages.sameTeamName(text(raw['name'])!, first.file));
    const investment = record(raw['investment']);
    const product = num(investment?.['product']);
    const technical = num(investment?.['technical']);
    if (product !== undefined && technical !== undefined && product + technical !== 100) {
      report(source, ['investment'], 'org/investment-sum', ruleMessages.investmentSum(product, technical));
    }

    const draft = raw['status'] === 'draft';
    // "status: drafted": draft or active, the rules that differ between them wait for the schema's fix.
    const statusUnsure = fieldUnsure(raw, teamFields, 'status', (status) => (charterStatuses as readonly unknown[]).includes(status));
    const type = text(raw['type']);
    if (type === 'stream-aligned' && !text(raw['productManager'])) {
      report(source, ['type'], 'org/stream-aligned-pm', ruleMessages.streamAlignedNeedsPm, draft || statusUnsure ? 'warning' : 'error');
    }
    const metrics = records(raw['metrics']);
    if (draft) {
      if (!text(raw['mission'])) report(source, [], 'draft/missing', ruleMessages.draftMissing('mission', 'why the team exists and what value it delivers'), 'warning');
      if (!text(raw['techLead']) && type !== 'leadership') {
        report(source, [], 'draft/missing', ruleMessages.draftMissing('techLead', 'the person id of the team’s tech lead'), 'warning');
      }
      if (metrics.length === 0) report(source, [], 'draft/missing', ruleMessages.draftMissing('metrics', 'at least one value metric'), 'warning');
      if (type === 'stream-aligned' && !text(raw['stream'])) {
        report(source, [], 'draft/missing', ruleMessages.draftMissing('stream', 'the id of the value stream the team serves, or another "type" if it is not stream-aligned'), 'warning');
      }
    }
    // "kind: Value" is schema/enum's: the metric may well be the value metric.
    const kindsKnown = metrics.every((metric) => metricKinds.includes(metric['kind']) && !misspelt(metric, metricFields, 'kind'));
    if (kindsKnown && metrics.length > 0 && !metrics.some((metric) => metric['kind'] === 'value')) {
      report(source, ['metrics'], 'warn/no-value-metric', ruleMessages.noValueMetric, 'warning');
    }
    futureDate(source, ['reviewed'], raw['reviewed'], settings.today, report);
    if (!draft && !statusUnsure) {
      const reviewed = date(raw['reviewed']);
      if (raw['reviewed'] === undefined) report(source, [], 'warn/stale-charter', ruleMessages.neverReviewed, 'warning');
      else if (reviewed) {
        const days = daysBetween(reviewed, settings.today);
        if (days > settings.reviewIntervalDays) {
          report(source, ['reviewed'], 'warn/stale-charter', ruleMessages.staleCharter(days, settings.reviewIntervalDays), 'warning');
        }
      }
    }
  }
}

function checkPeople(people: Entry[], teams: Entry[], settings: RuleSettings, report: Report, { teamsWhole, meant }: { teamsWhole: boolean; meant: ReadonlySet<string> }): void {
  const firstTeams = new Map<string, string[]>();
  const onAnyTeam = new Set<string>();
  for (const { source, raw } of teams) {
    const productManager = text(raw['productManager']);
    // A type the schema refuses ("leadershp", or none) may be leadership, whose members have a first team elsewhere.
    const firstTeam = (teamTypes as readonly unknown[]).includes(raw['type']) && raw['type'] !== 'leadership';
    for (const person of everyoneOn(raw)) {
      onAnyTeam.add(person);
      // A product manager often serves several pods: being one is not a first team.
      if (firstTeam && person !== productManager) firstTeams.set(person, [...(firstTeams.get(person) ?? []), source.id]);
    }
  }
  // A reporting line that comes back to where it started, reported once, at the first of its people in file order.
  const manager = new Map(people.map(({ source, raw }) => [source.id, text(raw['reportsTo'])]));
  const inCycle = new Set<string>();
  for (const { source } of people) {
    const chain = [source.id];
    let next = manager.get(source.id);
    while (next !== undefined && manager.has(next) && !chain.includes(next)) {
      chain.push(next);
      next = manager.get(next);
    }
    if (next === source.id && !inCycle.has(source.id)) {
      chain.forEach((id) => inCycle.add(id));
      report(source, ['reportsTo'], 'org/reporting-cycle', ruleMessages.reportingCycle([...chain, source.id]));
    }
  }
  // GitHub ignores case in handles: one account given to two people makes CODEOWNERS ask
  // one of them to review the other's pages. Reported at each later file, naming the first.
  const handles = new Map<string, { source: SourceFile; handle: string }>();
  for (const { source, raw } of people) {
    // The schema takes "@octocat" as octocat.
    const handle = text(raw['github'])?.trim().replace(/^@/, '');
    if (!handle) continue;
    const first = handles.get(handle.toLowerCase());
    if (first) report(source, ['github'], 'org/contradiction', ruleMessages.sameGithubHandle(handle, first.source.file, first.handle));
    else handles.set(handle.toLowerCase(), { source, handle });
  }
  for (const { source, raw } of people) {
    futureDate(source, ['joined'], raw['joined'], settings.today, report, ruleMessages.joinedAhead);
    const teamsOf = firstTeams.get(source.id) ?? [];
    if (teamsOf.length > 1) report(source, [], 'warn/two-teams', ruleMessages.twoTeams(source.id, teamsOf), 'warning');
    const role = text(raw['role']) as Role | undefined;
    if (teamsWhole && role && individualContributorRoles.includes(role) && !onAnyTeam.has(source.id) && !meant.has(source.id)) {
      report(source, ['role'], 'warn/ic-without-team', ruleMessages.icWithoutTeam(source.id), 'warning');
    }
  }
}

/**
 * The decisions log says which decisions stand. Only a decision that was taken (accepted,
 * or accepted and superseded since) replaces another, and only one taken before it; the
 * one it replaces is then "superseded" (unless it was rejected: reversing a rejection
 * keeps the record of it), and a "superseded" decision names what replaced it. A proposal
 * or a rejected decision may keep the "supersedes" it was written with: it replaces
 * nothing. Warnings: the log and the timeline work out what replaced what either way.
 */
function checkDecisionStatus(
  decisions: ReadonlyMap<string, DecisionFacts>,
  report: Report,
  councilWhole: boolean,
): void {
  // A cycle (org/supersedes-cycle) and a misspelt id (references/decision) are their own
  // mistakes: the statuses they leave wrong are not reported as well.
  const inCycle = (id: string): boolean => {
    const seen = new Set<string>();
    for (let next = decisions.get(id)?.supersedes; next && !seen.has(next); next = decisions.get(next)?.supersedes) {
      if (next === id) return true;
      seen.add(next);
    }
    return false;
  };
  // A successor the check cannot place (its id misspelt, its status not one of the four,
  // or its minutes unread) may be what replaced a "superseded" decision.
  const known = (status: string | undefined) => (decisionStatuses as readonly string[]).includes(status ?? '');
  const successorsUnsure = !councilWhole || [...decisions.values()].some((decision) => decision.supersedes && (!decisions.has(decision.supersedes) || !known(decision.status)));
  const replacedBy = new Map<string, string>();
  for (const [id, decision] of decisions) {
    if (inCycle(id)) continue;
    const earlier = decision.supersedes ? decisions.get(decision.supersedes) : undefined;
    if (!earlier || !decision.supersedes) continue;
    if (earlier.date && decision.date && earlier.date > decision.date) {
      report(decision.source, ['decisions', decision.position, 'supersedes'], 'org/decision-status', ruleMessages.supersedesLater(id, decision.supersedes, isoDay(earlier.date)), 'warning');
    } else if ((decision.status === 'accepted' || decision.status === 'superseded') && earlier.status !== 'rejected') replacedBy.set(decision.supersedes, id);
  }
  for (const [id, decision] of decisions) {
    const by = replacedBy.get(id);
    const at = ['decisions', decision.position, 'status'];
    if (by && decision.status !== 'superseded' && known(decision.status)) report(decision.source, at, 'org/decision-status', ruleMessages.notMarkedSuperseded(id, by, decision.status ?? ''), 'warning');
    else if (!by && decision.status === 'superseded' && !successorsUnsure && !inCycle(id)) report(decision.source, at, 'org/decision-status', ruleMessages.supersededByNothing(id), 'warning');
  }
}

/** A phase's place among the four, 1 to 4; 5 for a phase that is not one of them. */
function placeOf({ source }: Entry): number {
  const index = (phaseIds as readonly string[]).indexOf(source.id);
  return index === -1 ? 5 : index + 1;
}
/** Whether a minutes file's name is a day of the calendar, YYYY-MM-DD: 2026-02-30 is not, though the build would read it as 2 March. */
const isDay = (name: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(name) && isoDay(new Date(`${name}T00:00:00Z`)) === name;
const extensionOf = (source: SourceFile): string => (source.relative.endsWith('.mdx') ? '.mdx' : '.md');

function checkPhases(phases: Entry[], report: Report, { phasesWhole }: { phasesWhole: boolean }): void {
  if (phases.length === 0) return;
  const known: readonly string[] = phaseIds;
  const present = new Set(phases.map(({ source }) => source.id));
  // A misspelt phase is one mistake: its "did you mean" names the phase, which is then not reported missing as well.
  const meant = new Set<string>();
  for (const { source } of phases) {
    if (known.includes(source.id)) continue;
    const absent = known.filter((id) => !present.has(id));
    // "traction" or "growth" is too far from its phase for a typo, but plainly part of its name.
    const { pasted, suggestion } = meantAmong(source.id, absent, closestOrContaining);
    if (suggestion) meant.add(suggestion);
    report(source, [], 'org/phase-set', withPasted(ruleMessages.unknownPhase(source.id, known, suggestion, extensionOf(source)), pasted, suggestion === pasted?.plain));
  }
  const missing = known.filter((id) => !present.has(id) && !meant.has(id));
  if (missing.length > 0 && phasesWhole) {
    // Said once, on the first phase there is: the missing files have no place of their own.
    const first = [...phases].sort((a, b) => placeOf(a) - placeOf(b) || a.source.id.localeCompare(b.source.id))[0]!;
    report(first.source, [], 'warn/missing-phase', ruleMessages.missingPhases(missing, extensionOf(first.source)), 'warning');
  }
  // A known phase's order is its place among the four; only the others can clash with each other.
  const misplaced = new Set<Entry>();
  for (const entry of phases) {
    const order = num(entry.raw['order']);
    const place = placeOf(entry);
    if (place <= 4 && order !== undefined && order >= 1 && order <= 4 && order !== place) {
      misplaced.add(entry);
      report(entry.source, ['order'], 'org/phase-order', ruleMessages.phaseOutOfPlace(entry.source.id, known, order, place));
    }
  }
  for (const entry of phases) {
    if (misplaced.has(entry)) continue;
    const order = num(entry.raw['order']);
    const others = phases.filter((other) => other !== entry && !misplaced.has(other) && order !== undefined && num(other.raw['order']) === order).map((other) => other.source.id);
    if (others.length > 0) report(entry.source, ['order'], 'org/phase-order', ruleMessages.phaseOrder(order!, others));
  }
  const current = phases.filter(({ raw }) => raw['current'] === true);
  // "current: yes" or "curent: true" is schema's to report: that phase may be the current one.
  const currentUnsure = phases.some(({ raw }) => fieldUnsure(raw, phaseFields, 'current', (value) => typeof value === 'boolean'));
  if (current.length === 0 && phasesWhole && !currentUnsure) {
    const first = [...phases].sort((a, b) => (num(a.raw['order']) ?? 9) - (num(b.raw['order']) ?? 9))[0]!;
    report(first.source, [], 'org/current-phase', ruleMessages.noCurrentPhase);
  } else if (current.length > 1) {
    for (const { source } of current) {
      const others = current.filter((other) => other.source !== source).map((other) => other.source.id);
      report(source, ['current'], 'org/current-phase', ruleMessages.manyCurrentPhases(others));
    }
  }
}

function checkCouncil(
  council: Entry[],
  teams: Entry[],
  settings: RuleSettings,
  report: Report,
  whole: { teamsWhole: boolean; councilWhole: boolean; meant: ReadonlySet<string>; people: ReadonlySet<string> },
): void {
  const techLeads = new Set(teams.map(({ raw }) => text(raw['techLead'])).filter(Boolean));
  const dated = council.map((entry) => ({ ...entry, date: date(entry.raw['date']) })).sort((a, b) => (a.date?.getTime() ?? 0) - (b.date?.getTime() ?? 0));
  // The latest meeting held (minutes started for the next one count, a year typo does not).
  const latest = dated.filter(({ date: day }) => day && daysBetween(settings.today, day) <= settings.councilCadenceDays).at(-1)?.source;
  const decisions = new Map<string, DecisionFacts>();

  let previous: Date | undefined;
  for (const { source, raw, date: meetingDate } of dated) {
    if (!isDay(source.id)) {
      // "2026‑10‑21" with non-breaking hyphens reads as a date: the message names them, and the name to give the file.
      const pasted = pastedInto(source.id, isDay);
      const rename = pasted?.fixed ? `${pasted.plain}${extensionOf(source)}` : undefined;
      report(source, [], 'ids/council-date', withPasted(ruleMessages.councilFileName(source.id, rename), pasted, true));
    } else if (meetingDate && source.id !== isoDay(meetingDate)) report(source, ['date'], 'ids/council-date', ruleMessages.councilDate(source.id, isoDay(meetingDate)));

    records(raw['decisions']).forEach((decision, position) => {
      const id = text(decision['id']);
      if (!id) return;
      const earlier = decisions.get(id);
      // The meeting's page and the decisions log give each decision its id as an anchor, beside the layout's own.
      if (everyPage.includes(id) || minutesSections.includes(id)) report(source, ['decisions', position, 'id'], 'ids/decision-unique', ruleMessages.decisionIdTaken(id));
      else if (earlier) report(source, ['decisions', position, 'id'], 'ids/decision-unique', ruleMessages.duplicateDecision(id, earlier.source.file));
      else decisions.set(id, { source, supersedes: text(decision['supersedes']), status: text(decision['status']), date: meetingDate, position });
    });
    const roadmapIds = new Set<string>();
    records(raw['roadmap']).forEach((item, position) => {
      const id = text(item['id']);
      if (id && roadmapIds.has(id)) report(source, ['roadmap', position, 'id'], 'ids/roadmap-unique', ruleMessages.duplicateRoadmapItem(id));
      if (id) roadmapIds.add(id);
    });
    const present = new Set(texts(raw['attendees']));
    texts(raw['absent']).forEach((person, position) => {
      if (present.has(person)) report(source, ['absent', position], 'org/contradiction', ruleMessages.presentAndAbsent(person));
    });
    texts(raw['attendees']).forEach((person, position, all) => {
      if (all.indexOf(person) < position) report(source, ['attendees', position], 'org/contradiction', ruleMessages.attendeeTwice(person));
      // Judged in the latest minutes only: the charters say who leads now, and earlier minutes
      // rightly list the leads of their day. An id that names no one is references/person's.
      else if (source === latest && whole.teamsWhole && whole.people.has(person) && !techLeads.has(person) && !whole.meant.has(person)) {
        report(source, ['attendees', position], 'warn/attendee-not-tech-lead', ruleMessages.attendeeNotTechLead(person), 'warning');
      }
    });
    // Minutes may be started for the next meeting (npm run new minutes), within one cadence;
    // further ahead is a typo (2062 for 2026), which would stand as the latest meeting and
    // hide overdue actions. It is that one mistake, not also a gap of decades.
    const ahead = meetingDate ? daysBetween(settings.today, meetingDate) : 0;
    if (meetingDate && ahead > settings.councilCadenceDays) {
      report(source, ['date'], 'org/future-date', ruleMessages.minutesAhead(isoDay(meetingDate), isoDay(settings.today), settings.councilCadenceDays));
    } else if (meetingDate) {
      const gap = previous ? daysBetween(previous, meetingDate) : 0;
      if (whole.councilWhole && previous && gap > 2 * settings.councilCadenceDays) {
        report(source, ['date'], 'warn/council-gap', ruleMessages.councilGap(gap, isoDay(previous), settings.councilCadenceDays), 'warning');
      }
      previous = meetingDate;
    }
  }

  checkDecisionStatus(decisions, report, whole.councilWhole);

  // A supersedes chain that comes back to where it started, reported once, at the decision that closes it.
  const reported = new Set<string>();
  for (const { source, raw } of dated) {
    records(raw['decisions']).forEach((decision, position) => {
      const id = text(decision['id']);
      if (!id) return;
      const chain = [id];
      let next = text(decision['supersedes']);
      while (next && decisions.has(next) && !chain.includes(next)) {
        chain.push(next);
        next = decisions.get(next)!.supersedes;
      }
      if (next === id && !chain.some((link) => reported.has(link))) {
        chain.forEach((link) => reported.add(link));
        report(source, ['decisions', position, 'supersedes'], 'org/supersedes-cycle', ruleMessages.supersedesCycle([...chain, id]));
      }
    });
  }
}
