/**
 * Writes a synthetic organisation to the content model: valid under `handbook check`
 * (no errors, no warnings), seeded (the same options give the same files), and shaped
 * like a real one: pods of a tech lead, engineers and, for stream-aligned pods, a product
 * manager; streams with product roadmaps; interactions between teams; biweekly council
 * minutes whose technical roadmap names the pods doing the work; value-model assets with
 * quiz questions; prose bodies with lists, tables, links, callouts and Mermaid diagrams.
 * Used by the tests and by every benchmark.
 */
import { phaseIds } from '../../schemas/phases.ts';
import { mulberry32 } from '../random.ts';

export interface GenerateOptions {
  teams: number;
  /**
   * Everyone on the roster. Leadership, one engineering manager per six pods, a tech lead
   * per pod and a product manager per stream-aligned pod come first; the rest are spread
   * over the pods as engineers, designers and data people. Without it, each pod gets
   * `engineersPerTeam`.
   */
  people?: number | undefined;
  /** Individual contributors per pod besides the tech lead, when `people` is not given. */
  engineersPerTeam?: number | undefined;
  minutes?: number | undefined;
  assets?: number | undefined;
  seed?: number | undefined;
}

/** Relative path → file text. */
export type ContentFiles = Map<string, string>;

const first = ['Alex', 'Sam', 'Robin', 'Jo', 'Kim', 'Noa', 'Ravi', 'Mina', 'Tomas', 'Ines', 'Kofi', 'Lena', 'Yusuf', 'Aiko', 'Pavel', 'Zara'];
const last = ['Berg', 'Okoro', 'Silva', 'Novak', 'Haddad', 'Tanaka', 'Moreau', 'Kowal', 'Adeyemi', 'Larsen', 'Costa', 'Iyer', 'Brandt', 'Quinn'];
const nouns = ['ledger', 'invoices', 'payouts', 'search', 'onboarding', 'billing', 'identity', 'reports', 'catalog', 'checkout', 'alerts', 'exports'];
const kinds = {
  'customer-value': ['persona', 'user-journey', 'business-model-canvas', 'product-overview'],
  'economic-model': ['flywheel', 'retention-model', 'value-stream-map'],
  strategy: ['impact-map', 'challenge-tree', 'opportunity-solution-tree'],
} as const;
const teamTypes = ['stream-aligned', 'platform', 'stream-aligned', 'enabling', 'stream-aligned', 'complicated-subsystem'] as const;
const technicalKinds = ['debt', 'architecture', 'platform', 'tooling'] as const;
const decisionKinds = ['architecture', 'tooling', 'debt-capacity', 'other'] as const;

/** Pods per stream, and per engineering manager. */
/** Every fourth charter is MDX with content components, as real handbooks mix both. */
const charterFile = (t: number): string => `team-${pad(t)}.${t % 4 === 0 ? 'mdx' : 'md'}`;

const podsPerGroup = 6;
/** Tech leads at one council meeting: the council rotates through every pod's lead. */
const councilSize = 12;
/** Distinct technical roadmap items; later minutes restate and update them. */
const roadmapItems = 60;

const yaml = (value: unknown) => JSON.stringify(value);
const pad = (n: number) => String(n).padStart(4, '0');
const day = (date: Date) => date.toISOString().slice(0, 10);
const days = (n: number) => n * 86_400_000;

function frontmatter(fields: Record<string, unknown>, body: string): string {
  const lines = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${yaml(value)}`);
  return `---\n${lines.join('\n')}\n---\n${body}\n`;
}

/** The smallest roster `people` may ask for: leadership, managers, tech leads and the stream-aligned pods' product managers. */
export function minimumPeople(teams: number): number {
  const streamAligned = Array.from({ length: teams }, (_, t) => teamTypes[t % teamTypes.length]).filter((type) => type === 'stream-aligned').length;
  return 3 + Math.max(1, Math.ceil(teams / podsPerGroup)) + teams + streamAligned;
}

export function generateOrganisation(options: GenerateOptions): ContentFiles {
  const { teams, engineersPerTeam = 4, minutes = 6, assets = 12, seed = 1 } = options;
  if (options.people !== undefined && options.people < minimumPeople(teams)) {
    throw new Error(`${teams} teams need at least ${minimumPeople(teams)} people (leadership, managers, a tech lead per pod, a product manager per stream-aligned pod).`);
  }
  const rand = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const between = (low: number, high: number) => low + Math.floor(rand() * (high - low + 1));
  const files: ContentFiles = new Map();
  const personName = (n: number) => `${first[n % first.length]} ${last[Math.floor(n / first.length) % last.length]} ${n}`;
  const addPerson = (id: string, n: number, role: string, reportsTo?: string, joined = '2024-03-01') => {
    const title = role === 'engineer' && n % 5 === 0 ? `title: ${yaml('Senior engineer')}` : '';
    files.set(`people/${id}.yaml`, [`name: ${yaml(personName(n))}`, `role: ${role}`, title, reportsTo ? `reportsTo: ${reportsTo}` : '', `github: ${id.replace(/-/g, '')}`, `joined: ${joined}`].filter(Boolean).join('\n') + '\n');
  };

  const streamCount = Math.max(1, Math.ceil(teams / podsPerGroup));
  const managers = Math.max(1, Math.ceil(teams / podsPerGroup));
  addPerson('ceo', 0, 'ceo');
  addPerson('cto', 1, 'cto', 'ceo');
  addPerson('cpo', 2, 'cpo', 'ceo');
  for (let m = 0; m < managers; m++) addPerson(`manager-${pad(m)}`, 3 + m, 'engineering-manager', 'cto');
  files.set(
    'teams/leadership.md',
    frontmatter(
      {
        name: 'Product and technology leadership',
        type: 'leadership',
        mission: 'Set direction, staff the pods and remove what slows them down.',
        members: ['cto', 'cpo', ...Array.from({ length: managers }, (_, m) => `manager-${pad(m)}`)],
        metrics: [{ name: 'Teams that can state the company goal', kind: 'value', target: '100%' }],
        reviewed: '2026-10-01',
      },
      '## How we work\nWe meet weekly and publish our notes. Every pod can ask for time on the agenda.',
    ),
  );

  for (let s = 0; s < streamCount; s++) {
    const noun = pick(nouns);
    files.set(
      `streams/stream-${pad(s)}.md`,
      frontmatter(
        {
          name: `Stream ${s + 1}: ${noun}`,
          customer: pick(['Small businesses', 'Accountants', 'Finance teams at mid-sized companies', 'Freelancers']),
          summary: `Helps customers get ${noun} right without manual work.`,
          roadmap: [
            { item: `Faster ${pick(nouns)}`, quarter: '2026-Q4', status: 'in-progress' },
            { item: `New ${pick(nouns)} flow`, quarter: '2027-Q1', status: 'planned' },
            { item: `${noun[0]!.toUpperCase()}${noun.slice(1)} for teams`, start: '2027-01-15', end: '2027-06-30', status: s % 5 === 0 ? 'at-risk' : 'planned' },
          ],
        },
        [
          '## How this stream creates value',
          `Customers come to us to take ${noun} off their plate. We measure success by the hours they get back each month.`,
          '',
          '- We talk to five customers every sprint.',
          '- Every pod in the stream owns one step of the customer journey.',
          '- Trade-offs between pods are settled in the stream review, every other Wednesday.',
        ].join('\n'),
      ),
    );
  }

  // Pods first, so their people can be counted before anyone is written.
  const types = Array.from({ length: teams }, (_, t) => teamTypes[t % teamTypes.length]!);
  const icsPerTeam = Array.from({ length: teams }, () => engineersPerTeam);
  if (options.people !== undefined) {
    const spare = options.people - minimumPeople(teams);
    for (let t = 0; t < teams; t++) icsPerTeam[t] = Math.floor(spare / teams) + (t < spare % teams ? 1 : 0);
  }

  let personNumber = 100;
  const leadOf = (t: number) => `team-${pad(t)}-lead`;
  for (let t = 0; t < teams; t++) {
    const id = `team-${pad(t)}`;
    const type = types[t]!;
    const manager = `manager-${pad(Math.floor(t / podsPerGroup))}`;
    const pm = type === 'stream-aligned' ? `${id}-pm` : undefined;
    const lead = leadOf(t);
    if (pm) addPerson(pm, personNumber++, 'product-manager', 'cpo');
    // A few pods each month have a new tech lead or engineer, so new-hire pages are exercised too.
    addPerson(lead, personNumber++, 'tech-lead', manager, t % 40 === 7 ? '2026-10-12' : '2023-05-02');
    const members: string[] = [];
    for (let e = 0; e < icsPerTeam[t]!; e++) {
      const member = `${id}-eng-${e}`;
      const role = e === 1 && t % 3 === 0 ? 'designer' : e === 2 && t % 4 === 0 ? 'data' : 'engineer';
      addPerson(member, personNumber++, role, manager, t % 25 === 3 && e === 0 ? '2026-11-02' : '2024-03-01');
      members.push(member);
    }
    const product = type === 'stream-aligned' ? between(60, 80) : between(30, 55);
    const noun = pick(nouns);
    const systems = Array.from({ length: between(1, 3) }, (_, n) => `${id}-${['service', 'worker', 'db'][n]}`);
    // Interactions point back at earlier pods: stream-aligned pods consume platforms, enabling pods facilitate.
    const interactions: { team: string; mode: string; until?: string }[] = [];
    let neighbour: number | undefined;
    for (let n = 0, wanted = Math.min(t, between(1, 3)); n < wanted; n++) {
      const index = Math.max(0, t - between(1, 12));
      const other = `team-${pad(index)}`;
      neighbour ??= index;
      if (interactions.some((interaction) => interaction.team === other)) continue;
      const mode = type === 'enabling' ? 'facilitating' : pick(['collaboration', 'x-as-a-service', 'x-as-a-service'] as const);
      interactions.push(mode === 'collaboration' ? { team: other, mode, until: '2027-03-31' } : { team: other, mode });
    }
    const mdx = charterFile(t).endsWith('.mdx');
    const diagram = t % 25 === 0;
    const owner = members[0] ?? lead;
    const body = [
      '## How we work',
      `We plan on Mondays and ship small changes every day. Work starts from the stream's roadmap; the ${noun} backlog is ordered by customer impact, and anyone on the team may pick the next item.`,
      '',
      mdx ? `Ask <Ref kind="person" id="${lead}" /> about our systems before changing them.` : `Our [runbook](https://runbooks.example.com/${id}) has the details of every system we own.`,
      '',
      '### Rituals',
      '',
      '| When | What | Who |',
      '| --- | --- | --- |',
      '| Monday 10:00 | Planning | Everyone |',
      '| Daily 09:30 | Stand-up, fifteen minutes | Everyone |',
      '| Thursday, every other week | Demo to the stream | Whole pod, guests welcome |',
      '',
      '### Contact',
      '',
      `- Chat: \`#team-${t + 1}-${noun}\``,
      `- On call: see the [rota](https://oncall.example.com/${id}).`,
      // Links inside the handbook, in both ways authors write them: a page's address and a file's path.
      `- Tech lead: [${lead}](/people/${lead}/)${neighbour === undefined ? '' : `; we work most with [team-${pad(neighbour)}](./${charterFile(neighbour)})`}.`,
      '- Reviews within four working hours; pair on anything risky.',
      mdx ? `\n<Callout type="tip" title="On call">\nSee the [runbook](https://runbooks.example.com/${id}) before you page anyone.\n</Callout>` : '',
      diagram ? ['', '### How a request flows', '', '```mermaid', 'flowchart LR', `  accTitle: How a request reaches ${id}`, '  client[Customer app] --> gateway[API gateway]', `  gateway --> service[${systems[0]}]`, '  service --> queue[(Events)]', '```'].join('\n') : '',
    ].join('\n');
    const fields = {
      name: `Team ${t + 1} ${noun}`,
      type,
      stream: type === 'stream-aligned' ? `stream-${pad(Math.floor(t / podsPerGroup) % streamCount)}` : undefined,
      mission: `Make ${noun} effortless for our customers, so they spend their time on their own business.`,
      productManager: pm,
      techLead: lead,
      members,
      metrics: [
        { name: 'Customer outcome', kind: 'value', target: '90%', current: `${70 + Math.floor(rand() * 25)}%` },
        { name: 'Deploys per week', kind: 'activity', target: 10, current: between(4, 15) },
      ],
      responsibilities: [...(pm ? [{ what: 'Roadmap', owner: pm }] : []), { what: 'Architecture', owner: lead }, { what: 'On-call rota', owner }],
      skills: ['TypeScript', 'Postgres', pick(['Kafka', 'React', 'Go', 'Terraform'])],
      norms: ['Demo every other Thursday', 'Reviews within four working hours', 'Write the decision down before building'],
      owns: systems,
      interactions,
      investment: { product, technical: 100 - product },
      reviewed: '2026-09-15',
    };
    files.set(`teams/${charterFile(t)}`, frontmatter(fields, mdx ? `import { Callout, Ref } from '@handbook/components';\n\n${body}` : body));
  }

  const categories = Object.keys(kinds) as (keyof typeof kinds)[];
  for (let a = 0; a < assets; a++) {
    const category = categories[a % categories.length]!;
    const noun = pick(nouns);
    files.set(
      `assets/asset-${pad(a)}.md`,
      frontmatter(
        {
          title: `Asset ${a + 1}: ${noun}`,
          category,
          kind: pick(kinds[category]),
          stream: a % 3 === 0 ? `stream-${pad(a % streamCount)}` : undefined,
          owner: a % 2 === 0 || teams === 0 ? 'leadership' : `team-${pad(a % teams)}`,
          updated: '2026-08-01',
          changes: [{ date: '2026-08-01', summary: `Added the ${noun} step`, why: 'Customer interviews showed it was missing.' }],
          questions: [
            { q: 'Who is the customer?', answer: 'Small businesses' },
            { q: 'What do they need most?', answer: 'To get paid on time', choices: ['To get paid on time', 'More reports', 'A new logo'] },
            { q: 'How do we know it works?', answer: 'Days to paid goes down' },
            { q: `Which step of ${noun} do customers drop out of most?`, answer: 'The first import' },
          ],
        },
        [
          '## The asset',
          `How ${noun} turns into value for our customers and for us. Read it before planning work that touches ${noun}.`,
          '',
          '```mermaid',
          'flowchart LR',
          `  accTitle: The ${noun} loop`,
          '  more[More customers] --> data[More data]',
          '  data --> better[Better matching]',
          '  better --> more',
          '```',
          '',
          '## What we learned',
          'Customers who finish the first import in a day stay twice as long.',
        ].join('\n'),
      ),
    );
  }

  phaseIds.forEach((phase, index) => {
    files.set(
      `phases/${phase}.md`,
      frontmatter(
        {
          name: phase.replace('-', ' ').replace(/^./, (c) => c.toUpperCase()),
          order: index + 1,
          current: phase === 'hyper-growth',
          summary: `What ${phase} means for us.`,
          investment: { product: [55, 80], technical: [20, 45] },
          signals: ['Hiring faster than onboarding', 'Coordination meetings growing'],
        },
        '## What changes in this phase\nMore teams, more coordination, and more of the handbook written down.',
      ),
    );
  });

  const leads = Array.from({ length: teams }, (_, t) => leadOf(t));
  const firstMeeting = Date.UTC(2026, 10, 18) - days((minutes - 1) * 14);
  for (let m = 0; m < minutes && teams > 0; m++) {
    const date = day(new Date(firstMeeting + days(m * 14)));
    const attendees = Array.from({ length: Math.min(councilSize, teams) }, (_, n) => leads[(m * 5 + n) % teams]!);
    const team = (lead: string) => lead.replace(/-lead$/, '');
    const podTeams = attendees.slice(0, 3).map(team);
    const roadmapTeams = [team(attendees[0]!), ...(m % 3 === 0 && attendees[1] ? [team(attendees[1])] : [])];
    const start = day(new Date(Date.parse(date) + days(14)));
    files.set(
      `council/${date}.md`,
      frontmatter(
        {
          date,
          attendees,
          podUpdates: podTeams.map((pod, n) => ({ team: pod, planned: `Split the ${pick(nouns)} module`, ...(n === 0 ? { sharedWith: [podTeams[1] ?? pod].filter((other) => other !== pod) } : {}) })),
          unplanned: [`Upgrade the ${pick(nouns)} database`],
          decisions: [{ id: `dec-${pad(m)}`, title: `Adopt a shared ${pick(nouns)} library`, kind: pick(decisionKinds), status: 'accepted', rationale: 'Three pods wrote the same code this quarter.' }],
          roadmap: [{ id: `item-${pad(m % roadmapItems)}`, item: `Rework ${pick(nouns)}`, teams: roadmapTeams, start, end: day(new Date(Date.parse(start) + days(between(60, 200)))), kind: pick(technicalKinds) }],
          actions: [{ what: `Write up the ${pick(nouns)} proposal`, owner: attendees[0], due: day(new Date(Date.parse(date) + days(7))), done: m < minutes - 1 }],
        },
        [
          '## Notes',
          `Pods shared their plans. ${pick(['The database upgrade needs a maintenance window.', 'Two pods plan to change the same API; they will pair on it.', 'The platform pods asked for migration dates by the next meeting.'])}`,
          '',
          '- Decision recorded above, with its rationale.',
          '- Next meeting in two weeks.',
        ].join('\n'),
      ),
    );
  }

  files.set('handbook/start-here.md', frontmatter({ title: 'Start here', order: 1 }, 'Welcome to the handbook. Read the pages in the path below, in order.'));
  return files;
}
