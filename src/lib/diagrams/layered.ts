import { arrowheads, edgeStyles, nodeStyles, type FlowEdge, type Flowchart, type FlowNode } from './flowchart.ts';
import { arrowHead, escapeXml, fitText, fontSize, n, styleAttributes, svgDocument, textWidth, type Point } from './svg.ts';

/**
 * The org chart and the topology drawn as SVG by our own code, with a layered layout
 * (Sugiyama's method, kept small): nodes go into layers along the chart's direction,
 * each layer is ordered to cross few edges, and nodes are placed as close to their
 * neighbours as the spacing allows. Mermaid in a headless browser took about 30 s of a
 * cold build for the ~420 charts of a 1,000-team organisation; this takes well under a
 * second for all of them, needs no browser, and gives the same picture on every build.
 *
 * With `groups`, the groups are the layers, in order, each under its heading (the
 * topology's team types); nodes in no group form a last layer. Without, layers follow
 * the edges: every edge points down (TB) or right (LR) except those that close a loop.
 */

/** Space between neighbours in a layer, between layers, and around the chart. */
const nodeGap = 22;
const layerGap = { TB: 70, LR: 90 };
const pad = 10;
const lineHeight = 17;
const maxLabelWidth = 200;
const edgeLabelSize = 12;
/** Room for a layer's heading above it, when the groups are the layers. */
const headingHeight = 26;
/** How far an arc between two nodes of one layer reaches out of it. */
const maxBulge = 40;

interface LayoutNode {
  /** Undefined for the points a long edge passes through, one in each layer it crosses. */
  node: FlowNode | undefined;
  layer: number;
  /** Size along the layer (breadth) and across it (depth). */
  breadth: number;
  depth: number;
  /** Centre along the layer, and the order within it. */
  pos: number;
  order: number;
  up: LayoutNode[];
  down: LayoutNode[];
}

interface Route {
  edge: FlowEdge;
  /** From the upper end to the lower end, whichever way the edge points. */
  points: LayoutNode[];
  reversed: boolean;
}

/** The point a fraction `t` along a cubic Bézier curve. */
function cubicAt(a: Point, c1: Point, c2: Point, b: Point, t: number): Point {
  const u = 1 - t;
  const mix = (p: number, q: number, r: number, s: number) => u * u * u * p + 3 * u * u * t * q + 3 * u * t * t * r + t * t * t * s;
  return { x: mix(a.x, c1.x, c2.x, b.x), y: mix(a.y, c1.y, c2.y, b.y) };
}

function labelLines(node: FlowNode): string[] {
  return node.label.map((line, index) => fitText(line, maxLabelWidth, index === 0 ? fontSize : edgeLabelSize));
}

function nodeSize(node: FlowNode): { width: number; height: number } {
  const lines = labelLines(node);
  const text = Math.max(...lines.map((line, index) => textWidth(line, index === 0 ? fontSize : edgeLabelSize)), 40);
  const inset = node.shape === 'hexagon' ? 40 : node.shape === 'stadium' ? 30 : 22;
  return { width: text + inset, height: 16 + lines.length * lineHeight + (node.shape === 'cylinder' ? 10 : 0) };
}

/** Layers from the edges: longest path from the sources, each source then moved down to just above its first child. */
function layersFromEdges(count: number, edges: [number, number][]): number[] {
  // A depth-first search finds the edges that close a loop; they are turned round for the layering only.
  const out = Array.from({ length: count }, () => [] as number[]);
  for (const [a, b] of edges) out[a]!.push(b);
  const state = new Array<number>(count).fill(0);
  const backward = new Set<string>();
  for (let root = 0; root < count; root++) {
    if (state[root] !== 0) continue;
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const next = out[top[0]]![top[1]++];
      if (next === undefined) {
        state[top[0]] = 2;
        stack.pop();
      } else if (state[next] === 1) backward.add(`${top[0]}>${next}`);
      else if (state[next] === 0) {
        state[next] = 1;
        stack.push([next, 0]);
      }
    }
  }
  const dag = edges.map(([a, b]) => (backward.has(`${a}>${b}`) ? ([b, a] as [number, number]) : ([a, b] as [number, number])));
  const children = Array.from({ length: count }, () => [] as number[]);
  const indegree = new Array<number>(count).fill(0);
  for (const [a, b] of dag) {
    children[a]!.push(b);
    indegree[b]! += 1;
  }
  const layer = new Array<number>(count).fill(0);
  const queue = layer.map((_, index) => index).filter((index) => indegree[index] === 0);
  const topological: number[] = [];
  while (queue.length > 0) {
    const at = queue.shift()!;
    topological.push(at);
    for (const child of children[at]!) {
      layer[child] = Math.max(layer[child]!, layer[at]! + 1);
      if (--indegree[child]! === 0) queue.push(child);
    }
  }
  const hasParent = new Array<boolean>(count).fill(false);
  for (const [, b] of dag) hasParent[b] = true;
  for (const at of topological.reverse()) {
    if (hasParent[at] || children[at]!.length === 0) continue;
    layer[at] = Math.min(...children[at]!.map((child) => layer[child]!)) - 1;
  }
  const lowest = Math.min(0, ...layer);
  return layer.map((value) => value - lowest);
}

/** Edge crossings between two adjacent layers, counted as inversions. */
function crossings(upper: LayoutNode[]): number {
  const pairs = upper.flatMap((node) => node.down.map((child) => [node.order, child.order] as const));
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let count = 0;
  const seen: number[] = [];
  for (const [, lower] of pairs) {
    // Binary search for how many already seen lie strictly above this one.
    let lo = 0;
    let hi = seen.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seen[mid]! <= lower) lo = mid + 1;
      else hi = mid;
    }
    count += seen.length - lo;
    seen.splice(lo, 0, lower);
  }
  return count;
}

/**
 * Places a layer's nodes, in their order, as near their targets as the spacing allows
 * (least squares, by pooling adjacent violators), so a node sits over its neighbours.
 */
function place(layer: LayoutNode[], targets: number[]): void {
  const offsets: number[] = [];
  let offset = 0;
  layer.forEach((node, index) => {
    if (index > 0) offset += layer[index - 1]!.breadth / 2 + nodeGap + node.breadth / 2;
    offsets.push(offset);
  });
  const blocks: { value: number; count: number }[] = [];
  targets.forEach((target, index) => {
    blocks.push({ value: target - offsets[index]!, count: 1 });
    while (blocks.length > 1 && blocks[blocks.length - 2]!.value > blocks[blocks.length - 1]!.value) {
      const last = blocks.pop()!;
      const prev = blocks[blocks.length - 1]!;
      prev.value = (prev.value * prev.count + last.value * last.count) / (prev.count + last.count);
      prev.count += last.count;
    }
  });
  let index = 0;
  for (const block of blocks) {
    for (let k = 0; k < block.count; k++, index++) layer[index]!.pos = block.value + offsets[index]!;
  }
}

const mean = (values: number[]): number | undefined => (values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length);

interface Layout {
  layers: LayoutNode[][];
  routes: Route[];
  /** Edges within one layer (only when groups fix the layers), drawn as an arc beside it. */
  sideways: { edge: FlowEdge; from: LayoutNode; to: LayoutNode }[];
  byKey: Map<string, LayoutNode>;
}

export function layeredLayout(chart: Flowchart): Layout {
  const horizontal = chart.direction === 'LR';
  const byKey = new Map<string, LayoutNode>();
  const nodes = chart.nodes.map((node) => {
    const { width, height } = nodeSize(node);
    const placed: LayoutNode = { node, layer: 0, breadth: horizontal ? height : width, depth: horizontal ? width : height, pos: 0, order: 0, up: [], down: [] };
    byKey.set(node.key, placed);
    return placed;
  });
  const index = new Map(chart.nodes.map((node, at) => [node.key, at]));
  const edges = chart.edges.filter((edge) => edge.from !== edge.to && index.has(edge.from) && index.has(edge.to));

  if (chart.groups.length > 0) {
    const groupOf = new Map(chart.groups.flatMap((group, at) => group.nodes.map((key) => [key, at] as const)));
    for (const node of nodes) node.layer = groupOf.get(node.node!.key) ?? chart.groups.length;
  } else {
    const layers = layersFromEdges(nodes.length, edges.map((edge) => [index.get(edge.from)!, index.get(edge.to)!]));
    nodes.forEach((node, at) => (node.layer = layers[at]!));
  }

  const all = [...nodes];
  const routes: Route[] = [];
  const sideways: Layout['sideways'] = [];
  for (const edge of edges) {
    const from = byKey.get(edge.from)!;
    const to = byKey.get(edge.to)!;
    if (from.layer === to.layer) {
      sideways.push({ edge, from, to });
      continue;
    }
    const reversed = from.layer > to.layer;
    const [top, bottom] = reversed ? [to, from] : [from, to];
    const points = [top];
    for (let layer = top.layer + 1; layer < bottom.layer; layer++) {
      const dummy: LayoutNode = { node: undefined, layer, breadth: 8, depth: 0, pos: 0, order: 0, up: [], down: [] };
      all.push(dummy);
      points.push(dummy);
    }
    points.push(bottom);
    for (let k = 0; k + 1 < points.length; k++) {
      points[k]!.down.push(points[k + 1]!);
      points[k + 1]!.up.push(points[k]!);
    }
    routes.push({ edge, points, reversed });
  }

  const layerCount = Math.max(0, ...all.map((node) => node.layer)) + 1;
  const layers: LayoutNode[][] = Array.from({ length: layerCount }, () => []);
  // The model's order is the first order, so charts keep the order the data gives.
  for (const node of all) layers[node.layer]!.push(node);
  const renumber = () => layers.forEach((layer) => layer.forEach((node, at) => (node.order = at)));
  renumber();

  // Crossing reduction: barycentre sweeps down and up, keeping the best order seen.
  const total = () => layers.slice(0, -1).reduce((sum, layer) => sum + crossings(layer), 0);
  let best = layers.map((layer) => [...layer]);
  let fewest = total();
  for (let sweep = 0; sweep < 8 && fewest > 0; sweep++) {
    const downwards = sweep % 2 === 0;
    const sequence = downwards ? layers.slice(1) : layers.slice(0, -1).reverse();
    for (const layer of sequence) {
      const keyed = layer.map((node) => ({ node, key: mean((downwards ? node.up : node.down).map((other) => other.order)) ?? node.order }));
      keyed.sort((a, b) => a.key - b.key || a.node.order - b.node.order);
      layer.splice(0, layer.length, ...keyed.map(({ node }) => node));
      layer.forEach((node, at) => (node.order = at));
    }
    const count = total();
    if (count < fewest) {
      fewest = count;
      best = layers.map((layer) => [...layer]);
    }
  }
  best.forEach((layer, at) => layers[at]!.splice(0, layers[at]!.length, ...layer));
  renumber();

  // Positions along the layers: packed, then each node drawn toward its neighbours' mean.
  for (const layer of layers) place(layer, layer.map((_, at) => at * 150));
  for (let round = 0; round < 6; round++) {
    const sequence = round % 2 === 0 ? layers.slice(1) : layers.slice(0, -1).reverse();
    for (const layer of sequence) {
      const useUp = round % 2 === 0;
      place(
        layer,
        layer.map((node) => mean([...(useUp ? node.up : node.down), ...(round >= 4 ? (useUp ? node.down : node.up) : [])].map((other) => other.pos)) ?? node.pos),
      );
    }
  }
  // A layer of nodes with no lines (the leadership team, with no interactions) keeps its
  // packed place, which can leave it alone far above the rest: draw it level with the top
  // of the others. In a layer with linked nodes too, moving it would pull those off their lines.
  const linked = new Set([...all.filter((node) => node.up.length + node.down.length > 0), ...sideways.flatMap(({ from, to }) => [from, to])]);
  if (linked.size > 0) {
    const top = Math.min(...[...linked].map((node) => node.pos - node.breadth / 2));
    for (const layer of layers) {
      if (layer.some((node) => linked.has(node))) continue;
      place(layer, layer.map((node) => top + node.breadth / 2));
    }
  }
  return { layers, routes, sideways, byKey };
}

/** The SVG of a flowchart model, laid out in layers; see the top of this file. */
export function layeredSvg(chart: Flowchart): string {
  const horizontal = chart.direction === 'LR';
  const { layers, routes, sideways, byKey } = layeredLayout(chart);
  const grouped = chart.groups.length > 0;

  // Where each layer starts across the chart; LR layers leave room for the edge labels between them.
  const labelRoom = horizontal ? Math.min(260, Math.max(0, ...routes.map(({ edge }) => (edge.label ? textWidth(edge.label, edgeLabelSize) + 24 : 0)))) : 0;
  const gap = Math.max(layerGap[chart.direction], labelRoom);
  const headingNames = [...chart.groups.map((group) => group.label), chart.ungroupedLabel ?? ''];
  const headingWidth = (at: number) => (grouped && horizontal ? textWidth(headingNames[at] ?? '', fontSize, true) + 12 : 0);
  const layerDepth = layers.map((layer, at) => Math.max(headingWidth(at), ...layer.map((node) => node.depth)));
  // Arcs within a layer go out on the side where fewer edges arrive or leave, with room for their labels.
  const arcSide = layers.map((layer) => {
    const before = layer.reduce((sum, node) => sum + node.up.length, 0);
    const after = layer.reduce((sum, node) => sum + node.down.length, 0);
    return before < after ? -1 : 1;
  });
  const arcRoom = layers.map((_, at) => {
    const arcs = sideways.filter(({ from }) => from.layer === at);
    return arcs.length === 0 ? 0 : maxBulge * 0.75 + Math.max(...arcs.map(({ edge }) => (edge.label ? textWidth(edge.label, edgeLabelSize) + 14 : 0)));
  });
  const layerStart: number[] = [];
  let across = pad;
  layerDepth.forEach((depth, at) => {
    const start = across + (arcSide[at] === -1 ? arcRoom[at]! : 0);
    layerStart.push(start);
    across = start + depth + (arcSide[at] === 1 ? arcRoom[at]! : 0) + gap;
  });
  const extentAcross = across - gap + pad;
  // An organisation with no teams yet still gets a (blank) chart of a sensible size.
  const placed = layers.flat();
  const minPos = placed.length === 0 ? 0 : Math.min(...placed.map((node) => node.pos - node.breadth / 2));
  const maxPos = placed.length === 0 ? 40 : Math.max(...placed.map((node) => node.pos + node.breadth / 2));
  // Headings name the columns; the groups are only drawn as layers across the page.
  const top = pad + (grouped && horizontal ? headingHeight : 0);
  const along = (node: LayoutNode) => node.pos - minPos + top;

  /** Centre of a node or an edge's bend point, in SVG coordinates. */
  const centre = (node: LayoutNode): Point => {
    const a = layerStart[node.layer]! + layerDepth[node.layer]! / 2;
    const b = along(node);
    return horizontal ? { x: a, y: b } : { x: b, y: a };
  };
  const box = (node: LayoutNode) => {
    const c = centre(node);
    const width = horizontal ? node.depth : node.breadth;
    const height = horizontal ? node.breadth : node.depth;
    return { x: c.x - width / 2, y: c.y - height / 2, width, height };
  };

  const width = horizontal ? extentAcross : maxPos - minPos + 2 * pad;
  const height = horizontal ? maxPos - minPos + top + pad : extentAcross;

  // Ports: the edges leaving a node's lower side are spread along it in the order of where they go, and likewise above.
  const ports = new Map<string, number>();
  const bySide = new Map<string, { route: number; other: LayoutNode }[]>();
  routes.forEach(({ points }, route) => {
    for (const [side, node, other] of [
      ['down', points[0]!, points[1]!],
      ['up', points[points.length - 1]!, points[points.length - 2]!],
    ] as const) {
      const key = `${node.node!.key}|${side}`;
      bySide.set(key, [...(bySide.get(key) ?? []), { route, other }]);
    }
  });
  for (const [key, list] of bySide) {
    const node = byKey.get(key.slice(0, key.lastIndexOf('|')))!;
    list.sort((a, b) => a.other.pos - b.other.pos || a.route - b.route);
    const span = Math.min(node.breadth * 0.7, list.length * 14);
    list.forEach(({ route }, at) => ports.set(`${route}|${key.slice(key.lastIndexOf('|') + 1)}`, list.length === 1 ? 0 : -span / 2 + (span * at) / (list.length - 1)));
  }
  const portOf = (node: LayoutNode, side: 'up' | 'down', route: number): Point => {
    const b = box(node);
    const shift = ports.get(`${route}|${side}`) ?? 0;
    const c = centre(node);
    if (horizontal) return { x: side === 'down' ? b.x + b.width : b.x, y: c.y + shift };
    return { x: c.x + shift, y: side === 'down' ? b.y + b.height : b.y };
  };

  const lines: string[] = [];
  const heads: string[] = [];
  const labels: string[] = [];
  // Two edges may cross, or run side by side, where their labels go: a label is put at the
  // first of its places (best first) where it covers no other label and no team, else moved
  // off its line, across the flow, until it does; always inside the drawing. So no date or
  // mode hides another, or a team's name.
  const taken = [...byKey.values()].map((node) => {
    const b = box(node);
    return { x1: b.x, y1: b.y, x2: b.x + b.width, y2: b.y + b.height };
  });
  const label = (text: string, places: Point[]) => {
    const w = textWidth(text, edgeLabelSize) + 8;
    const inside = (at: Point): Point => ({ x: Math.min(Math.max(at.x, w / 2), width - w / 2), y: Math.min(Math.max(at.y, 9), height - 7) });
    const area = (at: Point) => ({ x1: at.x - w / 2, y1: at.y - 9, x2: at.x + w / 2, y2: at.y + 7 });
    // How much of what is drawn already a label there would cover.
    const covers = (at: Point) => {
      const b = area(at);
      return taken.reduce((sum, p) => sum + Math.max(0, Math.min(b.x2, p.x2) - Math.max(b.x1, p.x1)) * Math.max(0, Math.min(b.y2, p.y2) - Math.max(b.y1, p.y1)), 0);
    };
    const first = places[0]!;
    const step = horizontal ? 18 : w * 0.6;
    const moved = [1, -1, 2, -2, 3, -3, 4, -4].map((k) => (horizontal ? { x: first.x, y: first.y + k * step } : { x: first.x + k * step, y: first.y }));
    // The first free place, best first; in a drawing with no room left, the one that covers least.
    const candidates = [...places, ...moved].map(inside).map((point) => ({ point, covered: covers(point) }));
    const at = (candidates.find(({ covered }) => covered === 0) ?? candidates.reduce((best, next) => (next.covered < best.covered ? next : best))).point;
    taken.push(area(at));
    labels.push(`<rect x="${n(at.x - w / 2)}" y="${n(at.y - 9)}" width="${n(w)}" height="16" fill="#ffffff" opacity="0.92"/><text x="${n(at.x)}" y="${n(at.y + 3)}" text-anchor="middle" font-size="${edgeLabelSize}" fill="#111">${escapeXml(text)}</text>`);
  };
  const ends = (edge: FlowEdge, start: Point, beforeStart: Point, end: Point, beforeEnd: Point, colour: string) => {
    const where = arrowheads(edge.kind);
    if (where.end) heads.push(arrowHead(beforeEnd, end, colour));
    if (where.start) heads.push(arrowHead(beforeStart, start, colour));
  };

  routes.forEach(({ edge, points, reversed }, route) => {
    const path: Point[] = [portOf(points[0]!, 'down', route)];
    for (const point of points.slice(1, -1)) path.push(centre(point));
    path.push(portOf(points[points.length - 1]!, 'up', route));
    // Each segment a curve leaving and arriving square to the layers.
    let d = `M${n(path[0]!.x)} ${n(path[0]!.y)}`;
    const controls: Point[][] = [];
    for (let k = 0; k + 1 < path.length; k++) {
      const a = path[k]!;
      const b = path[k + 1]!;
      const c1 = horizontal ? { x: (a.x + b.x) / 2, y: a.y } : { x: a.x, y: (a.y + b.y) / 2 };
      const c2 = horizontal ? { x: (a.x + b.x) / 2, y: b.y } : { x: b.x, y: (a.y + b.y) / 2 };
      controls.push([c1, c2]);
      d += ` C${n(c1.x)} ${n(c1.y)} ${n(c2.x)} ${n(c2.y)} ${n(b.x)} ${n(b.y)}`;
    }
    const { shape: style, stroke: colour } = styleAttributes(edgeStyles[edge.kind].stroke);
    lines.push(`<path d="${d}" fill="none" ${style}/>`);
    const first = path[0]!;
    const last = path[path.length - 1]!;
    const afterFirst = controls[0]![0]!;
    const beforeLast = controls[controls.length - 1]![1]!;
    if (reversed) ends(edge, last, beforeLast, first, afterFirst, colour);
    else ends(edge, first, afterFirst, last, beforeLast, colour);
    if (edge.label) {
      // On the middle segment: halfway first, where a bend point or the curve's centre is, then further along either way.
      const k = Math.floor((path.length - 1) / 2);
      const [c1, c2] = controls[k]!;
      label(
        edge.label,
        [0.5, 0.35, 0.65, 0.2, 0.8].map((t) => cubicAt(path[k]!, c1!, c2!, path[k + 1]!, t)),
      );
    }
  });

  for (const { edge, from, to } of sideways) {
    // Out of the layer on its quieter side and back, bulging further the further apart the two are.
    const side = arcSide[from.layer]!;
    const rim = layerStart[from.layer]! + (side === 1 ? layerDepth[from.layer]! : 0);
    const a = along(from);
    const b = along(to);
    const apex = rim + side * Math.min(maxBulge, 16 + Math.abs(b - a) * 0.15);
    const at = (acrossAt: number, alongAt: number): Point => (horizontal ? { x: acrossAt, y: alongAt } : { x: alongAt, y: acrossAt });
    const edgeOfNode = (node: LayoutNode) => layerStart[node.layer]! + layerDepth[node.layer]! / 2 + (side * node.depth) / 2;
    const start = at(edgeOfNode(from), a);
    const end = at(edgeOfNode(to), b);
    const c1 = at(apex, a);
    const c2 = at(apex, b);
    const { shape: style, stroke: colour } = styleAttributes(edgeStyles[edge.kind].stroke);
    lines.push(`<path d="M${n(start.x)} ${n(start.y)} C${n(c1.x)} ${n(c1.y)} ${n(c2.x)} ${n(c2.y)} ${n(end.x)} ${n(end.y)}" fill="none" ${style}/>`);
    ends(edge, start, c1, end, c2, colour);
    // On the curve's outermost point.
    if (edge.label) label(edge.label, [at(rim + (apex - rim) * 0.75 + side * (textWidth(edge.label, edgeLabelSize) / 2 + 4), (a + b) / 2)]);
  }

  const headings: string[] = [];
  if (grouped && horizontal) {
    layers.forEach((layer, at) => {
      if (layer.every((node) => !node.node)) return;
      headings.push(`<text x="${n(layerStart[at]! + layerDepth[at]! / 2)}" y="${n(pad + 14)}" text-anchor="middle" font-weight="bold" fill="#374151">${escapeXml(headingNames[at] ?? '')}</text>`);
    });
  }

  const shapes: string[] = [];
  for (const node of byKey.values()) shapes.push(nodeSvg(node.node!, box(node)));
  return svgDocument(width, height, chart, headings.join('') + lines.join('') + heads.join('') + shapes.join('') + labels.join(''));
}

function nodeSvg(node: FlowNode, { x, y, width: w, height: h }: { x: number; y: number; width: number; height: number }): string {
  const { shape, text } = styleAttributes(nodeStyles[node.class]);
  let outline: string;
  switch (node.shape) {
    case 'cylinder':
      outline = `<path d="M${n(x)} ${n(y + 6)} a${n(w / 2)} 6 0 0 1 ${n(w)} 0 v${n(h - 12)} a${n(w / 2)} 6 0 0 1 ${n(-w)} 0 z M${n(x)} ${n(y + 6)} a${n(w / 2)} 6 0 0 0 ${n(w)} 0" ${shape}/>`;
      break;
    case 'hexagon': {
      const inset = Math.min(16, w / 4);
      outline = `<polygon points="${n(x + inset)},${n(y)} ${n(x + w - inset)},${n(y)} ${n(x + w)},${n(y + h / 2)} ${n(x + w - inset)},${n(y + h)} ${n(x + inset)},${n(y + h)} ${n(x)},${n(y + h / 2)}" ${shape}/>`;
      break;
    }
    default:
      outline = `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${node.shape === 'stadium' ? n(h / 2) : node.shape === 'round' ? 10 : 2}" ${shape}/>`;
  }
  const lines = labelLines(node);
  const firstBaseline = y + h / 2 - ((lines.length - 1) * lineHeight) / 2 + 5;
  const texts = lines
    .map((line, index) => {
      const size = index === 0 ? '' : ` font-size="${edgeLabelSize}"`;
      return `<text x="${n(x + w / 2)}" y="${n(firstBaseline + index * lineHeight)}" text-anchor="middle" fill="${escapeXml(text)}"${size}>${escapeXml(line)}</text>`;
    })
    .join('');
  // No links inside the chart: it is one image to assistive technology, and the tables beside it link every node.
  return `<g><title>${escapeXml(node.label.join(', '))}</title>${outline}${texts}</g>`;
}
