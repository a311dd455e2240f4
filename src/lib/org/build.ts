import type { Asset, AssetCategory } from '../../schemas/assets.ts';
import type { CouncilMinutes } from '../../schemas/council.ts';
import type { HandbookPage } from '../../schemas/handbook.ts';
import { individualContributorRoles, type Person } from '../../schemas/people.ts';
import type { Phase } from '../../schemas/phases.ts';
import type { Stream } from '../../schemas/streams.ts';
import type { InteractionMode, Team, TeamType } from '../../schemas/teams.ts';
import { daysBetween, humanDate, latestDay } from '../dates.ts';
import { decisionUrl, entryUrl } from '../urls.ts';
import type {
  ActionRecord,
  DecisionRecord,
  Entry,
  OrgInput,
  OwnedResponsibility,
  Ref,
  RefKind,
  RoadmapRecord,
  StatedInteraction,
  TeamInteraction,
  TeamMembership,
} from './types.ts';

function byId<T>(entries: Entry<T>[]): Map<string, Entry<T>> {
  return new Map(entries.map((entry) => [entry.id, entry]));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * The organisation as one indexed graph, built once per build and shared by every page,
 * so that no page scans a whole collection to answer "which teams is this person on?".
 * Dangling references are tolerated here (they render as plain text); reporting them is
 * the checker's job.
 */
/** One line of a handbook folder's navigation: a page, or a subfolder that has no page of its own. */
export type HandbookItem = { page: Entry<HandbookPage> } | { folder: string; items: HandbookItem[] };

export class Org {
  readonly people: Map<string, Entry<Person>>;
  readonly teams: Map<string, Entry<Team>>;
  readonly streams: Map<string, Entry<Stream>>;
  readonly assets: Map<string, Entry<Asset>>;
  readonly phases: Entry<Phase>[];
  /** Newest meeting first. */
  readonly meetings: Entry<CouncilMinutes>[];
  /** Handbook pages by `order`, then title. */
  readonly handbook: Entry<HandbookPage>[];
  /** Each handbook page's title by its id, for breadcrumbs. */
  readonly handbookTitles: ReadonlyMap<string, string>;
  /** Every decision, oldest meeting first. */
  readonly decisions: DecisionRecord[];
  /** The technical roadmap, each id at its latest stated version, by start date. */
  readonly technicalRoadmap: RoadmapRecord[];
  /**
   * Every interaction in the organisation that holds today, once: a pair written in both
   * charters with the same mode is one interaction, from the team that comes first by name.
   * One whose `until` has passed is left out: the topology shows how teams work now.
   */
  readonly interactions: TeamInteraction[] = [];
  /** Every action across all minutes, once (a carried-over action at its latest minutes), with overdue computed against `today`. */
  readonly actions: ActionRecord[];
  readonly today: Date;

  readonly #memberships = new Map<string, TeamMembership[]>();
  readonly #reports = new Map<string, Entry<Person>[]>();
  readonly #responsibilities = new Map<string, OwnedResponsibility[]>();
  readonly #systemOwners = new Map<string, Entry<Team>[]>();
  readonly #teamsByStream = new Map<string, Entry<Team>[]>();
  readonly #assetsByStream = new Map<string, Entry<Asset>[]>();
  readonly #assetsByOwner = new Map<string, Entry<Asset>[]>();
  readonly #incoming = new Map<string, StatedInteraction[]>();
  readonly #decisions = new Map<string, DecisionRecord>();
  readonly #roadmapByTeam = new Map<string, RoadmapRecord[]>();
  readonly #actionsByMeeting = new Map<string, ActionRecord[]>();
  /** Position of each meeting in `meetings`, for labels and previous/next links. */
  readonly #meetingIndex = new Map<string, number>();

  constructor(input: OrgInput, today: Date) {
    this.today = today;
    const sortedPeople = [...input.people].sort((a, b) => collator.compare(a.data.name, b.data.name));
    const sortedTeams = [...input.teams].sort((a, b) => collator.compare(a.data.name, b.data.name));
    this.people = byId(sortedPeople);
    this.teams = byId(sortedTeams);
    this.streams = byId([...input.streams].sort((a, b) => collator.compare(a.data.name, b.data.name)));
    this.assets = byId([...input.assets].sort((a, b) => collator.compare(a.data.title, b.data.title)));
    this.phases = [...input.phases].sort((a, b) => a.data.order - b.data.order);
    this.meetings = [...input.council].sort((a, b) => b.id.localeCompare(a.id));
    this.handbook = [...input.handbook].sort(
      (a, b) => (a.data.order ?? Infinity) - (b.data.order ?? Infinity) || collator.compare(a.data.title, b.data.title),
    );
    this.handbookTitles = new Map(this.handbook.map((page) => [page.id, page.data.title]));

    this.meetings.forEach((meeting, index) => this.#meetingIndex.set(meeting.id, index));
    for (const person of sortedPeople) {
      if (person.data.reportsTo) push(this.#reports, person.data.reportsTo, person);
    }
    for (const team of sortedTeams) {
      const { productManager, techLead, members, responsibilities, owns, stream, interactions } = team.data;
      if (productManager) push(this.#memberships, productManager, { team, as: 'product manager' });
      if (techLead) push(this.#memberships, techLead, { team, as: 'tech lead' });
      for (const member of new Set(members)) {
        if (member !== productManager && member !== techLead) push(this.#memberships, member, { team, as: 'member' });
      }
      for (const { what, owner } of responsibilities) push(this.#responsibilities, owner, { team, what });
      for (const system of new Set(owns)) push(this.#systemOwners, system, team);
      if (stream) push(this.#teamsByStream, stream, team);
      for (const { team: other, mode, until } of interactions) push(this.#incoming, other, { team, mode, until, ended: this.hasEnded(until) });
    }
    const pairs = new Set<string>();
    for (const team of sortedTeams) {
      for (const { team: otherId, mode, until } of team.data.interactions) {
        const other = this.teams.get(otherId);
        const pair = `${[team.id, otherId].sort().join('>')}>${mode}`;
        if (!other || other.id === team.id || pairs.has(pair) || this.hasEnded(until)) continue;
        pairs.add(pair);
        this.interactions.push(statedBackwards(team, other, mode) ? { from: other, to: team, mode, until } : { from: team, to: other, mode, until });
      }
    }
    for (const asset of this.assets.values()) {
      if (asset.data.stream) push(this.#assetsByStream, asset.data.stream, asset);
      if (asset.data.owner) push(this.#assetsByOwner, asset.data.owner, asset);
    }

    const chronological = [...this.meetings].reverse();
    this.decisions = chronological.flatMap((meeting) =>
      meeting.data.decisions.map((decision) => ({ ...decision, meeting: meeting.id, supersededBy: [] as string[] })),
    );
    for (const decision of this.decisions) {
      // First statement wins for the lookup; duplicate ids are the checker's to report.
      if (!this.#decisions.has(decision.id)) this.#decisions.set(decision.id, decision);
    }
    for (const decision of this.decisions) {
      // A proposal to replace a decision replaces nothing yet (org/decision-status holds the rest).
      if (decision.supersedes && (decision.status === 'accepted' || decision.status === 'superseded')) this.#decisions.get(decision.supersedes)?.supersededBy.push(decision.id);
    }

    const roadmap = new Map<string, RoadmapRecord>();
    for (const meeting of chronological) {
      for (const item of meeting.data.roadmap) {
        const firstIn = roadmap.get(item.id)?.firstIn ?? meeting.id;
        roadmap.set(item.id, { ...item, updatedIn: meeting.id, firstIn });
      }
    }
    this.technicalRoadmap = [...roadmap.values()].sort(
      (a, b) => a.start.getTime() - b.start.getTime() || a.id.localeCompare(b.id),
    );
    for (const item of this.technicalRoadmap) {
      for (const team of new Set(item.teams)) push(this.#roadmapByTeam, team, item);
    }

    const recorded = chronological.flatMap((meeting) =>
      meeting.data.actions.map((action) => ({
        ...action,
        meeting: meeting.id,
        overdue: !action.done && action.due !== undefined && action.due < today,
      })),
    );
    // An action carried into later minutes (same text, same owner) is one action, as its
    // latest minutes state it: done there, or with a new due date.
    const key = (action: ActionRecord) => `${action.owner}\0${action.what.trim().toLowerCase()}`;
    const latest = new Map<string, ActionRecord>();
    for (const action of recorded) latest.set(key(action), action);
    const current = new Set(latest.values());
    this.actions = recorded.filter((action) => current.has(action));
    // Each meeting's page shows its minutes as written, but "overdue" is said of today: an
    // action done or moved to a later date since is not overdue there either.
    for (const action of recorded) push(this.#actionsByMeeting, action.meeting, { ...action, overdue: latest.get(key(action))!.overdue });
  }

  /** Resolves an id to a label and a link; an unknown id keeps its text and loses the link. */
  ref(kind: RefKind, id: string): Ref {
    const label = this.#label(kind, id);
    if (label === undefined) return { id, label: id, href: undefined };
    return { id, label, href: kind === 'decision' ? decisionUrl(this.#decisions.get(id)!.meeting, id) : entryUrl(kind, id) };
  }

  #label(kind: RefKind, id: string): string | undefined {
    switch (kind) {
      case 'person':
        return this.people.get(id)?.data.name;
      case 'team':
        return this.teams.get(id)?.data.name;
      case 'stream':
        return this.streams.get(id)?.data.name;
      case 'asset':
        return this.assets.get(id)?.data.title;
      case 'phase':
        return this.phases.find((phase) => phase.id === id)?.data.name;
      case 'council': {
        const index = this.#meetingIndex.get(id);
        return index === undefined ? undefined : humanDate(this.meetings[index]!.data.date);
      }
      case 'decision':
        return this.#decisions.get(id)?.title;
    }
  }

  isIndividualContributor(personId: string): boolean {
    const person = this.people.get(personId);
    return person !== undefined && individualContributorRoles.includes(person.data.role);
  }

  /** Teams the person is on, with the capacity they are on it in. */
  membershipsOf(personId: string): TeamMembership[] {
    return this.#memberships.get(personId) ?? [];
  }

  /**
   * The person's first team: their non-leadership team, or the leadership team for
   * leaders (whose first team is their peers, not their reports).
   */
  firstTeam(personId: string): Entry<Team> | undefined {
    const teams = this.membershipsOf(personId).map((membership) => membership.team);
    return teams.find((team) => team.data.type !== 'leadership') ?? teams[0];
  }

  /** Everyone on a team: product manager, tech lead, then members. */
  membersOf(team: Entry<Team>): { id: string; as: TeamMembership['as'] }[] {
    const { productManager, techLead, members } = team.data;
    const list: { id: string; as: TeamMembership['as'] }[] = [];
    if (productManager) list.push({ id: productManager, as: 'product manager' });
    if (techLead) list.push({ id: techLead, as: 'tech lead' });
    for (const member of new Set(members)) {
      if (member !== productManager && member !== techLead) list.push({ id: member, as: 'member' });
    }
    return list;
  }

  /** Managers from the person's own up to the top; stops at a missing person or a loop. */
  reportingLine(personId: string): Entry<Person>[] {
    const line: Entry<Person>[] = [];
    const seen = new Set([personId]);
    let next = this.people.get(personId)?.data.reportsTo;
    while (next && !seen.has(next)) {
      seen.add(next);
      const manager = this.people.get(next);
      if (!manager) break;
      line.push(manager);
      next = manager.data.reportsTo;
    }
    return line;
  }

  directReports(personId: string): Entry<Person>[] {
    return this.#reports.get(personId) ?? [];
  }

  /**
   * Whether the person is at the top of a reporting line: reports to no one and has people
   * who report to them (a CEO, founders). Their place is the organisation itself, so being
   * on no team's charter is not a gap the handbook flags.
   */
  headsTheOrganisation(personId: string): boolean {
    const person = this.people.get(personId);
    return person !== undefined && !person.data.reportsTo && this.directReports(personId).length > 0;
  }

  responsibilitiesOf(personId: string): OwnedResponsibility[] {
    return this.#responsibilities.get(personId) ?? [];
  }

  /** Teams that list the system in `owns` (exactly one, when the content is right). */
  ownersOf(system: string): Entry<Team>[] {
    return this.#systemOwners.get(system) ?? [];
  }

  /** Every system some charter owns, with the teams that own it, in the order charters list them. */
  systems(): [system: string, owners: Entry<Team>[]][] {
    return [...this.#systemOwners];
  }

  /** The council: every team's tech lead, once, by team name. */
  techLeads(): string[] {
    return [...new Set([...this.teams.values()].flatMap((team) => (team.data.techLead ? [team.data.techLead] : [])))];
  }

  teamsInStream(streamId: string): Entry<Team>[] {
    return this.#teamsByStream.get(streamId) ?? [];
  }

  assetsInStream(streamId: string): Entry<Asset>[] {
    return this.#assetsByStream.get(streamId) ?? [];
  }

  assetsOwnedBy(teamId: string): Entry<Asset>[] {
    return this.#assetsByOwner.get(teamId) ?? [];
  }

  assetsByCategory(): Map<AssetCategory, Entry<Asset>[]> {
    const groups = new Map<AssetCategory, Entry<Asset>[]>();
    for (const asset of this.assets.values()) push(groups, asset.data.category, asset);
    return groups;
  }

  /** Whether an interaction's last day is behind us. */
  hasEnded(until: Date | undefined): boolean {
    return until !== undefined && until < this.today;
  }

  technicalRoadmapOf(teamId: string): RoadmapRecord[] {
    return this.#roadmapByTeam.get(teamId) ?? [];
  }

  decision(id: string): DecisionRecord | undefined {
    return this.#decisions.get(id);
  }

  /** The decisions this one replaced, most recent first; stops at a missing id or a loop. */
  supersedesChain(id: string): DecisionRecord[] {
    const chain: DecisionRecord[] = [];
    const seen = new Set([id]);
    let next = this.#decisions.get(id)?.supersedes;
    while (next && !seen.has(next)) {
      seen.add(next);
      const earlier = this.#decisions.get(next);
      if (!earlier) break;
      chain.push(earlier);
      next = earlier.supersedes;
    }
    return chain;
  }

  /** The actions recorded in one meeting's minutes. */
  actionsOf(meetingId: string): ActionRecord[] {
    return this.#actionsByMeeting.get(meetingId) ?? [];
  }

  /** Open actions, overdue first, then by due date (undated last). */
  openActions(): ActionRecord[] {
    return this.actions
      .filter((action) => !action.done)
      .sort(
        (a, b) =>
          Number(b.overdue) - Number(a.overdue) ||
          (a.due?.getTime() ?? Infinity) - (b.due?.getTime() ?? Infinity) ||
          a.meeting.localeCompare(b.meeting),
      );
  }

  /** The open actions a person owns, in the order of openActions(); worked out once for every person page. */
  openActionsOf(personId: string): ActionRecord[] {
    if (!this.#openByOwner) {
      this.#openByOwner = new Map();
      for (const action of this.openActions()) push(this.#openByOwner, action.owner, action);
    }
    return this.#openByOwner.get(personId) ?? [];
  }

  #openByOwner: Map<string, ActionRecord[]> | undefined;

  currentPhase(): Entry<Phase> | undefined {
    return this.phases.find((phase) => phase.data.current);
  }

  /** Minutes before and after a meeting, for previous/next links. */
  neighboursOf(meetingId: string): { previous?: Entry<CouncilMinutes>; next?: Entry<CouncilMinutes> } {
    const index = this.#meetingIndex.get(meetingId);
    if (index === undefined) return {};
    const result: { previous?: Entry<CouncilMinutes>; next?: Entry<CouncilMinutes> } = {};
    const previous = this.meetings[index + 1];
    const next = this.meetings[index - 1];
    if (previous) result.previous = previous;
    if (next) result.next = next;
    return result;
  }

  /** Days since a charter was last reviewed, or undefined when it never was. */
  daysSinceReview(team: Entry<Team>): number | undefined {
    return team.data.reviewed ? daysBetween(team.data.reviewed, this.today) : undefined;
  }

  /**
   * A team's interactions: those its charter declares, and those other charters declare
   * towards it, each marked `ended` once its `until` has passed. A pair written in both
   * charters shows once, from this team's side.
   */
  interactionsOf(team: Entry<Team>): { declared: (Team['interactions'][number] & { ended: boolean })[]; incoming: StatedInteraction[] } {
    const declared = team.data.interactions.map((interaction) => ({ ...interaction, ended: this.hasEnded(interaction.until) }));
    // A pair this charter says has ended, but the other still states, shows from their side.
    const incoming = (this.#incoming.get(team.id) ?? []).filter(
      (other) => !declared.some((mine) => mine.team === other.team.id && mine.mode === other.mode && (!mine.ended || other.ended)),
    );
    return { declared, incoming };
  }

  /** ISO day of the build, for "as of" notes on time-sensitive pages. */
  /**
   * What a handbook folder holds, for its navigation ("" is the top level): its pages in
   * `order`, a subfolder by its own index page, and a subfolder without one as its name
   * with what it holds. `order` places a page among its folder's pages, as the content
   * model says, not among every page of the handbook.
   */
  handbookSection(folder: string): HandbookItem[] {
    this.#sections ??= this.#handbookSections();
    return this.#sections.get(folder) ?? [];
  }

  #sections: Map<string, HandbookItem[]> | undefined;

  /** Every folder's navigation, in one pass over the pages in order: each handbook page asks for its own folder's. */
  #handbookSections(): Map<string, HandbookItem[]> {
    const sections = new Map<string, HandbookItem[]>();
    const itemsOf = (folder: string): HandbookItem[] => {
      let items = sections.get(folder);
      if (!items) sections.set(folder, (items = []));
      return items;
    };
    for (const page of this.handbook) {
      const parts = page.id.split('/');
      // A folder without a page of its own is listed by name where its first page would be, outermost first.
      for (let depth = 1; depth < parts.length; depth++) {
        const folder = parts.slice(0, depth).join('/');
        if (this.handbookTitles.has(folder) || sections.has(folder)) continue;
        itemsOf(parts.slice(0, depth - 1).join('/')).push({ folder: parts[depth - 1]!, items: itemsOf(folder) });
      }
      itemsOf(parts.slice(0, -1).join('/')).push({ page });
    }
    return sections;
  }
}

type Mix = { product: number; technical: number };
type Ranges = { product: [number, number]; technical: [number, number] };

/** Whether a planned investment mix sits inside a phase's recommended ranges. */
export function fitsRange(mix: Mix, range: Ranges): boolean {
  const within = (value: number, [min, max]: [number, number]) => value >= min && value <= max;
  return within(mix.product, range.product) && within(mix.technical, range.technical);
}

/**
 * The team types that give in each one-way mode, the likeliest giver first: a platform's
 * service (to a complicated-subsystem team too), a complicated subsystem's, an enabling
 * team's help.
 */
const givers: Record<InteractionMode, readonly TeamType[]> = {
  'x-as-a-service': ['platform', 'complicated-subsystem'],
  facilitating: ['enabling'],
  collaboration: [],
};

/**
 * Whether an arrow drawn from the charter that states an interaction to the other team
 * points the wrong way. Arrows go from the team that gives (the service, the help) to the
 * team that receives it, whichever charter states the pair: a pod writing "x-as-a-service
 * with the platform" and the platform writing it of the pod draw the same arrow. When the
 * types do not tell (two platforms), the arrow goes as the charter states it.
 */
export function statedBackwards(declaring: Entry<Team>, other: Entry<Team> | undefined, mode: InteractionMode): boolean {
  const rank = (team: Entry<Team> | undefined) => {
    const place = team ? givers[mode].indexOf(team.data.type) : -1;
    return place === -1 ? Infinity : place;
  };
  return rank(other) < rank(declaring);
}

/**
 * When an asset's content was last brought up to date: its `updated`, or a later change in
 * its log, which `updated` should have followed (`warn/asset-updated` says so).
 */
export function assetUpdated(asset: Asset): Date | undefined {
  return latestDay([asset.updated, ...asset.changes.map((change) => change.date)]);
}

export function buildOrg(input: OrgInput, today: Date): Org {
  return new Org(input, today);
}
