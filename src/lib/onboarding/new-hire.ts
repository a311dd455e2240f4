import type { Person } from '../../schemas/people.ts';
import type { Team } from '../../schemas/teams.ts';
import { daysBetween } from '../dates.ts';
import type { Org } from '../org/build.ts';
import type { Entry, TeamMembership } from '../org/types.ts';
import { entryUrl, withBase } from '../urls.ts';
import { newHirePath } from './path.ts';

/** One item of a new hire's checklist; the id keeps its tick in the reader's browser. */
export interface ChecklistItem {
  id: string;
  text: string;
  link?: { href: string; label: string } | undefined;
  /** The new-hire path's step ids: once the reader has read them all, the item ticks itself. */
  doneWith?: string[] | undefined;
}

/** What a recent joiner's own page shows them. */
export interface NewHireWelcome {
  daysIn: number;
  firstTeam: Entry<Team>;
  teammates: { person: Entry<Person>; as: TeamMembership['as'] }[];
  /** Systems the first team owns, then those of the platforms it works with. */
  systems: { system: string; team: Entry<Team>; how: 'owned' | 'platform' }[];
  checklist: ChecklistItem[];
  /** The new-hire path's first page. */
  pathStart: string;
}

/**
 * The welcome for a person who joined within `newHireDays` of the build date and is on a
 * team; undefined for everyone else (and for people without a `joined` date).
 */
export function newHireWelcome(org: Org, personId: string, newHireDays: number): NewHireWelcome | undefined {
  const person = org.people.get(personId);
  const joined = person?.data.joined;
  if (!person || !joined || joined > org.today) return undefined;
  const daysIn = daysBetween(joined, org.today);
  if (daysIn > newHireDays) return undefined;
  const firstTeam = org.firstTeam(personId);
  if (!firstTeam) return undefined;

  const teammates = org
    .membersOf(firstTeam)
    .filter((member) => member.id !== personId)
    .flatMap(({ id, as }) => {
      const teammate = org.people.get(id);
      return teammate ? [{ person: teammate, as }] : [];
    });

  const platforms = new Map<string, Entry<Team>>();
  const { declared, incoming } = org.interactionsOf(firstTeam);
  const current = [...declared.filter(({ ended }) => !ended).map(({ team }) => org.teams.get(team)), ...incoming.filter(({ ended }) => !ended).map(({ team }) => team)];
  for (const team of current) {
    if (team && team.id !== firstTeam.id && team.data.type === 'platform') platforms.set(team.id, team);
  }
  const systems: NewHireWelcome['systems'] = [
    ...firstTeam.data.owns.map((system) => ({ system, team: firstTeam, how: 'owned' as const })),
    ...[...platforms.values()].flatMap((team) => team.data.owns.map((system) => ({ system, team, how: 'platform' as const }))),
  ];

  const role = (as: TeamMembership['as']) => teammates.find((teammate) => teammate.as === as)?.person;
  const manager = person.data.reportsTo ? org.people.get(person.data.reportsTo) : undefined;
  const techLead = role('tech lead');
  const productManager = role('product manager');
  const stream = firstTeam.data.stream ? org.streams.get(firstTeam.data.stream) : undefined;
  const meet = (id: string, who: string, entry: Entry<Person>): ChecklistItem => ({
    id,
    text: `Meet your ${who}.`,
    link: { href: entryUrl('person', entry.id), label: entry.data.name },
  });
  const path = newHirePath(org);
  const start = path[0]!;
  const checklist: (ChecklistItem | undefined)[] = [
    { id: 'path', text: 'Follow the new-hire path.', link: { href: start.href, label: start.title }, doneWith: path.map((step) => step.id) },
    manager && meet('manager', 'manager', manager),
    techLead && meet('tech-lead', 'tech lead', techLead),
    productManager && meet('product-manager', 'product manager', productManager),
    { id: 'charter', text: "Read your team's charter: its mission, metrics and norms.", link: { href: entryUrl('team', firstTeam.id), label: firstTeam.data.name } },
    systems.length > 0 ? { id: 'access', text: `Get access to the ${systems.length} systems listed above, and ask for a tour of the ones your team owns.` } : undefined,
    stream
      ? { id: 'assets', text: 'Read the value-model assets of your stream.', link: { href: entryUrl('stream', stream.id), label: stream.data.name } }
      : { id: 'assets', text: 'Read the value model.', link: { href: withBase('/assets/'), label: 'Value model' } },
    { id: 'quiz', text: 'After two weeks, quiz yourself on the value model.', link: { href: withBase('/quiz/?self=1'), label: 'Quiz yourself' } },
  ];
  return { daysIn, firstTeam, teammates, systems, pathStart: start.href, checklist: checklist.filter((item): item is ChecklistItem => item !== undefined) };
}
