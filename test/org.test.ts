import { describe, expect, it } from 'vitest';
import { buildOrg, fitsRange } from '../src/lib/org/build.ts';
import type { Entry, OrgInput } from '../src/lib/org/types.ts';
import { neighbourhoodChart } from '../src/lib/diagrams/neighbourhood.ts';
import { newHireWelcome } from '../src/lib/onboarding/new-hire.ts';
import { assetSchema } from '../src/schemas/assets.ts';
import { councilSchema } from '../src/schemas/council.ts';
import { personSchema } from '../src/schemas/people.ts';
import { phaseSchema } from '../src/schemas/phases.ts';
import { teamSchema } from '../src/schemas/teams.ts';

const day = (text: string) => new Date(`${text}T00:00:00Z`);
const entry = <T>(id: string, data: T): Entry<T> => ({ id, data });

function person(id: string, role: string, reportsTo?: string) {
  return entry(id, personSchema.parse({ name: id.replace('-', ' '), role, ...(reportsTo ? { reportsTo } : {}) }));
}

function org(overrides: Partial<OrgInput> = {}) {
  const input: OrgInput = {
    people: [
      person('ceo', 'ceo'),
      person('cto', 'cto', 'ceo'),
      person('em', 'engineering-manager', 'cto'),
      person('lead', 'tech-lead', 'em'),
      person('pm', 'product-manager', 'ceo'),
      person('dev', 'engineer', 'em'),
      person('loop-a', 'engineer', 'loop-b'),
      person('loop-b', 'engineer', 'loop-a'),
    ],
    teams: [
      entry(
        'pod',
        teamSchema.parse({
          name: 'Pod',
          type: 'stream-aligned',
          stream: 'flow',
          mission: 'M',
          productManager: 'pm',
          techLead: 'lead',
          members: ['dev', 'lead'],
          metrics: [{ name: 'x', kind: 'value' }],
          responsibilities: [{ what: 'Billing', owner: 'dev' }],
          owns: ['billing'],
          interactions: [{ team: 'platform', mode: 'x-as-a-service' }],
        }),
      ),
      entry(
        'platform',
        teamSchema.parse({ name: 'Platform', type: 'platform', mission: 'M', techLead: 'lead', metrics: [{ name: 'y', kind: 'value' }], owns: ['billing'] }),
      ),
      entry(
        'leaders',
        teamSchema.parse({ name: 'Leaders', type: 'leadership', mission: 'M', members: ['cto', 'em'], metrics: [{ name: 'z', kind: 'value' }] }),
      ),
    ],
    streams: [],
    assets: [
      entry('persona', assetSchema.parse({ title: 'Persona', category: 'customer-value', kind: 'persona', stream: 'flow', owner: 'pod' })),
      entry('wheel', assetSchema.parse({ title: 'Wheel', category: 'economic-model', kind: 'flywheel' })),
    ],
    phases: [
      entry('optimizing', phaseSchema.parse({ name: 'Optimizing', order: 4 })),
      entry('hyper-growth', phaseSchema.parse({ name: 'Hyper-growth', order: 3, current: true })),
    ],
    council: [
      entry(
        '2026-10-21',
        councilSchema.parse({
          date: '2026-10-21',
          decisions: [
            { id: 'b', title: 'B', kind: 'tooling', status: 'superseded', supersedes: 'a' },
            { id: 'c', title: 'C', kind: 'tooling', status: 'accepted', supersedes: 'b' },
          ],
          roadmap: [{ id: 'split', item: 'Split v2', teams: ['pod', 'platform'], start: '2026-11-01', end: '2027-02-28', kind: 'architecture' }],
          actions: [
            { what: 'Late', owner: 'dev', due: '2026-11-01' },
            { what: 'Future', owner: 'dev', due: '2026-12-01' },
            { what: 'Finished', owner: 'dev', due: '2026-10-01', done: true },
          ],
        }),
      ),
      entry(
        '2026-10-07',
        councilSchema.parse({
          date: '2026-10-07',
          decisions: [{ id: 'a', title: 'A', kind: 'tooling', status: 'superseded' }],
          roadmap: [
            { id: 'split', item: 'Split', teams: ['pod'], start: '2026-10-15', end: '2027-01-31', kind: 'architecture' },
            { id: 'debt', item: 'Debt', teams: ['platform'], start: '2026-09-01', end: '2026-12-31', kind: 'debt' },
          ],
        }),
      ),
    ],
    handbook: [],
    ...overrides,
  };
  return buildOrg(input, day('2026-11-20'));
}

/** The organisation with one meeting's decisions as its only minutes. */
const withDecisions = (date: string, decisions: unknown[]) => org({ council: [entry(date, councilSchema.parse({ date, decisions }))] });

describe('handbook folders', () => {
  it('list their own pages by order, a subfolder by its page or, without one, by name', () => {
    const page = (id: string, title: string, order?: number) => entry(id, { title, ...(order === undefined ? {} : { order }) });
    const handbook = [
      page('start-here', 'Start here', 1),
      page('guides', 'Guides', 2),
      page('guides/on-call', 'On call', 2),
      page('guides/escalation', 'Escalation', 1),
      page('guides/deep/runbook', 'Runbook'),
      page('rituals/retro', 'Retro', 5),
      page('glossary', 'Glossary', 3),
    ];
    const model = buildOrg({ people: [], teams: [], streams: [], assets: [], phases: [], council: [], handbook }, day('2026-11-20'));
    const titles = (items: ReturnType<typeof model.handbookSection>): unknown[] =>
      items.map((item) => ('page' in item ? item.page.data.title : { [item.folder]: titles(item.items) }));
    // Orders count within a folder: Escalation (1) before On call (2), though Guides is also 2.
    expect(titles(model.handbookSection(''))).toEqual(['Start here', 'Guides', 'Glossary', { rituals: ['Retro'] }]);
    expect(titles(model.handbookSection('guides'))).toEqual(['Escalation', 'On call', { deep: ['Runbook'] }]);
    expect(model.handbookSection('guides/on-call')).toEqual([]);
  });
});

describe('organisation graph', () => {
  it('lists a person on each team with the capacity they are on it in, once', () => {
    const model = org();
    expect(model.membershipsOf('lead').map(({ team, as }) => `${team.id}:${as}`)).toEqual(['platform:tech lead', 'pod:tech lead']);
    expect(model.membersOf(model.teams.get('pod')!)).toEqual([
      { id: 'pm', as: 'product manager' },
      { id: 'lead', as: 'tech lead' },
      { id: 'dev', as: 'member' },
    ]);
  });

  it("gives leaders the leadership team as first team, and others their pod", () => {
    const model = org();
    expect(model.firstTeam('em')?.id).toBe('leaders');
    expect(model.firstTeam('dev')?.id).toBe('pod');
    expect(model.firstTeam('ceo')).toBeUndefined();
  });

  it('follows the reporting line to the top and stops at a loop', () => {
    const model = org();
    expect(model.reportingLine('dev').map((p) => p.id)).toEqual(['em', 'cto', 'ceo']);
    expect(model.reportingLine('loop-a').map((p) => p.id)).toEqual(['loop-b']);
    expect(model.directReports('em').map((p) => p.id).sort()).toEqual(['dev', 'lead']);
  });

  it('finds what a person owns and who owns a system', () => {
    const model = org();
    expect(model.responsibilitiesOf('dev').map((r) => `${r.team.id}:${r.what}`)).toEqual(['pod:Billing']);
    expect(model.ownersOf('billing').map((team) => team.id).sort()).toEqual(['platform', 'pod']);
    expect(model.ownersOf('unknown')).toEqual([]);
  });

  it('indexes teams and assets by stream and owner, and interactions towards a team', () => {
    const model = org();
    expect(model.teamsInStream('flow').map((t) => t.id)).toEqual(['pod']);
    expect(model.assetsInStream('flow').map((a) => a.id)).toEqual(['persona']);
    expect(model.assetsOwnedBy('pod').map((a) => a.id)).toEqual(['persona']);
    expect(model.interactionsOf(model.teams.get('platform')!).incoming.map((i) => `${i.team.id}:${i.mode}`)).toEqual(['pod:x-as-a-service']);
    expect([...model.assetsByCategory().keys()].sort()).toEqual(['customer-value', 'economic-model']);
  });

  it("shows an interaction stated in both charters once, from this team's side", () => {
    const model = org();
    const platform = model.teams.get('platform')!;
    expect(model.interactionsOf(platform).incoming.map((i) => i.team.id)).toEqual(['pod']);
    const both = buildOrg(
      {
        ...{ people: [], streams: [], assets: [], phases: [], council: [], handbook: [] },
        teams: [
          entry('a', teamSchema.parse({ name: 'A', type: 'platform', status: 'draft', interactions: [{ team: 'b', mode: 'collaboration' }] })),
          entry('b', teamSchema.parse({ name: 'B', type: 'platform', status: 'draft', interactions: [{ team: 'a', mode: 'collaboration' }] })),
        ],
      },
      day('2026-11-20'),
    );
    expect(both.interactionsOf(both.teams.get('a')!)).toMatchObject({ declared: [{ team: 'b' }], incoming: [] });
  });

  it('marks an interaction whose until has passed as ended, and leaves it out of the topology and the charts', () => {
    const teams = [
      entry('a', teamSchema.parse({ name: 'A', type: 'platform', status: 'draft', members: ['new'], interactions: [{ team: 'b', mode: 'collaboration', until: '2026-11-19' }, { team: 'c', mode: 'collaboration', until: '2026-11-20' }] })),
      entry('b', teamSchema.parse({ name: 'B', type: 'platform', status: 'draft', owns: ['ledger'] })),
      entry('c', teamSchema.parse({ name: 'C', type: 'platform', status: 'draft', owns: ['deploys'] })),
    ];
    const people = [entry('new', personSchema.parse({ name: 'New', role: 'engineer', joined: '2026-11-02' }))];
    const model = buildOrg({ people, streams: [], assets: [], phases: [], council: [], handbook: [], teams }, day('2026-11-20'));
    // The last day of an interaction still counts: C's collaboration ends today.
    expect(model.interactions.map(({ from, to }) => `${from.id}>${to.id}`)).toEqual(['a>c']);
    expect(model.interactionsOf(model.teams.get('a')!).declared.map(({ team, ended }) => `${team}:${ended}`)).toEqual(['b:true', 'c:false']);
    expect(model.interactionsOf(model.teams.get('b')!).incoming.map(({ team, ended }) => `${team.id}:${ended}`)).toEqual(['a:true']);
    expect(neighbourhoodChart(model, model.teams.get('a')!)!.edges.map(({ to }) => to)).toEqual(['team:c']);
    expect(neighbourhoodChart(model, model.teams.get('b')!)!.edges.map(({ from }) => from)).toEqual(['team:b']);
    // A new hire is pointed at the systems of platforms their team works with now.
    expect(newHireWelcome(model, 'new', 90)?.systems.map(({ system }) => system)).toEqual(['deploys']);
  });

  it('keeps drawing a pair one charter says has ended while the other still states it', () => {
    const teams = [
      entry('pod', teamSchema.parse({ name: 'Pod', type: 'stream-aligned', status: 'draft', members: ['new'], interactions: [{ team: 'paas', mode: 'x-as-a-service', until: '2026-10-01' }] })),
      entry('paas', teamSchema.parse({ name: 'PaaS', type: 'platform', status: 'draft', owns: ['deploys'], interactions: [{ team: 'pod', mode: 'x-as-a-service' }] })),
    ];
    const people = [entry('new', personSchema.parse({ name: 'New', role: 'engineer', joined: '2026-11-02' }))];
    const model = buildOrg({ people, streams: [], assets: [], phases: [], council: [], handbook: [], teams }, day('2026-11-20'));
    expect(model.interactions.map(({ from, to }) => `${from.id}>${to.id}`)).toEqual(['paas>pod']);
    expect(neighbourhoodChart(model, model.teams.get('pod')!)!.edges.map(({ from, to }) => `${from}>${to}`)).toEqual(['team:paas>team:pod']);
    expect(newHireWelcome(model, 'new', 90)?.systems.map(({ system }) => system)).toEqual(['deploys']);
  });

  it('draws a one-way interaction from the team that gives to the team that receives, whichever charter states it', () => {
    const teams = [
      entry('pod', teamSchema.parse({ name: 'Pod', type: 'stream-aligned', status: 'draft', interactions: [{ team: 'paas', mode: 'x-as-a-service' }, { team: 'coach', mode: 'facilitating' }] })),
      entry('paas', teamSchema.parse({ name: 'PaaS', type: 'platform', status: 'draft', interactions: [{ team: 'data', mode: 'x-as-a-service' }] })),
      entry('data', teamSchema.parse({ name: 'Data', type: 'platform', status: 'draft' })),
      entry('coach', teamSchema.parse({ name: 'Coach', type: 'enabling', status: 'draft' })),
      // A complicated subsystem uses the platform's service, and serves the pod.
      entry('ml', teamSchema.parse({ name: 'ML', type: 'complicated-subsystem', status: 'draft', interactions: [{ team: 'paas', mode: 'x-as-a-service' }, { team: 'pod', mode: 'x-as-a-service' }] })),
    ];
    const model = buildOrg({ people: [], streams: [], assets: [], phases: [], council: [], handbook: [], teams }, day('2026-11-20'));
    // Two platforms: the types do not tell, so the arrow goes as the charter states it.
    expect(model.interactions.map(({ from, to, mode }) => `${from.id} ${mode} ${to.id}`).sort()).toEqual([
      'coach facilitating pod',
      'ml x-as-a-service pod',
      'paas x-as-a-service data',
      'paas x-as-a-service ml',
      'paas x-as-a-service pod',
    ]);
    expect(neighbourhoodChart(model, model.teams.get('pod')!)!.edges.map(({ from, to }) => `${from}>${to}`)).toEqual(['team:paas>team:pod', 'team:coach>team:pod', 'team:ml>team:pod']);
  });

  it('tells whether a mix fits a phase range, bounds included', () => {
    const range = { product: [60, 75] as [number, number], technical: [25, 40] as [number, number] };
    expect(fitsRange({ product: 60, technical: 40 }, range)).toBe(true);
    expect(fitsRange({ product: 85, technical: 15 }, range)).toBe(false);
  });

  it('counts days since a charter was reviewed, as of the build day', () => {
    const model = org();
    const reviewed = entry('r', teamSchema.parse({ name: 'R', type: 'platform', status: 'draft', reviewed: '2026-10-21' }));
    expect(model.daysSinceReview(reviewed)).toBe(30);
    expect(model.daysSinceReview(model.teams.get('pod')!)).toBeUndefined();
  });

  it('tells individual contributors from others', () => {
    const model = org();
    expect(model.isIndividualContributor('dev')).toBe(true);
    expect(model.isIndividualContributor('lead')).toBe(false);
    expect(model.isIndividualContributor('nobody')).toBe(false);
  });

  it('follows supersedes chains and records what superseded each decision', () => {
    const model = org();
    expect(model.supersedesChain('c').map((d) => d.id)).toEqual(['b', 'a']);
    expect(model.decision('a')?.supersededBy).toEqual(['b']);
    expect(model.decision('a')?.meeting).toBe('2026-10-07');
    expect(model.decisions.map((d) => d.id)).toEqual(['a', 'b', 'c']);
  });

  it('leaves a decision standing when only a proposal or a rejected decision names it in supersedes', () => {
    const model = withDecisions('2026-10-21', [
      { id: 'stays', title: 'Stays', kind: 'tooling', status: 'accepted' },
      { id: 'maybe', title: 'Maybe', kind: 'tooling', status: 'proposed', supersedes: 'stays' },
      { id: 'no', title: 'No', kind: 'tooling', status: 'rejected', supersedes: 'stays' },
    ]);
    expect(model.decision('stays')?.supersededBy).toEqual([]);
  });

  it('stops a supersedes chain at a cycle', () => {
    const model = withDecisions('2026-10-07', [
      { id: 'x', title: 'X', kind: 'other', status: 'accepted', supersedes: 'y' },
      { id: 'y', title: 'Y', kind: 'other', status: 'accepted', supersedes: 'x' },
    ]);
    expect(model.supersedesChain('x').map((d) => d.id)).toEqual(['y']);
  });

  it("keeps the latest minute's version of each technical roadmap item", () => {
    const model = org();
    const split = model.technicalRoadmap.find((item) => item.id === 'split');
    expect(split).toMatchObject({ item: 'Split v2', updatedIn: '2026-10-21', firstIn: '2026-10-07', teams: ['pod', 'platform'] });
    expect(model.technicalRoadmap.map((item) => item.id)).toEqual(['debt', 'split']);
    expect(model.technicalRoadmapOf('platform').map((item) => item.id)).toEqual(['debt', 'split']);
  });

  it('marks open actions past their due date as overdue, overdue first', () => {
    const model = org();
    expect(model.openActions().map((a) => `${a.what}:${a.overdue}`)).toEqual(['Late:true', 'Future:false']);
    expect(model.actionsOf('2026-10-21')).toHaveLength(3);
  });

  it("shows an action on its meeting's page as written, but not overdue once later minutes mark it done", () => {
    const model = org({
      council: [
        entry('2026-10-21', councilSchema.parse({ date: '2026-10-21', actions: [{ what: 'Late', owner: 'dev', done: true }] })),
        entry('2026-10-07', councilSchema.parse({ date: '2026-10-07', actions: [{ what: 'Late', owner: 'dev', due: '2026-10-14' }] })),
      ],
    });
    expect(model.actionsOf('2026-10-07')).toMatchObject([{ what: 'Late', due: day('2026-10-14'), overdue: false }]);
    expect(model.openActions()).toEqual([]);
  });

  it('orders phases and meetings and finds the current phase and neighbours', () => {
    const model = org();
    expect(model.phases.map((p) => p.id)).toEqual(['hyper-growth', 'optimizing']);
    expect(model.currentPhase()?.id).toBe('hyper-growth');
    expect(model.meetings.map((m) => m.id)).toEqual(['2026-10-21', '2026-10-07']);
    expect(model.neighboursOf('2026-10-07').next?.id).toBe('2026-10-21');
    expect(model.neighboursOf('2026-10-07').previous).toBeUndefined();
  });

  it('resolves references to labels and links, and leaves unknown ids unlinked', () => {
    const model = org();
    expect(model.ref('team', 'pod')).toEqual({ id: 'pod', label: 'Pod', href: '/teams/pod/' });
    // A decision is linked at its place on the page of the meeting that made it.
    expect(model.ref('decision', 'c')).toEqual({ id: 'c', label: 'C', href: '/council/2026-10-21/#c' });
    expect(model.ref('decision', 'a').href).toBe('/council/2026-10-07/#a');
    expect(model.ref('person', 'ghost')).toEqual({ id: 'ghost', label: 'ghost', href: undefined });
    expect(model.ref('council', '2026-10-07')).toEqual({ id: '2026-10-07', label: '7 Oct 2026', href: '/council/2026-10-07/' });
  });
});
