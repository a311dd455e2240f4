/**
 * Writes a synthetic organisation to the content model: valid, seeded (the same options
 * give the same files), and shaped like a real one (pods of a product manager, a tech
 * lead and engineers; streams; biweekly minutes). Used by tests and benchmarks.
 */
import { mulberry32 } from '../random.ts';

export interface GenerateOptions {
  teams: number;
  /** Engineers per pod besides the tech lead. */
  engineersPerTeam?: number;
  minutes?: number;
  assets?: number;
  seed?: number;
}

/** Relative path → file text. */
export type ContentFiles = Map<string, string>;

const random = mulberry32;

const first = ['Alex', 'Sam', 'Robin', 'Jo', 'Kim', 'Noa', 'Ravi', 'Mina', 'Tomas', 'Ines', 'Kofi', 'Lena', 'Yusuf', 'Aiko', 'Pavel', 'Zara'];
const last = ['Berg', 'Okoro', 'Silva', 'Novak', 'Haddad', 'Tanaka', 'Moreau', 'Kowal', 'Adeyemi', 'Larsen', 'Costa', 'Iyer', 'Brandt', 'Quinn'];
const nouns = ['ledger', 'invoices', 'payouts', 'search', 'onboarding', 'billing', 'identity', 'reports', 'catalog', 'checkout', 'alerts', 'exports'];
const kinds = {
  'customer-value': ['persona', 'user-journey', 'business-model-canvas', 'product-overview'],
  'economic-model': ['flywheel', 'retention-model', 'value-stream-map'],
  strategy: ['impact-map', 'challenge-tree', 'opportunity-solution-tree'],
} as const;

const yaml = (value: unknown) => JSON.stringify(value);
const pad = (n: number) => String(n).padStart(4, '0');
const day = (date: Date) => date.toISOString().slice(0, 10);

function frontmatter(fields: Record<string, unknown>, body: string): string {
  const lines = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${yaml(value)}`);
  return `---\n${lines.join('\n')}\n---\n${body}\n`;
}

export function generateOrganisation(options: GenerateOptions): ContentFiles {
  const { teams, engineersPerTeam = 4, minutes = 6, assets = 12, seed = 1 } = options;
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const files: ContentFiles = new Map();
  const personName = (n: number) => `${first[n % first.length]} ${last[Math.floor(n / first.length) % last.length]} ${n}`;
  const addPerson = (id: string, n: number, role: string, reportsTo?: string, joined = '2024-03-01') => {
    files.set(`people/${id}.yaml`, [`name: ${yaml(personName(n))}`, `role: ${role}`, reportsTo ? `reportsTo: ${reportsTo}` : '', `github: ${id.replace(/-/g, '')}`, `joined: ${joined}`].filter(Boolean).join('\n') + '\n');
  };

  const streamCount = Math.max(1, Math.ceil(teams / 6));
  addPerson('ceo', 0, 'ceo');
  addPerson('cto', 1, 'cto', 'ceo');
  addPerson('cpo', 2, 'cpo', 'ceo');
  const managers = Math.max(1, Math.ceil(teams / 6));
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
      '## How we work\nWe meet weekly and publish our notes.',
    ),
  );
  for (let s = 0; s < streamCount; s++) {
    files.set(
      `streams/stream-${pad(s)}.md`,
      frontmatter(
        {
          name: `Stream ${s + 1}: ${pick(nouns)}`,
          customer: 'Small businesses',
          summary: 'Helps customers get paid and keep track of cash.',
          roadmap: [
            { item: `Faster ${pick(nouns)}`, quarter: '2026-Q4', status: 'in-progress' },
            { item: `New ${pick(nouns)} flow`, quarter: '2027-Q1', status: 'planned' },
          ],
        },
        '## How this stream creates value\nBy removing manual work from our customers’ week.',
      ),
    );
  }

  let personNumber = 100;
  const types = ['stream-aligned', 'stream-aligned', 'stream-aligned', 'platform', 'enabling', 'complicated-subsystem'] as const;
  for (let t = 0; t < teams; t++) {
    const id = `team-${pad(t)}`;
    const type = types[t % types.length]!;
    const manager = `manager-${pad(Math.floor(t / 6))}`;
    const pm = `${id}-pm`;
    const lead = `${id}-lead`;
    addPerson(pm, personNumber++, 'product-manager', 'cpo');
    addPerson(lead, personNumber++, 'tech-lead', manager);
    const members: string[] = [];
    for (let e = 0; e < engineersPerTeam; e++) {
      const member = `${id}-eng-${e}`;
      addPerson(member, personNumber++, e === engineersPerTeam - 1 && t % 3 === 0 ? 'designer' : 'engineer', manager);
      members.push(member);
    }
    const product = 60 + Math.floor(rand() * 16);
    // Every fourth charter is MDX with content components, as real handbooks mix both.
    const mdx = t % 4 === 0;
    files.set(
      `teams/${id}.${mdx ? 'mdx' : 'md'}`,
      frontmatter(
        {
          name: `Team ${t + 1} ${pick(nouns)}`,
          type,
          stream: type === 'stream-aligned' ? `stream-${pad(t % streamCount)}` : undefined,
          mission: `Make ${pick(nouns)} effortless for our customers.`,
          productManager: pm,
          techLead: lead,
          members,
          metrics: [
            { name: 'Customer outcome', kind: 'value', target: '90%', current: `${70 + Math.floor(rand() * 25)}%` },
            { name: 'Deploys per week', kind: 'activity', target: 10 },
          ],
          responsibilities: [{ what: 'Roadmap', owner: pm }, { what: 'Architecture', owner: lead }],
          skills: ['TypeScript', 'Postgres'],
          norms: ['Demo every other Thursday', 'Reviews within four working hours'],
          owns: [`${id}-service`],
          interactions: t > 0 ? [{ team: `team-${pad(t - 1)}`, mode: pick(['collaboration', 'x-as-a-service', 'facilitating'] as const) }] : [],
          investment: { product, technical: 100 - product },
          reviewed: '2026-09-15',
        },
        mdx
          ? `import { Callout, Ref } from '@handbook/components';\n\n## How we work\nWe plan on Mondays and ship small changes every day. Ask <Ref kind="person" id="${lead}" /> about our systems.\n\n<Callout type="tip" title="On call">\nSee the [runbook](https://runbooks.example.com/${id}) before you page anyone.\n</Callout>`
          : `## How we work\nWe plan on Mondays and ship small changes every day. Our [runbook](https://runbooks.example.com/${id}) has the details.`,
      ),
    );
  }

  const categories = Object.keys(kinds) as (keyof typeof kinds)[];
  for (let a = 0; a < assets; a++) {
    const category = categories[a % categories.length]!;
    files.set(
      `assets/asset-${pad(a)}.md`,
      frontmatter(
        {
          title: `Asset ${a + 1}`,
          category,
          kind: pick(kinds[category]),
          owner: 'leadership',
          updated: '2026-08-01',
          questions: [
            { q: 'Who is the customer?', answer: 'Small businesses' },
            { q: 'What do they need most?', answer: 'To get paid on time', choices: ['To get paid on time', 'More reports'] },
            { q: 'How do we know it works?', answer: 'Days to paid goes down' },
          ],
        },
        '## The asset\nA short description of the asset.',
      ),
    );
  }

  const phaseNames = ['experimenting', 'getting-traction', 'hyper-growth', 'optimizing'];
  phaseNames.forEach((phase, index) => {
    files.set(
      `phases/${phase}.md`,
      frontmatter(
        {
          name: phase.replace('-', ' ').replace(/^./, (c) => c.toUpperCase()),
          order: index + 1,
          current: phase === 'hyper-growth',
          summary: `What ${phase} means for us.`,
          investment: { product: [55, 80], technical: [20, 45] },
        },
        '## What changes in this phase\nMore teams, more coordination.',
      ),
    );
  });

  const leads = Array.from({ length: Math.min(teams, 12) }, (_, t) => `team-${pad(t)}-lead`);
  const firstMeeting = Date.UTC(2026, 10, 18) - (minutes - 1) * 14 * 86_400_000;
  for (let m = 0; m < minutes; m++) {
    const date = day(new Date(firstMeeting + m * 14 * 86_400_000));
    files.set(
      `council/${date}.md`,
      frontmatter(
        {
          date,
          attendees: leads,
          podUpdates: leads.slice(0, 3).map((lead) => ({ team: lead.replace(/-lead$/, ''), planned: `Split the ${pick(nouns)} module` })),
          unplanned: [`Upgrade the ${pick(nouns)} database`],
          decisions: [{ id: `dec-${pad(m)}`, title: `Adopt a shared ${pick(nouns)} library`, kind: 'architecture', status: 'accepted' }],
          roadmap: [{ id: `item-${pad(m % 20)}`, item: `Rework ${pick(nouns)}`, teams: [leads[0]!.replace(/-lead$/, '')], start: date, end: day(new Date(Date.parse(date) + 120 * 86_400_000)), kind: 'architecture' }],
          actions: [{ what: 'Write up the proposal', owner: leads[0], due: day(new Date(Date.parse(date) + 7 * 86_400_000)), done: m < minutes - 1 }],
        },
        '## Notes\nPods shared their plans.',
      ),
    );
  }

  files.set('handbook/start-here.md', frontmatter({ title: 'Start here', order: 1 }, 'Welcome to the handbook.'));
  return files;
}
