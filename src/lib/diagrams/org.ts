import type { Team } from '../../schemas/teams.ts';
import { teamTypes } from '../../schemas/teams.ts';
import { roleLabels, teamTypeLabels } from '../labels.ts';
import type { Org } from '../org/build.ts';
import type { Entry } from '../org/types.ts';
import { entryUrl } from '../urls.ts';
import type { EdgeKind, FlowEdge, Flowchart, FlowNode, NodeClass } from './flowchart.ts';

/**
 * The org chart, from `reportsTo`, `productManager` and `techLead`:
 * product leadership → product managers → pods (solid: product direction);
 * the managers of a pod's people → the pod (dashed: reporting line), up their own line;
 * the tech lead council joined to each pod's tech lead.
 */

/** How to read the org chart, under each one. */
export const orgCaption =
  'Solid lines: product direction. Dashed lines: reporting lines. The hexagon is the tech lead council; faint dotted lines join the leadership team to its members.';

/** Above this many pods, one chart is too dense to read: an overview plus one chart per group. */
export const orgChartGroupLimit = 12;

/** Pods: every team but the leadership team, which is its members' peers, not a unit of delivery. */
export function pods(org: Org): Entry<Team>[] {
  return [...org.teams.values()].filter((team) => team.data.type !== 'leadership');
}

/** A group of pods drawn together: a value stream's pods, or pods of one type outside any stream. */
export interface PodGroup {
  /** Unique among groups; used for anchors. */
  key: string;
  label: string;
  /** The stream the group is, when it is one. */
  stream?: string | undefined;
  pods: Entry<Team>[];
}

/**
 * Pods by value stream (streams in name order), then the pods outside any stream by
 * type. A group larger than `orgChartGroupLimit` is cut into numbered parts, so no
 * chart on the site holds more pods than one can read.
 */
export function podGroups(org: Org): PodGroup[] {
  const all = pods(org);
  const groups: PodGroup[] = [];
  for (const stream of org.streams.values()) {
    const members = all.filter((team) => team.data.stream === stream.id);
    if (members.length > 0) groups.push({ key: stream.id, label: stream.data.name, stream: stream.id, pods: members });
  }
  const outside = all.filter((team) => !team.data.stream || !org.streams.has(team.data.stream));
  for (const type of teamTypes) {
    const members = outside.filter((team) => team.data.type === type);
    if (members.length > 0) groups.push({ key: `type-${type}`, label: `${teamTypeLabels[type]} teams outside the streams`, pods: members });
  }
  const cut = groups.flatMap((group) => {
    if (group.pods.length <= orgChartGroupLimit) return [group];
    const parts = Math.ceil(group.pods.length / orgChartGroupLimit);
    return Array.from({ length: parts }, (_, index) => ({
      ...group,
      key: `${group.key}-part-${index + 1}`,
      label: `${group.label} (${index + 1} of ${parts})`,
      pods: group.pods.slice(index * orgChartGroupLimit, (index + 1) * orgChartGroupLimit),
    }));
  });
  // Keys name pages (/org/<key>/): a stream may well be called "type-platform" or "x-part-1", so a later clash gets a number.
  const seen = new Set<string>();
  return cut.map((group) => {
    let key = group.key;
    for (let n = 2; seen.has(key); n++) key = `${group.key}-${n}`;
    seen.add(key);
    return key === group.key ? group : { ...group, key };
  });
}

/** The people who lead a pod, as the org chart draws them. */
export interface PodLeads {
  team: Entry<Team>;
  productManager?: string | undefined;
  techLead?: string | undefined;
  /** Managers of the pod's people other than its product manager: its reporting lines. */
  managers: string[];
}

export function podLeads(org: Org, team: Entry<Team>): PodLeads {
  const { productManager, techLead, members } = team.data;
  const managers = new Set<string>();
  for (const person of [techLead, ...members]) {
    if (!person || person === productManager) continue;
    const manager = org.people.get(person)?.data.reportsTo;
    if (manager && org.people.has(manager) && manager !== productManager) managers.add(manager);
  }
  return { team, productManager, techLead, managers: [...managers] };
}

class ChartBuilder {
  readonly nodes = new Map<string, FlowNode>();
  readonly edges: FlowEdge[] = [];
  readonly #edgeKeys = new Set<string>();

  readonly org: Org;

  constructor(org: Org) {
    this.org = org;
  }

  person(id: string, cls: NodeClass): string {
    const key = `person:${id}`;
    const existing = this.nodes.get(key);
    if (existing) {
      // Someone at the top of both lines (a CEO, say) is leadership, not one side of it.
      if (existing.class !== cls && existing.class !== 'tech-lead') existing.class = 'leadership';
      return key;
    }
    const person = this.org.people.get(id);
    this.nodes.set(key, {
      key,
      label: person ? [person.data.name, roleLabels[person.data.role]] : [id],
      shape: 'round',
      class: cls,
      href: person ? entryUrl('person', id) : undefined,
    });
    return key;
  }

  node(node: FlowNode): string {
    if (!this.nodes.has(node.key)) this.nodes.set(node.key, node);
    return node.key;
  }

  edge(from: string, to: string, kind: EdgeKind, label?: string): void {
    const key = `${from}>${to}>${kind}`;
    if (this.#edgeKeys.has(key)) return;
    this.#edgeKeys.add(key);
    this.edges.push({ from, to, kind, label });
  }

  /**
   * The leadership team: not a pod, but where the lines meet. Drawn as its own node
   * above those of its members the chart holds (a box around them would pull the
   * layout apart, as they sit at different levels).
   */
  leadership(): void {
    for (const team of this.org.teams.values()) {
      if (team.data.type !== 'leadership') continue;
      const members = this.org
        .membersOf(team)
        .map(({ id }) => `person:${id}`)
        .filter((key) => this.nodes.has(key));
      if (members.length === 0) continue;
      const node = this.node({ key: `team:${team.id}`, label: [team.data.name], shape: 'box', class: 'leadership', href: entryUrl('team', team.id) });
      for (const member of members) this.edge(node, member, 'member');
    }
  }

  /** The person's own line up to the top, each manager → report; stops at a loop. */
  lineAbove(personId: string, kind: EdgeKind, cls: NodeClass): void {
    let report = personId;
    for (const manager of this.org.reportingLine(personId)) {
      this.edge(this.person(manager.id, cls), `person:${report}`, kind);
      report = manager.id;
    }
  }
}

const council = { key: 'council', label: ['Tech lead council'], shape: 'hexagon', class: 'council' } satisfies FlowNode;

/** The org chart of a set of pods: their product line, reporting lines and the council. */
export function orgChart(org: Org, teams: Entry<Team>[], title: string): Flowchart {
  const chart = new ChartBuilder(org);
  for (const team of teams) {
    const leads = podLeads(org, team);
    const pod = chart.node({ key: `team:${team.id}`, label: [team.data.name], shape: 'box', class: team.data.type, href: entryUrl('team', team.id) });
    if (leads.productManager && org.people.has(leads.productManager)) {
      chart.edge(chart.person(leads.productManager, 'product'), pod, 'product');
      chart.lineAbove(leads.productManager, 'product', 'product');
    }
    for (const manager of leads.managers) {
      chart.edge(chart.person(manager, 'engineering'), pod, 'reporting');
      chart.lineAbove(manager, 'reporting', 'engineering');
    }
    if (leads.techLead && org.people.has(leads.techLead)) {
      const lead = chart.person(leads.techLead, 'tech-lead');
      chart.edge(pod, lead, 'council', 'tech lead');
      chart.edge(lead, chart.node(council), 'council');
    }
  }
  chart.leadership();
  return {
    title,
    description: 'Solid lines: product direction, from product leadership through product managers to pods. Dashed lines: reporting lines. The tech lead council joins the pods’ tech leads; faint dotted lines join the leadership team to its members.',
    direction: 'TB',
    nodes: [...chart.nodes.values()],
    edges: chart.edges,
    groups: [],
  };
}

/**
 * The overview when there are too many pods for one chart: each group of pods is one
 * node, with the product and reporting lines that reach into it and the council.
 */
export function orgOverview(org: Org, groups: PodGroup[]): Flowchart {
  const chart = new ChartBuilder(org);
  for (const group of groups) {
    const node = chart.node({
      key: `group:${group.key}`,
      label: [group.label, `${group.pods.length} ${group.pods.length === 1 ? 'pod' : 'pods'}`],
      shape: 'box',
      class: 'group',
      href: group.stream ? entryUrl('stream', group.stream) : undefined,
    });
    for (const team of group.pods) {
      const leads = podLeads(org, team);
      // The overview starts one level above the pods' own leads, or it would be as dense as the full chart.
      const productLead = leads.productManager ? org.people.get(leads.productManager)?.data.reportsTo : undefined;
      if (productLead && org.people.has(productLead)) {
        chart.edge(chart.person(productLead, 'product'), node, 'product');
        chart.lineAbove(productLead, 'product', 'product');
      }
      for (const manager of leads.managers) {
        const above = org.people.get(manager)?.data.reportsTo;
        const head = above && org.people.has(above) ? above : manager;
        chart.edge(chart.person(head, 'engineering'), node, 'reporting');
        chart.lineAbove(head, 'reporting', 'engineering');
      }
    }
    chart.edge(node, chart.node(council), 'council');
  }
  chart.leadership();
  return {
    title: 'Org chart overview',
    description: 'Each box is a value stream’s pods. Solid lines: product direction. Dashed lines: reporting lines. The tech lead council joins every group’s tech leads.',
    // Groups stacked down the page: dozens of them side by side would be one very wide row.
    direction: 'LR',
    nodes: [...chart.nodes.values()],
    edges: chart.edges,
    groups: [],
  };
}
