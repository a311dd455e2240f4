import { teamTypes, type InteractionMode, type Team } from '../../schemas/teams.ts';
import { humanDate } from '../dates.ts';
import { modeLabels, teamTypeLabels } from '../labels.ts';
import type { Org } from '../org/build.ts';
import type { Entry } from '../org/types.ts';
import { entryUrl } from '../urls.ts';
import type { FlowEdge, Flowchart, FlowGroup, FlowNode } from './flowchart.ts';
import type { PodGroup } from './org.ts';

/** `Collaboration until 31 Mar 2027`: the edge label for an interaction, its date as the tables beside it write it. */
export function interactionLabel(mode: InteractionMode, until: Date | undefined): string {
  return until ? `${modeLabels[mode]} until ${humanDate(until)}` : modeLabels[mode];
}

function teamNode(team: Entry<Team>, outside = false): FlowNode {
  return {
    key: `team:${team.id}`,
    label: [team.data.name],
    shape: 'box',
    class: outside ? 'outside' : team.data.type,
    href: entryUrl('team', team.id),
  };
}

/** How to read the topology, under each chart. */
export const topologyCaption = 'Thick purple lines with two arrows: collaboration. Solid arrows: X-as-a-service, from the team that provides it. Dotted arrows: facilitating, from the team that helps.';

const description =
  'Teams grouped by type. Thick purple lines with two arrows: collaboration. Solid arrows: X-as-a-service, from the team that provides it. Dotted arrows: facilitating, from the team that helps.';

/**
 * Team types and interaction modes. With `only`, the chart shows those teams grouped by
 * type, and the teams they interact with as outside nodes.
 */
export function topologyChart(org: Org, title: string, only?: Entry<Team>[]): Flowchart {
  const inside = new Set((only ?? [...org.teams.values()]).map((team) => team.id));
  const all = org.interactions.filter(({ from, to }) => inside.has(from.id) || inside.has(to.id));
  const outside = new Map<string, Entry<Team>>();
  for (const { from, to } of all) {
    for (const team of [from, to]) if (!inside.has(team.id)) outside.set(team.id, team);
  }
  const nodes: FlowNode[] = [];
  const groups: FlowGroup[] = [];
  for (const type of teamTypes) {
    const teams = [...org.teams.values()].filter((team) => inside.has(team.id) && team.data.type === type);
    if (teams.length === 0) continue;
    nodes.push(...teams.map((team) => teamNode(team)));
    groups.push({ key: type, label: `${teamTypeLabels[type]} teams`, nodes: teams.map((team) => `team:${team.id}`) });
  }
  nodes.push(...[...outside.values()].map((team) => teamNode(team, true)));
  const edges: FlowEdge[] = all.map(({ from, to, mode, until }) => ({
    from: `team:${from.id}`,
    to: `team:${to.id}`,
    kind: mode,
    label: interactionLabel(mode, until),
  }));
  return { title, description, direction: 'LR', nodes, edges, groups, ungroupedLabel: 'Teams they work with' };
}

/**
 * The overview for a large organisation: one node per group of pods, and the leadership
 * team, with the interactions between groups counted by mode.
 */
export function topologyOverview(org: Org, groups: PodGroup[]): Flowchart {
  const groupOf = new Map<string, string>();
  const nodes: FlowNode[] = groups.map((group) => {
    for (const team of group.pods) groupOf.set(team.id, `group:${group.key}`);
    const counts = teamTypes
      .map((type) => [type, group.pods.filter((team) => team.data.type === type).length] as const)
      .filter(([, count]) => count > 0)
      .map(([type, count]) => `${count} ${teamTypeLabels[type].toLowerCase()}`);
    return {
      key: `group:${group.key}`,
      label: [group.label, counts.join(', ')],
      shape: 'box',
      class: 'group',
      href: group.stream ? entryUrl('stream', group.stream) : undefined,
    } satisfies FlowNode;
  });
  const counted = new Map<string, { from: string; to: string; mode: InteractionMode; count: number }>();
  for (const { from, to, mode } of org.interactions) {
    const a = groupOf.get(from.id);
    const b = groupOf.get(to.id);
    if (!a || !b || a === b) continue;
    const key = `${a}>${b}>${mode}`;
    const entry = counted.get(key) ?? { from: a, to: b, mode, count: 0 };
    entry.count += 1;
    counted.set(key, entry);
  }
  const edges: FlowEdge[] = [...counted.values()].map(({ from, to, mode, count }) => ({
    from,
    to,
    kind: mode,
    label: `${count} × ${modeLabels[mode].toLowerCase()}`,
  }));
  return {
    title: 'Team topology overview',
    description: `Each box is a group of teams. ${description.replace('Teams grouped by type. ', '')} Labels count the interactions between two groups.`,
    direction: 'LR',
    nodes,
    edges,
    groups: [],
  };
}
