import type { Team } from '../../schemas/teams.ts';
import type { Org } from '../org/build.ts';
import type { Entry } from '../org/types.ts';
import { entryUrl } from '../urls.ts';
import type { FlowEdge, Flowchart, FlowNode } from './flowchart.ts';
import { interactionLabel } from './topology.ts';

/**
 * A team's neighbourhood for its charter page: the teams it interacts with (from its
 * own charter and from theirs) and the systems it owns. Undefined when it has neither.
 */
export function neighbourhoodChart(org: Org, team: Entry<Team>): Flowchart | undefined {
  const { declared, incoming } = org.interactionsOf(team);
  const self = `team:${team.id}`;
  const nodes = new Map<string, FlowNode>([
    [self, { key: self, label: [team.data.name], shape: 'box', class: 'self', href: entryUrl('team', team.id) }],
  ]);
  const edges: FlowEdge[] = [];
  const other = (id: string): string => {
    const key = `team:${id}`;
    if (!nodes.has(key)) {
      const entry = org.teams.get(id);
      nodes.set(key, {
        key,
        label: [entry?.data.name ?? id],
        shape: 'box',
        class: entry?.data.type ?? 'outside',
        href: entry ? entryUrl('team', id) : undefined,
      });
    }
    return key;
  };
  for (const { team: id, mode, until } of declared) {
    if (id === team.id) continue;
    edges.push({ from: self, to: other(id), kind: mode, label: interactionLabel(mode, until) });
  }
  for (const { team: from, mode, until } of incoming) {
    edges.push({ from: other(from.id), to: self, kind: mode, label: interactionLabel(mode, until) });
  }
  for (const system of new Set(team.data.owns)) {
    const key = `system:${system}`;
    nodes.set(key, { key, label: [system], shape: 'cylinder', class: 'system' });
    edges.push({ from: self, to: key, kind: 'owns', label: 'owns' });
  }
  if (edges.length === 0) return undefined;
  return {
    title: `${team.data.name}: interactions and systems`,
    description: `The teams ${team.data.name} works with, by interaction mode, and the systems it owns.`,
    direction: 'LR',
    nodes: [...nodes.values()],
    edges,
    groups: [],
  };
}
