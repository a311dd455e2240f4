import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDiagrams, mermaidError } from '../src/lib/check/rules/diagrams.ts';
import { decisionTimeline, decisionTimelineSource } from '../src/lib/diagrams/decisions.ts';
import { edgeStyles, flowchartSource, nodeStyles, type Flowchart } from '../src/lib/diagrams/flowchart.ts';
import { findDiagrams, inlineDiagrams, placeholderHtml } from '../src/lib/diagrams/html.ts';
import { drawDiagrams } from '../src/lib/diagrams/integration.ts';
import { layeredLayout, layeredSvg } from '../src/lib/diagrams/layered.ts';
import { investmentChart, investmentSvg, teamInvestmentChart } from '../src/lib/diagrams/investment.ts';
import { errorLine } from '../src/lib/diagrams/errors.ts';
import { escapeLabel } from '../src/lib/diagrams/mermaid.ts';
import { neighbourhoodChart, neighbourhoodSvg } from '../src/lib/diagrams/neighbourhood.ts';
import { orgChart, orgChartGroupLimit, orgOverview, podGroups, pods } from '../src/lib/diagrams/org.ts';
import { roadmapChart, roadmapSvg } from '../src/lib/diagrams/roadmap.ts';
import { parse as parseHtml } from 'node-html-parser';
import { topologyChart, topologyOverview } from '../src/lib/diagrams/topology.ts';
import { buildOrg } from '../src/lib/org/build.ts';
import type { Entry } from '../src/lib/org/types.ts';
import { diagramMessages } from '../src/lib/messages.ts';
import { councilSchema } from '../src/schemas/council.ts';
import { personSchema } from '../src/schemas/people.ts';
import { phaseSchema } from '../src/schemas/phases.ts';
import { streamSchema } from '../src/schemas/streams.ts';
import { teamSchema } from '../src/schemas/teams.ts';

const entry = <T>(id: string, data: T): Entry<T> => ({ id, data });
const person = (id: string, role: string, reportsTo?: string) =>
  entry(id, personSchema.parse({ name: `${id} name`, role, ...(reportsTo ? { reportsTo } : {}) }));
const team = (id: string, data: Record<string, unknown>) =>
  entry(id, teamSchema.parse({ name: `${id} team`, mission: 'M', metrics: [{ name: 'x', kind: 'value' }], ...data }));

/**
 * A small organisation with one of each relation the charts draw: a product line
 * (cpo → pm → pods), two reporting lines (em and a design director), three tech leads,
 * each interaction mode (one pair stated in both charters), systems, roadmaps and
 * decisions.
 */
function model() {
  return buildOrg(
    {
      people: [
        person('ceo', 'ceo'),
        person('cpo', 'cpo', 'ceo'),
        person('cto', 'cto', 'ceo'),
        person('em', 'engineering-manager', 'cto'),
        person('design-director', 'director', 'cto'),
        person('pm', 'product-manager', 'cpo'),
        person('lead', 'tech-lead', 'em'),
        person('lead2', 'tech-lead', 'em'),
        person('lead3', 'tech-lead', 'em'),
        person('dev', 'engineer', 'em'),
        person('designer', 'designer', 'design-director'),
      ],
      teams: [
        team('payments', {
          type: 'stream-aligned',
          stream: 'get-paid',
          productManager: 'pm',
          techLead: 'lead',
          members: ['dev', 'designer'],
          owns: ['pay-api', 'end'],
          interactions: [
            { team: 'platform', mode: 'x-as-a-service' },
            { team: 'coaching', mode: 'collaboration', until: '2027-01-31' },
          ],
          investment: { product: 70, technical: 30 },
        }),
        team('platform', {
          type: 'platform',
          productManager: 'pm',
          techLead: 'lead2',
          interactions: [{ team: 'payments', mode: 'x-as-a-service' }],
          investment: { product: 50, technical: 50 },
        }),
        team('coaching', { type: 'enabling', techLead: 'lead3', interactions: [{ team: 'payments', mode: 'facilitating' }] }),
        team('leaders', { type: 'leadership', members: ['ceo', 'cpo', 'cto'] }),
      ],
      streams: [
        entry(
          'get-paid',
          streamSchema.parse({
            name: 'Get paid',
            roadmap: [
              { item: 'Reminders: smarter', quarter: '2026-Q4', status: 'in-progress' },
              { item: 'Old work', quarter: '2025-Q1', status: 'done' },
              { item: 'Dropped idea', quarter: '2027-Q1', status: 'dropped' },
              { item: 'Far future', quarter: '2028-Q4' },
            ],
          }),
        ),
      ],
      assets: [],
      phases: [
        entry('hyper-growth', phaseSchema.parse({ name: 'Hyper-growth', order: 3, current: true, investment: { product: [60, 75], technical: [25, 40] } })),
      ],
      council: [
        entry(
          '2026-10-07',
          councilSchema.parse({
            date: '2026-10-07',
            decisions: [{ id: 'adr-1', title: 'Use queues', kind: 'architecture', status: 'accepted' }],
            roadmap: [{ id: 'split', item: 'Split the monolith', teams: ['payments'], start: '2026-10-15', end: '2027-01-31', kind: 'architecture' }],
          }),
        ),
        entry(
          '2026-11-04',
          councilSchema.parse({
            date: '2026-11-04',
            decisions: [{ id: 'adr-2', title: 'Queues: replaced', kind: 'architecture', status: 'accepted', supersedes: 'adr-1' }],
            roadmap: [
              { id: 'split', item: 'Split the monolith, v2', teams: ['payments', 'platform'], start: '2026-12-01', end: '2027-03-31', kind: 'architecture' },
              { id: 'ci', item: 'Faster CI', teams: ['platform'], start: '2026-11-01', end: '2026-12-31', kind: 'tooling' },
            ],
          }),
        ),
      ],
      handbook: [],
    },
    new Date('2026-11-20T00:00:00Z'),
  );
}

/** The chart's edges as `from -kind-> to` lines, for comparing semantics rather than layout. */
const edges = (chart: Flowchart) => chart.edges.map((edge) => `${edge.from} -${edge.kind}-> ${edge.to}`).sort();
const node = (chart: Flowchart, key: string) => chart.nodes.find((candidate) => candidate.key === key);

/** A chart drawn by our own code, parsed; fails unless it is a single well-formed <svg>. */
function chartOf(markup: string) {
  const root = parseHtml(markup);
  expect(root.childNodes).toHaveLength(1);
  expect(root.querySelector('svg')?.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
  return root.querySelector('svg')!;
}

/** Every source must parse with Mermaid itself: a chart the build cannot draw is a broken page. */
async function expectParses(source: string): Promise<void> {
  expect(await checkDiagrams([{ file: 'generated', line: 1, column: 1, source }])).toEqual([]);
}

describe('the org chart', () => {
  const org = model();
  const chart = orgChart(org, pods(org), 'Org chart');

  it('draws product direction from product leadership through product managers to pods, solid', () => {
    expect(edges(chart).filter((edge) => edge.includes('-product->'))).toEqual([
      'person:ceo -product-> person:cpo',
      'person:cpo -product-> person:pm',
      'person:pm -product-> team:payments',
      'person:pm -product-> team:platform',
    ]);
    expect(edgeStyles.product.arrow).toBe('-->');
  });

  it("draws each pod's reporting lines from its people's managers, dashed, up to the top", () => {
    expect(edges(chart).filter((edge) => edge.includes('-reporting->'))).toEqual([
      'person:ceo -reporting-> person:cto',
      'person:cto -reporting-> person:design-director',
      'person:cto -reporting-> person:em',
      'person:design-director -reporting-> team:payments',
      'person:em -reporting-> team:coaching',
      'person:em -reporting-> team:payments',
      'person:em -reporting-> team:platform',
    ]);
    expect(edgeStyles.reporting.arrow).toBe('-.->');
    expect(edgeStyles.reporting.stroke).toContain('stroke-dasharray');
  });

  it("joins every pod's tech lead to the tech lead council", () => {
    expect(edges(chart).filter((edge) => edge.includes('-council->'))).toEqual([
      'person:lead -council-> council',
      'person:lead2 -council-> council',
      'person:lead3 -council-> council',
      'team:coaching -council-> person:lead3',
      'team:payments -council-> person:lead',
      'team:platform -council-> person:lead2',
    ]);
    expect(node(chart, 'council')).toMatchObject({ shape: 'hexagon', class: 'council' });
  });

  it('draws no leadership pod, colours pods by type and people by line, and links each node to its page', () => {
    expect(node(chart, 'team:payments')).toMatchObject({ class: 'stream-aligned', href: '/teams/payments/', label: ['payments team'] });
    expect(node(chart, 'person:pm')).toMatchObject({ class: 'product', label: ['pm name', 'Product manager'], href: '/people/pm/' });
    expect(node(chart, 'person:em')?.class).toBe('engineering');
    // At the top of both lines, the CEO is neither side's.
    expect(node(chart, 'person:ceo')?.class).toBe('leadership');
  });

  it('draws the leadership team above its members, joined by faint dotted lines', () => {
    expect(node(chart, 'team:leaders')).toMatchObject({ class: 'leadership', label: ['leaders team'] });
    expect(edges(chart).filter((edge) => edge.includes('-member->'))).toEqual([
      'team:leaders -member-> person:ceo',
      'team:leaders -member-> person:cpo',
      'team:leaders -member-> person:cto',
    ]);
  });

  it('groups pods by value stream for the overview, with the lines one level above the pods', async () => {
    const groups = podGroups(org);
    expect(groups.map((group) => [group.label, group.pods.map((pod) => pod.id)])).toEqual([
      ['Get paid', ['payments']],
      ['Platform teams outside the streams', ['platform']],
      ['Enabling teams outside the streams', ['coaching']],
    ]);
    const overview = orgOverview(org, groups);
    expect(edges(overview)).toContain('person:cpo -product-> group:get-paid');
    expect(edges(overview)).toContain('person:cto -reporting-> group:get-paid');
    expect(edges(overview)).toContain('group:type-platform -council-> council');
    expect(node(overview, 'group:get-paid')?.href).toBe('/streams/get-paid/');
    expect(node(overview, 'group:type-platform')?.href).toBeUndefined();
    expect(node(overview, 'group:get-paid')?.label).toEqual(['Get paid', '1 pod']);
    await expectParses(flowchartSource(overview));
  });

  it('cuts a group too large to read into numbered parts', () => {
    const many = Array.from({ length: orgChartGroupLimit * 2 + 3 }, (_, index) => team(`p${String(index).padStart(2, '0')}`, { type: 'platform', techLead: 'lead' }));
    const big = buildOrg({ people: [person('lead', 'tech-lead')], teams: many, streams: [], assets: [], phases: [], council: [], handbook: [] }, new Date());
    expect(podGroups(big).map((group) => [group.key, group.label, group.pods.length])).toEqual([
      ['type-platform-part-1', 'Platform teams outside the streams (1 of 3)', orgChartGroupLimit],
      ['type-platform-part-2', 'Platform teams outside the streams (2 of 3)', orgChartGroupLimit],
      ['type-platform-part-3', 'Platform teams outside the streams (3 of 3)', 3],
    ]);
  });

  it('gives every group its own page name, even when a stream is called like a group of types', () => {
    const teams = [team('a', { type: 'stream-aligned', stream: 'type-platform', techLead: 'lead' }), team('b', { type: 'platform', techLead: 'lead' })];
    const streams = [entry('type-platform', streamSchema.parse({ name: 'Type platform' }))];
    const clash = buildOrg({ people: [person('lead', 'tech-lead')], teams, streams, assets: [], phases: [], council: [], handbook: [] }, new Date());
    expect(podGroups(clash).map((group) => [group.key, group.label])).toEqual([
      ['type-platform', 'Type platform'],
      ['type-platform-2', 'Platform teams outside the streams'],
    ]);
  });

  it('writes Mermaid that parses, with one linkStyle per kind and one class per node kind', async () => {
    const source = flowchartSource(chart);
    await expectParses(source);
    expect(source).toMatch(/^flowchart TB\n {2}accTitle: Org chart\n/);
    expect(source).toContain(`linkStyle ${chart.edges.flatMap((edge, index) => (edge.kind === 'product' ? [index] : [])).join(',')} ${edgeStyles.product.stroke}`);
    expect(source).toContain(`classDef council ${nodeStyles.council}`);
    expect(source).toMatch(/click n\d+ href "\/teams\/payments\/"/);
  });
});

describe('the topology', () => {
  const org = model();

  it('lists each interaction once, even when both charters state it', () => {
    expect(org.interactions.map(({ from, to, mode }) => `${from.id} ${mode} ${to.id}`)).toEqual([
      'coaching facilitating payments',
      // From the team that gives the service to the team that uses it, whoever states it.
      'platform x-as-a-service payments',
      'payments collaboration coaching',
    ]);
  });

  it('groups teams by type and draws the three modes as different lines', async () => {
    const chart = topologyChart(org, 'Topology');
    expect(chart.groups.map((group) => [group.label, group.nodes])).toEqual([
      ['Stream-aligned teams', ['team:payments']],
      ['Platform teams', ['team:platform']],
      ['Enabling teams', ['team:coaching']],
      ['Leadership teams', ['team:leaders']],
    ]);
    expect(chart.edges.find((edge) => edge.kind === 'collaboration')?.label).toBe('Collaboration until 31 Jan 2027');
    const arrows = new Set(['collaboration', 'x-as-a-service', 'facilitating'].map((mode) => edgeStyles[mode as 'collaboration'].arrow + edgeStyles[mode as 'collaboration'].stroke));
    expect(arrows.size).toBe(3);
    const source = flowchartSource(chart);
    expect(source).toContain('<==>|"Collaboration until 31 Jan 2027"|');
    await expectParses(source);
  });

  it("shows a stream's teams, and the teams they work with as outside nodes", () => {
    const chart = topologyChart(org, 'Get paid', [org.teams.get('payments')!]);
    expect(chart.groups.flatMap((group) => group.nodes)).toEqual(['team:payments']);
    expect(node(chart, 'team:platform')?.class).toBe('outside');
    expect(chart.edges).toHaveLength(3);
  });

  it('counts interactions between groups in the overview', async () => {
    const overview = topologyOverview(org, podGroups(org));
    expect(overview.edges.map((edge) => `${edge.from} ${edge.label} ${edge.to}`).sort()).toEqual([
      'group:get-paid 1 × collaboration group:type-enabling',
      'group:type-enabling 1 × facilitating group:get-paid',
      'group:type-platform 1 × x-as-a-service group:get-paid',
    ]);
    await expectParses(flowchartSource(overview));
  });
});

describe('the layered layout of the org chart and the topology', () => {
  const org = model();

  /** Each drawn node's box, by its first label line, from the SVG as a reader's browser gets it. */
  function boxes(svg: ReturnType<typeof chartOf>) {
    return new Map(
      svg.querySelectorAll('g').map((group) => {
        const outline = group.querySelector('rect, polygon, path')!;
        const points = (outline.getAttribute('points') ?? '').split(' ').filter(Boolean).map((point) => point.split(',').map(Number));
        const xs = outline.tagName === 'RECT' ? [Number(outline.getAttribute('x')), Number(outline.getAttribute('x')) + Number(outline.getAttribute('width'))] : points.map(([x]) => x!);
        const ys = outline.tagName === 'RECT' ? [Number(outline.getAttribute('y')), Number(outline.getAttribute('y')) + Number(outline.getAttribute('height'))] : points.map(([, y]) => y!);
        return [group.querySelector('text')!.text, { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) }];
      }),
    );
  }

  it('draws the org chart top down: every line points from a higher layer to a lower one, and no two nodes overlap', () => {
    const chart = orgChart(org, pods(org), 'Org chart');
    const layout = layeredLayout(chart);
    for (const edge of chart.edges) expect(layout.byKey.get(edge.from)!.layer, `${edge.from} above ${edge.to}`).toBeLessThan(layout.byKey.get(edge.to)!.layer);
    // Product leadership above the product manager, above the pods, above their tech leads, above the council.
    const layer = (key: string) => layout.byKey.get(key)!.layer;
    expect(layer('person:cpo')).toBeLessThan(layer('person:pm'));
    expect(layer('person:pm')).toBeLessThan(layer('team:payments'));
    expect(layer('team:payments')).toBeLessThan(layer('person:lead'));
    expect(layer('person:lead')).toBeLessThan(layer('council'));

    const svg = chartOf(layeredSvg(chart));
    const drawn = [...boxes(svg).entries()];
    expect(drawn.map(([label]) => label).sort()).toEqual(chart.nodes.map((node) => node.label[0]).sort());
    for (const [i, [a, one]] of drawn.entries()) {
      for (const [b, other] of drawn.slice(i + 1)) {
        const apart = one.right <= other.left || other.right <= one.left || one.bottom <= other.top || other.bottom <= one.top;
        expect(apart, `${a} and ${b} overlap`).toBe(true);
      }
    }
    // Every line is drawn, in its kind's style, and the chart fits its own size.
    expect(svg.querySelectorAll('path[fill="none"]')).toHaveLength(chart.edges.length);
    expect(svg.querySelectorAll('path[stroke-dasharray="6 4"]')).toHaveLength(chart.edges.filter((edge) => edge.kind === 'reporting').length);
    const width = Number(svg.getAttribute('width'));
    for (const [label, box] of drawn) expect(box.right, label).toBeLessThanOrEqual(width);
    expect(svg.querySelectorAll('a')).toHaveLength(0);
  });

  it('keeps the order the data gives when nothing crosses, and draws the same chart on every build', () => {
    const chart = orgChart(org, pods(org), 'Org chart');
    expect(layeredSvg(chart)).toBe(layeredSvg(orgChart(org, pods(org), 'Org chart')));
    const x = (label: string) => boxes(chartOf(layeredSvg(chart))).get(label)!.left;
    // The council sits under the tech leads it joins: between the leftmost and the rightmost.
    const leads = ['lead name', 'lead2 name', 'lead3 name'].map(x);
    expect(x('Tech lead council')).toBeGreaterThan(Math.min(...leads));
    expect(x('Tech lead council')).toBeLessThan(Math.max(...leads));
  });

  it('puts the topology in one column per team type, under its heading, with outside teams last', () => {
    const svg = chartOf(layeredSvg(topologyChart(org, 'Get paid', [org.teams.get('payments')!])));
    const headings = svg.querySelectorAll('text[font-weight="bold"]').map((text) => text.text);
    expect(headings).toEqual(['Stream-aligned teams', 'Teams they work with']);
    const drawn = boxes(svg);
    expect(drawn.get('payments team')!.right).toBeLessThan(drawn.get('platform team')!.left);
    const centre = (label: string) => (drawn.get(label)!.left + drawn.get(label)!.right) / 2;
    expect(centre('platform team')).toBeCloseTo(centre('coaching team'), 0);
    // Collaboration is drawn with a head at both ends; every interaction keeps its label.
    const texts = svg.querySelectorAll('text').map((text) => text.text);
    expect(texts).toEqual(expect.arrayContaining(['Collaboration until 31 Jan 2027', 'X-as-a-service', 'Facilitating']));
    expect(svg.querySelectorAll('polygon')).toHaveLength(4);
  });

  it('keeps linked nodes level with their partners when an unlinked one shares their column', () => {
    const node = (key: string) => ({ key, label: [key], shape: 'box' as const, class: 'platform' as const });
    const chart: Flowchart = {
      title: 'Probe',
      description: 'Probe',
      direction: 'LR',
      nodes: ['a', 'c', 'e', 'b', 'y', 'z', 'x'].map(node),
      edges: [['a', 'b'], ['c', 'y'], ['e', 'z']].map(([from, to]) => ({ from: from!, to: to!, kind: 'x-as-a-service' as const, label: '' })),
      groups: [
        { key: 'g1', label: 'G1', nodes: ['a', 'c', 'e'] },
        { key: 'g2', label: 'G2', nodes: ['b', 'y', 'z', 'x'] },
      ],
    };
    const { byKey } = layeredLayout(chart);
    for (const [from, to] of [['a', 'b'], ['c', 'y'], ['e', 'z']]) expect(byKey.get(to!)!.pos, `${from}→${to}`).toBeCloseTo(byKey.get(from!)!.pos, 0);
  });

  it('draws a team with no interactions level with the top of the others, not alone above them', () => {
    const drawn = boxes(chartOf(layeredSvg(topologyChart(org, 'Topology'))));
    const linked = ['payments team', 'platform team', 'coaching team'].map((label) => drawn.get(label)!.top);
    expect(drawn.get('leaders team')!.top).toBeCloseTo(Math.min(...linked), 0);
  });

  it('draws an interaction between two teams of one type as an arc beside their column', () => {
    const chart = topologyChart(org, 'Topology');
    const ledger: Flowchart = {
      ...chart,
      nodes: [...chart.nodes, { key: 'team:ledger', label: ['ledger team'], shape: 'box', class: 'stream-aligned' }],
      groups: chart.groups.map((group) => (group.key === 'stream-aligned' ? { ...group, nodes: [...group.nodes, 'team:ledger'] } : group)),
      edges: [...chart.edges, { from: 'team:ledger', to: 'team:payments', kind: 'x-as-a-service', label: 'X-as-a-service' }],
    };
    const layout = layeredLayout(ledger);
    expect(layout.sideways.map(({ edge }) => `${edge.from} ${edge.to}`)).toEqual(['team:ledger team:payments']);
    const svg = chartOf(layeredSvg(ledger));
    expect(svg.querySelectorAll('path[fill="none"]')).toHaveLength(ledger.edges.length);
  });

  it('draws a blank chart, not a broken one, for an organisation with no teams yet', () => {
    const svg = chartOf(layeredSvg({ title: 'Org chart', description: 'D', direction: 'TB', nodes: [], edges: [], groups: [] }));
    expect(Number(svg.getAttribute('width'))).toBeGreaterThan(0);
  });

  it('lays out the overview of a large organisation, loops included, without losing a line', () => {
    const overview = topologyOverview(org, podGroups(org));
    // payments → coaching (collaboration) and coaching → payments (facilitating) make a loop.
    const layout = layeredLayout(overview);
    const drawnLines = layout.routes.length + layout.sideways.length;
    expect(drawnLines).toBe(overview.edges.length);
    expect(layout.routes.some((route) => route.reversed)).toBe(true);
    expect(chartOf(layeredSvg(overview)).querySelectorAll('path[fill="none"]')).toHaveLength(overview.edges.length);
  });
});

describe("a team's neighbourhood", () => {
  const org = model();

  it('shows its interactions both ways and the systems it owns', async () => {
    const chart = neighbourhoodChart(org, org.teams.get('payments')!)!;
    expect(edges(chart)).toEqual([
      'team:coaching -facilitating-> team:payments',
      'team:payments -collaboration-> team:coaching',
      'team:payments -owns-> system:end',
      'team:payments -owns-> system:pay-api',
      'team:platform -x-as-a-service-> team:payments',
    ]);
    expect(node(chart, 'team:payments')?.class).toBe('self');
    expect(node(chart, 'system:pay-api')).toMatchObject({ shape: 'cylinder', class: 'system' });
    // A system called "end" is a Mermaid keyword; node ids never come from content.
    await expectParses(flowchartSource(chart));
    const svg = chartOf(neighbourhoodSvg(chart));
    const texts = svg.querySelectorAll('text').map((text) => text.text);
    expect(texts).toEqual(expect.arrayContaining(['payments team', 'platform team', 'pay-api', 'end', 'owns']));
    // The platform, which only gives to it, sits to its left; coaching, which it also
    // points at, to its right, with both edges drawn.
    const x = (label: string) => Number(svg.querySelectorAll('text').find((text) => text.text === label)!.getAttribute('x'));
    expect(x('platform team')).toBeLessThan(x('payments team'));
    expect(x('payments team')).toBeLessThan(x('coaching team'));
    expect(svg.querySelectorAll('line')).toHaveLength(5);
    // One image to assistive technology: no links inside it (the tables beside it link every team).
    expect(svg.querySelectorAll('a')).toHaveLength(0);
  });

  it('is absent for a team with no interactions and no systems', () => {
    expect(neighbourhoodChart(org, org.teams.get('leaders')!)).toBeUndefined();
  });
});

describe('the roadmap', () => {
  const org = model();

  it('puts product and technical work on one axis for the next twelve months, the latest minutes winning', async () => {
    const chart = roadmapChart(org, 'Roadmap')!;
    expect([chart.from, chart.to].map((date) => date.toISOString().slice(0, 10))).toEqual(['2026-11-01', '2027-10-31']);
    expect(chart.sections.map((section) => [section.label, section.bars.map((bar) => bar.label)])).toEqual([
      ['Product: Get paid', ['Reminders: smarter']],
      ['Technical: Architecture', ['Split the monolith, v2']],
      ['Technical: Tooling', ['Faster CI']],
    ]);
    const split = chart.sections[1]!.bars[0]!;
    expect(split.teams).toEqual(['payments', 'platform']);
    expect(split.teamNames).toEqual(['payments team', 'platform team']);
    // Work that started before the window is drawn from the window's start, and still told with its own dates.
    const reminders = chart.sections[0]!.bars[0]!;
    expect([reminders.from, reminders.start].map((date) => date.toISOString().slice(0, 10))).toEqual(['2026-11-01', '2026-10-01']);
    expect(chart.sections[0]!.bars[0]!.state).toBe('active');

    const svg = chartOf(roadmapSvg(chart));
    expect(svg.querySelector('title')?.text).toBe('Roadmap');
    // The description says how to read it, for assistive technology that reads the SVG itself.
    expect(svg.querySelector('desc')?.text).toBe(chart.description);
    const texts = svg.querySelectorAll('text').map((text) => text.text);
    expect(texts).toEqual(expect.arrayContaining(['Product: Get paid', 'Reminders: smarter', 'Nov 2026', 'Oct 2027', 'Build date 20 Nov 2026', 'In progress', 'Planned', 'At risk', 'Done']));
    // Technical work names the teams doing it.
    expect(texts).toContain('Split the monolith, v2 (payments team, platform team)');
    // A bar spans its months: Reminders runs through December, two of the twelve month columns.
    const grid = svg.querySelectorAll('line').filter((line) => line.getAttribute('stroke') === '#d1d5db').map((line) => Number(line.getAttribute('x1')));
    const bar = svg.querySelectorAll('g').find((group) => group.querySelector('title')?.text.startsWith('Reminders: smarter'))!;
    expect(bar.querySelector('title')!.text).toBe('Reminders: smarter: 1 Oct 2026 to 31 Dec 2026, in-progress');
    const rect = bar.querySelector('rect')!;
    expect(Number(rect.getAttribute('x'))).toBeCloseTo(grid[0]!, 0);
    expect(Number(rect.getAttribute('x')) + Number(rect.getAttribute('width'))).toBeCloseTo(grid[2]!, 0);
    expect(rect.getAttribute('fill')).toBe('#bfe3f5');
  });

  it("gives a team its stream's product roadmap and the technical items that name it", () => {
    const slice = roadmapChart(org, 'Coaching', { streams: [], teams: ['coaching'] });
    expect(slice).toBeUndefined();
    const platform = roadmapChart(org, 'Platform', { streams: [], teams: ['platform'] })!;
    expect(platform.sections.flatMap((section) => section.bars.map((bar) => bar.label))).toEqual(['Split the monolith, v2', 'Faster CI']);
  });
});

describe('the decisions timeline', () => {
  it('lists decisions by meeting with their status, a superseded one naming its successor', async () => {
    const timeline = decisionTimeline(model())!;
    expect(timeline.meetings.map((meeting) => [meeting.date, meeting.decisions.map((decision) => decision.id)])).toEqual([
      ['2026-10-07', ['adr-1']],
      ['2026-11-04', ['adr-2']],
    ]);
    const source = decisionTimelineSource(timeline);
    expect(source).toContain('2026-10-07 : adr-1 Use queues #40;superseded by adr-2#41;');
    expect(source).toContain('2026-11-04 : adr-2 Queues#58; replaced #40;accepted#41;');
    await expectParses(source);
  });
});

describe('the investment chart', () => {
  const org = model();

  it("draws each team's planned product share against the current phase's range", async () => {
    const chart = investmentChart([...org.teams.values()], org.currentPhase(), 'Investment')!;
    // Teams without a planned mix are left out of the chart (the table says so).
    expect(chart.labels).toEqual(['payments team', 'platform team']);
    expect(chart.values).toEqual([70, 50]);
    expect(chart.range).toEqual([60, 75]);
    const svg = chartOf(investmentSvg(chart));
    const bars = svg.querySelectorAll('g > rect').map((rect) => Number(rect.getAttribute('width')));
    // Bars are to scale: 70 % and 50 % of the same axis.
    expect(bars[0]! / bars[1]!).toBeCloseTo(70 / 50, 2);
    expect(svg.querySelectorAll('text').map((text) => text.text)).toEqual(expect.arrayContaining(['payments team', 'platform team', '70%', '50%', 'Dashed lines: the recommended range, 60% to 75%']));
    expect(svg.querySelectorAll('line[stroke-dasharray]')).toHaveLength(2);
  });

  it("puts a team's plan beside the phase's minimum and maximum", async () => {
    const chart = teamInvestmentChart(org.teams.get('platform')!, org.currentPhase())!;
    expect(chart.labels).toEqual(['Planned', 'Hyper-growth minimum', 'Hyper-growth maximum']);
    expect(chart.values).toEqual([50, 60, 75]);
    const texts = chartOf(investmentSvg(chart)).querySelectorAll('text').map((text) => text.text);
    expect(texts).toEqual(expect.arrayContaining(['Planned', 'Hyper-growth minimum', 'Hyper-growth maximum', '50%', '60%', '75%']));
  });
});

describe('labels from content', () => {
  it('cannot break out of a label or start Mermaid syntax', async () => {
    expect(escapeLabel('A "quoted" [x] {y} (z) | a: b; c # d %% e <b>')).toBe(
      'A #quot;quoted#quot; #91;x#93; #123;y#125; #40;z#41; #124; a#58; b#59; c #35; d #37;#37; e #lt;b#gt;',
    );
    const chart: Flowchart = {
      title: 'T"]; click x call alert(1)',
      description: 'D',
      direction: 'LR',
      nodes: [{ key: 'a', label: ['"]) --> evil(["', 'end'], shape: 'box', class: 'group' }],
      edges: [],
      groups: [],
    };
    const source = flowchartSource(chart);
    expect(source).not.toContain('call alert(1)\n');
    await expectParses(source);
  });

  it('stays text in the charts we draw ourselves', () => {
    const hostile = '<img src=x onerror=alert(1)> & "quotes" </svg><script>';
    const roadmap = roadmapSvg({
      title: hostile,
      description: 'D',
      from: new Date('2026-11-01'),
      to: new Date('2027-10-31'),
      today: new Date('2026-11-20'),
      sections: [{ label: hostile, track: 'product', bars: [{ label: hostile, from: new Date('2026-12-01'), to: new Date('2027-01-31'), start: new Date('2026-12-01'), end: new Date('2027-01-31'), state: undefined }] }],
    });
    const bars = investmentSvg({ title: hostile, description: 'D', labels: [hostile], values: [50] });
    const graph = layeredSvg({
      title: hostile,
      description: hostile,
      direction: 'LR',
      nodes: [
        { key: 'a', label: [hostile, hostile], shape: 'hexagon', class: 'group' },
        { key: 'b', label: [hostile], shape: 'cylinder', class: 'system' },
      ],
      edges: [{ from: 'a', to: 'b', kind: 'collaboration', label: hostile }],
      groups: [{ key: 'g', label: hostile, nodes: ['a'] }],
    });
    for (const markup of [roadmap, bars, graph]) {
      expect(markup).not.toMatch(/<(img|script)|<\/svg>./);
      // The text survives, escaped: readers see exactly what the author wrote.
      expect(chartOf(markup).querySelector('title')?.text).toBe(hostile);
    }
  });
});

describe('Mermaid syntax errors in authored diagrams', () => {
  it('are reported at the line Mermaid stopped on, counting the lines Mermaid drops', async () => {
    const source = 'flowchart LR\n  %% a comment\n  a --> b\n  b --> (\n';
    expect(mermaidError(await parseError(source), source)).toMatchObject({ line: 4, unknownType: false });
    const [problem] = await checkDiagrams([{ file: 'handbook/x.md', line: 10, column: 1, source }]);
    expect(problem).toMatchObject({ file: 'handbook/x.md', line: 13, rule: 'diagrams/syntax', severity: 'error' });
    expect(problem?.message).toMatch(/^This Mermaid diagram does not parse at "b --> \(": expected /);
  });

  it('count the lines of an init directive, which Mermaid takes out too, and parse as many edges as the build draws', async () => {
    const source = '%%{init: {"theme": "forest"}}%%\nflowchart LR\n  %% a comment\n  a --> b\n  b --> (\n';
    expect((await checkDiagrams([{ file: 'x.md', line: 10, column: 1, source }]))[0]).toMatchObject({ line: 14 });
    // Mermaid's own default stops at 500 edges; the build draws up to its limit, and so the check passes them.
    const wide = `flowchart LR\n${Array.from({ length: 600 }, (_, at) => `  n${at} --> n${at + 1}`).join('\n')}\n`;
    expect(await checkDiagrams([{ file: 'x.md', line: 1, column: 1, source: wide }])).toEqual([]);
  });

  it('include an impossible day in a gantt chart written YYYY-MM-DD, which Mermaid parses and cannot draw', async () => {
    const source = 'gantt\n  dateFormat YYYY-MM-DD\n  title Plan: 2026-13-01 onwards\n  section Build\n  Move pipelines :a1, 2026-13-45, 3d\n  Ship :a2, after a1, 2d\n  Leap day :a3, 2028-02-29, 1d\n  Pay 2026-99-99 bills :a4, 2026-02-30, 1d\n';
    const problems = await checkDiagrams([{ file: 'x.md', line: 10, column: 1, source }]);
    expect(problems.map(({ line, column, rule, message }) => ({ line, column, rule, message }))).toEqual([
      { line: 14, column: 23, rule: 'diagrams/syntax', message: diagramMessages.ganttDate('2026-13-45') },
      { line: 17, column: 29, rule: 'diagrams/syntax', message: diagramMessages.ganttDate('2026-02-30') },
    ]);
    expect(problems[0]!.message).toBe(
      '"2026-13-45" is not a day of the calendar, and this gantt chart\'s dates are written YYYY-MM-DD: Mermaid would stop the build drawing it. Write a real day, such as 2026-05-14.',
    );
    // Other formats are the build's to find; other diagrams have no such dates.
    expect(await checkDiagrams([{ file: 'x.md', line: 1, column: 1, source: 'gantt\n  dateFormat DD-MM-YYYY\n  a :t1, 45-13-2026, 3d\n' }])).toEqual([]);
    expect(await checkDiagrams([{ file: 'x.md', line: 1, column: 1, source: 'flowchart LR\n  a[2026-13-45] --> b\n' }])).toEqual([]);
  });

  it('name an unknown diagram type', async () => {
    const [problem] = await checkDiagrams([{ file: 'x.md', line: 5, column: 1, source: 'flowchrt LR\n  a --> b\n' }]);
    expect(problem).toMatchObject({ line: 5, column: 1 });
    expect(problem?.message).toBe(
      '"flowchrt" is not a Mermaid diagram type. Start the block with one, such as "flowchart LR", "sequenceDiagram", "gantt" or "timeline".',
    );
  });
});

async function parseError(source: string): Promise<unknown> {
  const { default: mermaid } = await import('mermaid');
  return mermaid.parse(source).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('errors Mermaid raises while drawing, which carry no line', () => {
  it('point at the one line holding a word the error names, and claim nothing otherwise', () => {
    const gantt = 'gantt\n  dateFormat YYYY-MM-DD\n  section Build\n  Move pipelines :a1, 2026-13-45, 3d\n';
    expect(errorLine(gantt, 'Invalid date:2026-13-45')).toEqual({ line: 4, word: '2026-13-45' });
    expect(errorLine('block-beta\n  columns 0\n  a b c\n', 'Columns must be an integer !== 0.')).toEqual({ line: 2, word: 'Columns' });
    // Nothing named: no line is claimed, and the report gives the diagram's first line.
    expect(errorLine('sankey-beta\n\nA,B,10\nB,C,5\nC,A,3\n', 'circular link')).toBeUndefined();
    // Named on two lines, or two words on two lines: either could be it.
    expect(errorLine('stateDiagram-v2\n  state Outer {\n    Outer --> Inner\n  }\n', 'Setting Outer as parent of Outer would create a cycle')).toBeUndefined();
    expect(errorLine('gantt\n  a :t1, 2026-01-01, 3d\n  b :t2, 2026-02-01, 3d\n', 'Tasks t1 and t2 clash')).toBeUndefined();
    // Whole words only: "date" is not in "dateFormat".
    expect(errorLine(gantt, 'Invalid date')).toBeUndefined();
    // The value it names, not its prose: the bad date is on two lines, so neither is claimed,
    // and the task that happens to say "invalid" is not taken for it.
    const twice = 'gantt\n  dateFormat YYYY-MM-DD\n  Reject invalid invoices :a1, 2026-01-05, 3d\n  Pay :a2, 2026-13-45, 1d\n  Bill :a3, 2026-13-45, 1d\n';
    expect(errorLine(twice, 'Invalid date:2026-13-45')).toBeUndefined();
  });
});

describe('diagrams in built pages', () => {
  const page = `<main>${placeholderHtml('Org "chart"', 'flowchart LR\n  a["<b>"] --> b')}<pre class="astro-code"><code class="language-mermaid">graph TD\n  x --&gt; y</code></pre></main>`;

  it('finds generated diagrams and fenced mermaid blocks, decoded', () => {
    expect(findDiagrams(page).map(({ title, source, authored }) => ({ title, source, authored }))).toEqual([
      { title: 'Org "chart"', source: 'flowchart LR\n  a["<b>"] --> b', authored: false },
      { title: 'Diagram', source: 'graph TD\n  x --> y', authored: true },
    ]);
  });

  it('inlines the SVGs it has, in an image role named by the title, and keeps the rest for the browser', () => {
    const { html, pending } = inlineDiagrams(page, findDiagrams(page), (source) => (source.startsWith('flowchart') ? '<svg id="s"></svg>' : undefined));
    expect(pending).toBe(1);
    expect(html).toContain('<div class="diagram-svg" role="img" tabindex="0" aria-label="Org &quot;chart&quot;" data-pagefind-ignore="all"><svg id="s"></svg></div>');
    expect(html).toContain('<figure class="diagram diagram-authored"><pre class="diagram-source" data-diagram="Diagram" tabindex="0">graph TD');
    expect(html).toContain('<details class="diagram-text"><summary>Diagram source</summary><pre tabindex="0">graph TD\n  x --&gt; y</pre></details></figure>');
  });

  it('sees only real elements: diagram markup inside an attribute value stays text', () => {
    // A review found that a pattern over the HTML started matching inside this title and
    // wrote the rest of it out as attributes (an onfocus handler) on the span.
    const attack = `<p><span title='<pre><code class="language-mermaid">graph TD\nA\n%%'>\n%% autofocus onfocus=alert(1)\n</code></pre>'>x</span></p>`;
    expect(findDiagrams(attack)).toEqual([]);
    expect(inlineDiagrams(attack, findDiagrams(attack), () => '<svg></svg>').html).toBe(attack);
  });
});

describe('the diagram step on a rebuild', () => {
  it('does not read a page the last build left in place, and draws the pages written again', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'handbook-diagram-step-'));
    const block = '<!doctype html><html><body><main><pre><code class="language-mermaid">flowchart LR\n  a --> b\n</code></pre></main></body></html>';
    for (const page of ['kept', 'written']) {
      mkdirSync(path.join(outDir, page));
      writeFileSync(path.join(outDir, page, 'index.html'), block);
    }
    try {
      const logger = { info: () => {}, warn: () => {} };
      const options = { chromium: 'off', cacheDir: path.join(outDir, '.cache'), base: '/', unchanged: (page: string) => page === 'kept/index.html' };
      const stats = await drawDiagrams(outDir, options, logger);
      // Had it been read, it would have been given the lazy loader like the other.
      expect(stats.files).toEqual(['written/index.html']);
      expect(readFileSync(path.join(outDir, 'kept/index.html'), 'utf8')).toBe(block);
      expect(readFileSync(path.join(outDir, 'written/index.html'), 'utf8')).not.toBe(block);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
