import type { InteractionMode, Team } from '../../schemas/teams.ts';
import { statedBackwards, type Org } from '../org/build.ts';
import type { Entry } from '../org/types.ts';
import { entryUrl } from '../urls.ts';
import { arrowheads, edgeStyles, nodeStyles, type FlowEdge, type Flowchart, type FlowNode } from './flowchart.ts';
import { arrowHead, escapeXml, fitText, fontSize, n, styleAttributes, svgDocument, textWidth } from './svg.ts';
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
  // An interaction whose `until` has passed is history: the chart shows how the team works now.
  // Arrows go from the team that gives to the team that receives (org/build.ts).
  const edge = (from: string, to: string, mode: InteractionMode, until: Date | undefined, backwards: boolean): FlowEdge =>
    backwards ? { from: to, to: from, kind: mode, label: interactionLabel(mode, until) } : { from, to, kind: mode, label: interactionLabel(mode, until) };
  for (const { team: id, mode, until, ended } of declared) {
    if (id === team.id || ended) continue;
    edges.push(edge(self, other(id), mode, until, statedBackwards(team, org.teams.get(id), mode)));
  }
  for (const { team: from, mode, until, ended } of incoming) {
    if (ended) continue;
    edges.push(edge(other(from.id), self, mode, until, statedBackwards(from, team, mode)));
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

interface Placed {
  node: FlowNode;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The neighbourhood drawn as SVG by our own code (see svg.ts): the team in the middle,
 * teams that only point at it on the left, teams it points at and its systems on the
 * right, each edge in its kind's line style with its label.
 */
export function neighbourhoodSvg(chart: Flowchart): string {
  const pad = 8;
  const nodeHeight = 36;
  const gapY = 14;
  const maxNodeWidth = 240;
  const self = chart.nodes.find((node) => node.class === 'self') ?? chart.nodes[0]!;
  const outgoing = new Set(chart.edges.filter((edge) => edge.from === self.key).map((edge) => edge.to));
  const others = chart.nodes.filter((node) => node !== self);
  const leftNodes = others.filter((node) => !outgoing.has(node.key));
  const rightNodes = others.filter((node) => outgoing.has(node.key));
  const nodeWidth = (node: FlowNode) => Math.min(maxNodeWidth, Math.max(110, textWidth(node.label[0] ?? '', fontSize, node === self) + 28));
  const labelGap = Math.max(120, ...chart.edges.map((edge) => textWidth(edge.label ?? '', 12) + 40));
  const leftWidth = leftNodes.length > 0 ? Math.max(...leftNodes.map(nodeWidth)) : 0;
  const selfWidth = nodeWidth(self);
  const rightWidth = rightNodes.length > 0 ? Math.max(...rightNodes.map(nodeWidth)) : 0;
  const columnHeight = (count: number) => count * nodeHeight + Math.max(0, count - 1) * gapY;
  const height = Math.max(nodeHeight, columnHeight(leftNodes.length), columnHeight(rightNodes.length)) + 2 * pad;
  const selfX = pad + (leftNodes.length > 0 ? leftWidth + labelGap : 0);
  const rightX = selfX + selfWidth + labelGap;
  const width = (rightNodes.length > 0 ? rightX + rightWidth : selfX + selfWidth) + pad;

  const placed = new Map<string, Placed>();
  const column = (nodes: FlowNode[], x: number, columnWidth: number) => {
    let y = (height - columnHeight(nodes.length)) / 2;
    for (const node of nodes) {
      const w = nodeWidth(node);
      placed.set(node.key, { node, x: x + (columnWidth - w) / 2, y, width: w, height: nodeHeight });
      y += nodeHeight + gapY;
    }
  };
  column(leftNodes, pad, leftWidth);
  column([self], selfX, selfWidth);
  column(rightNodes, rightX, rightWidth);

  const parts: string[] = [];
  // Two edges between the same pair (one each way) are drawn apart, so both stay visible.
  const seenPairs = new Map<string, number>();
  const labels: string[] = [];
  for (const edge of chart.edges) {
    const from = placed.get(edge.from);
    const to = placed.get(edge.to);
    if (!from || !to) continue;
    const pair = [edge.from, edge.to].sort().join('|');
    const offset = (seenPairs.get(pair) ?? 0) * 10;
    seenPairs.set(pair, (seenPairs.get(pair) ?? 0) + 1);
    const rightwards = from.x < to.x;
    const x1 = rightwards ? from.x + from.width : from.x;
    const x2 = rightwards ? to.x : to.x + to.width;
    const y1 = from.y + from.height / 2 + offset;
    const y2 = to.y + to.height / 2 + offset;
    const { shape: style, stroke: colour } = styleAttributes(edgeStyles[edge.kind].stroke);
    parts.push(`<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" fill="none" ${style}/>`);
    const where = arrowheads(edge.kind);
    if (where.end) parts.push(arrowHead({ x: x1, y: y1 }, { x: x2, y: y2 }, colour));
    if (where.start) parts.push(arrowHead({ x: x2, y: y2 }, { x: x1, y: y1 }, colour));
    if (edge.label) {
      // Near the far end, where the fanned-out edges are furthest apart.
      const w = textWidth(edge.label, 12) + 8;
      // Kept in the gap between the two columns, so a long label reaches over no box of either.
      const [gapStart, gapEnd] = Math.min(from.x, to.x) < selfX - 1 ? [pad + leftWidth, selfX] : [selfX + selfWidth, rightX];
      const lx = Math.min(Math.max(x1 + (x2 - x1) * (rightwards === (edge.from === self.key) ? 0.62 : 0.38), gapStart + w / 2 + 2), gapEnd - w / 2 - 2);
      const ly = y1 + (y2 - y1) * ((lx - x1) / (x2 - x1));
      labels.push(`<rect x="${n(lx - w / 2)}" y="${n(ly - 9)}" width="${n(w)}" height="16" fill="#ffffff" opacity="0.92"/><text x="${n(lx)}" y="${n(ly + 3)}" text-anchor="middle" font-size="12" fill="#111">${escapeXml(edge.label)}</text>`);
    }
  }
  for (const { node, x, y, width: w, height: h } of placed.values()) {
    const { shape, text } = styleAttributes(nodeStyles[node.class]);
    const label = node.label[0] ?? '';
    const shown = fitText(label, w - 16, fontSize, node === self);
    const outline =
      node.shape === 'cylinder'
        ? `<path d="M${n(x)} ${n(y + 6)} a${n(w / 2)} 6 0 0 1 ${n(w)} 0 v${n(h - 12)} a${n(w / 2)} 6 0 0 1 ${n(-w)} 0 z M${n(x)} ${n(y + 6)} a${n(w / 2)} 6 0 0 0 ${n(w)} 0" ${shape}/>`
        : `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${h}" rx="${node.shape === 'round' ? 8 : 2}" ${shape}/>`;
    const body = `<title>${escapeXml(label)}</title>${outline}<text x="${n(x + w / 2)}" y="${n(y + h / 2 + 5)}" text-anchor="middle" fill="${escapeXml(text)}"${node === self ? ' font-weight="bold"' : ''}>${escapeXml(shown)}</text>`;
    // No links inside the chart: it is one image to assistive technology, and the tables beside it link every team.
    parts.push(`<g>${body}</g>`);
  }
  return svgDocument(width, height, chart, parts.join('') + labels.join(''));
}
