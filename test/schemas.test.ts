import { describe, expect, it } from 'vitest';
import type { ZodType } from 'astro/zod';
import { assetKinds, assetSchema } from '../src/schemas/assets.ts';
import { councilSchema } from '../src/schemas/council.ts';
import { handbookSchema } from '../src/schemas/handbook.ts';
import { personSchema } from '../src/schemas/people.ts';
import { phaseSchema } from '../src/schemas/phases.ts';
import { streamSchema } from '../src/schemas/streams.ts';
import { teamSchema } from '../src/schemas/teams.ts';
import { configSchema } from '../src/schemas/config.ts';
import { messages } from '../src/lib/messages.ts';

/** The problems a schema reports, as `path: message` lines an author would read. */
function problems(schema: ZodType, data: unknown): string[] {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const day = (text: string) => new Date(`${text}T00:00:00Z`);

describe('people', () => {
  it('accepts a full person and normalises a quoted date', () => {
    const person = personSchema.parse({
      name: 'Ada Lovelace',
      role: 'engineer',
      title: 'Staff Engineer',
      reportsTo: 'grace-hopper',
      github: 'ada',
      joined: '2026-11-02',
    });
    expect(person.joined).toEqual(day('2026-11-02'));
  });

  it('rejects an unknown role, a misspelt key and a malformed id', () => {
    const found = problems(personSchema, { name: 'Ada', role: 'wizard', reportTo: 'x', reportsTo: 'Grace Hopper' });
    expect(found.some((line) => line.startsWith('role:'))).toBe(true);
    expect(found.some((line) => line.includes('reportTo'))).toBe(true);
    expect(found).toContain(`reportsTo: ${messages.invalidId}`);
  });

  it('refuses a name a reader would see as nothing: spaces, or invisible characters only', () => {
    for (const blank of [' ', '\u200B', ' \u00AD\uFEFF ']) expect(problems(personSchema, { name: blank, role: 'engineer' })).toEqual([`name: ${messages.blankText}`]);
    expect(problems(teamSchema, { name: '\u2060', type: 'leadership', status: 'draft' })).toEqual([`name: ${messages.blankText}`]);
    expect(problems(handbookSchema, { title: '  ' })).toEqual([`title: ${messages.blankText}`]);
    expect(problems(personSchema, { name: 'Å', role: 'engineer' })).toEqual([]);
    // Empty is one mistake, said once.
    expect(problems(personSchema, { name: '', role: 'engineer' })).toHaveLength(1);
  });

  it('requires a name', () => {
    expect(problems(personSchema, { role: 'engineer' })[0]).toMatch(/^name:/);
  });

  it('takes a GitHub handle with or without the @, and names the handle in an address written instead', () => {
    expect(personSchema.parse({ name: 'Ada', role: 'engineer', github: '@ada-l' }).github).toBe('ada-l');
    expect(problems(personSchema, { name: 'Ada', role: 'engineer', github: 'https://github.com/kasante' })).toEqual([
      'github: Expected a GitHub handle, not an address: write "kasante".',
    ]);
    expect(problems(personSchema, { name: 'Ada', role: 'engineer', github: 'ada lovelace' })).toEqual([`github: ${messages.githubHandle('ada lovelace')}`]);
  });
});

describe('teams', () => {
  const team = {
    name: 'Shipping',
    type: 'stream-aligned',
    stream: 'deliveries',
    mission: 'Deliver parcels.',
    productManager: 'kj',
    techLead: 'at',
    members: ['ed'],
    metrics: [{ name: 'On time', kind: 'value', target: '98%', current: 95 }],
    responsibilities: [{ what: 'Routing', owner: 'ed' }],
    skills: ['Go'],
    norms: ['Demo on Friday'],
    owns: ['route-planner'],
    interactions: [{ team: 'runway', mode: 'x-as-a-service', until: '2027-01-31' }],
    investment: { product: 70, technical: 30 },
    reviewed: day('2026-10-01'),
  };

  it('accepts a complete charter and defaults status to active', () => {
    const parsed = teamSchema.parse(team);
    expect(parsed.status).toBe('active');
    expect(parsed.interactions[0]?.until).toEqual(day('2027-01-31'));
  });

  it('rejects a misspelt key such as "mision"', () => {
    const { mission, ...rest } = team;
    const found = problems(teamSchema, { ...rest, mision: mission });
    expect(found.some((line) => line.includes('mision'))).toBe(true);
    expect(found).toContain(`mission: ${messages.missingForActive('mission')}`);
  });

  it('requires a stream for a stream-aligned team', () => {
    const { stream: _stream, ...rest } = team;
    expect(problems(teamSchema, rest)).toEqual([`stream: ${messages.streamRequired}`]);
  });

  it('requires a tech lead except for leadership teams', () => {
    const { techLead: _lead, ...rest } = team;
    expect(problems(teamSchema, rest)).toEqual([`techLead: ${messages.techLeadRequired}`]);
    expect(problems(teamSchema, { ...rest, type: 'leadership', stream: undefined })).toEqual([]);
  });

  it('lets a draft charter lack mission, tech lead and metrics', () => {
    expect(problems(teamSchema, { name: 'New team', type: 'platform', status: 'draft' })).toEqual([]);
  });

  it('rejects an unknown interaction mode and metric kind', () => {
    const found = problems(teamSchema, {
      ...team,
      interactions: [{ team: 'runway', mode: 'friendship' }],
      metrics: [{ name: 'x', kind: 'vanity' }],
    });
    expect(found.some((line) => line.startsWith('interactions.0.mode:'))).toBe(true);
    expect(found.some((line) => line.startsWith('metrics.0.kind:'))).toBe(true);
  });

  it('rejects an impossible date', () => {
    expect(problems(teamSchema, { ...team, reviewed: '2026-02-31' })).toEqual([`reviewed: ${messages.invalidDate}`]);
  });

  it('says which day to write for a date written another way, and names both days when it could be either', () => {
    const said = (reviewed: string) => problems(teamSchema, { ...team, reviewed });
    expect(said('2026-10-28 14:30')).toEqual(['reviewed: "2026-10-28 14:30" has a time of day; dates here are days: write 2026-10-28.']);
    expect(said('2026/10/28')).toEqual(['reviewed: "2026/10/28" is not written YYYY-MM-DD: write 2026-10-28.']);
    expect(said('28.10.2026')).toEqual(['reviewed: "28.10.2026" is not written YYYY-MM-DD: write 2026-10-28.']);
    expect(said('2026-1-5')).toEqual(['reviewed: "2026-1-5" is not written YYYY-MM-DD: write 2026-01-05.']);
    expect(said('03/04/2026')).toEqual(['reviewed: "03/04/2026" could be 3 April or 4 March: write the day as YYYY-MM-DD, 2026-04-03 or 2026-03-04.']);
    // Nothing to suggest when no day fits.
    expect(said('2026-13-01 10:00')).toEqual([`reviewed: ${messages.invalidDate}`]);
    expect(said('last spring')).toEqual([`reviewed: ${messages.invalidDate}`]);
  });
});

describe('streams', () => {
  it('accepts roadmap items placed by quarter or by dates', () => {
    const stream = streamSchema.parse({
      name: 'Deliveries',
      roadmap: [
        { item: 'A', quarter: '2027-Q1', status: 'planned' },
        { item: 'B', start: '2026-09-01', end: '2026-12-15' },
      ],
    });
    expect(stream.roadmap).toHaveLength(2);
  });

  it('rejects an item with no time, a bad quarter, an end before its start, or both a quarter and dates', () => {
    const found = problems(streamSchema, {
      name: 'Deliveries',
      roadmap: [
        { item: 'A' },
        { item: 'B', quarter: '2027-Q5' },
        { item: 'C', start: '2026-12-01', end: '2026-11-01' },
        { item: 'D', quarter: '2027-Q1', start: '2027-01-04', end: '2027-02-26' },
      ],
    });
    expect(found).toContain(`roadmap.0: ${messages.roadmapWhen}`);
    expect(found).toContain(`roadmap.1.quarter: ${messages.invalidQuarter}`);
    expect(found).toContain(`roadmap.2.end: ${messages.endBeforeStart}`);
    // Both a quarter and dates: the quarter would never show.
    expect(found).toContain(`roadmap.3.quarter: ${messages.roadmapBoth}`);
  });
});

describe('assets', () => {
  const asset = {
    title: 'Courier persona',
    category: 'customer-value',
    kind: 'persona',
    questions: [{ q: 'How many stops?', answer: 'About 120', choices: ['About 40', 'About 120'] }],
    changes: [{ date: '2026-06-01', summary: 'Added nights', why: 'Night shifts started' }],
  };

  it('accepts an asset with questions and changes', () => {
    expect(assetSchema.parse(asset).questions[0]?.choices).toHaveLength(2);
  });

  it('accepts kind "other" in any category', () => {
    expect(problems(assetSchema, { ...asset, category: 'strategy', kind: 'other' })).toEqual([]);
  });

  it('rejects a kind from another category', () => {
    expect(problems(assetSchema, { ...asset, kind: 'flywheel' })).toEqual([
      `kind: ${messages.kindNotInCategory('flywheel', 'customer-value', assetKinds['customer-value'])}`,
    ]);
    expect(messages.kindNotInCategory('flywheel', 'customer-value', ['persona', 'storyboard'])).toBe(
      '"flywheel" is not a customer-value asset kind. Use one of: persona, storyboard, or "other".',
    );
  });

  it('rejects multiple-choice questions whose choices miss the answer', () => {
    const found = problems(assetSchema, { ...asset, questions: [{ q: 'Q?', answer: 'C', choices: ['A', 'B'] }] });
    expect(found).toEqual([`questions.0.choices: ${messages.choicesMissAnswer(undefined)}`]);
    // One that differs only in case or spacing is named.
    const near = problems(assetSchema, { ...asset, questions: [{ q: 'Q?', answer: '13 Weeks', choices: ['13 weeks', '26 weeks'] }] });
    expect(near).toEqual([`questions.0.choices: ${messages.choicesMissAnswer('13 weeks')}`]);
    expect(messages.choicesMissAnswer('13 weeks')).toMatch(/The choice "13 weeks" differs from it only in case or spacing/);
  });

  it('requires a category', () => {
    const { category: _category, ...rest } = asset;
    expect(problems(assetSchema, rest).some((line) => line.startsWith('category:'))).toBe(true);
  });
});

describe('phases', () => {
  const phase = { name: 'Hyper-growth', order: 3, current: true, investment: { product: [60, 75], technical: [25, 40] } };

  it('accepts a phase with ranges', () => {
    expect(phaseSchema.parse(phase).signals).toEqual([]);
  });

  it('rejects an order outside 1..4 and a reversed range', () => {
    const found = problems(phaseSchema, { ...phase, order: 5, investment: { product: [75, 60], technical: [25, 40] } });
    expect(found.some((line) => line.startsWith('order:'))).toBe(true);
    expect(found).toContain(`investment.product: ${messages.rangeOrder}`);
    // A range written backwards is told that, not also that the ranges cannot add up.
    expect(found.filter((line) => line.startsWith('investment'))).toEqual([`investment.product: ${messages.rangeOrder}`]);
  });

  it('rejects ranges no mix within which adds up to 100, such as a product line copied into technical', () => {
    expect(problems(phaseSchema, { ...phase, investment: { product: [60, 75], technical: [60, 75] } })).toEqual([
      'investment: No mix within these ranges adds up to 100%: product 60–75% leaves technical 25–40%, not 60–75%. Correct one of the two ranges.',
    ]);
    expect(problems(phaseSchema, { ...phase, investment: { product: [10, 20], technical: [10, 20] } })).toHaveLength(1);
    // Touching at one mix is enough: 75 + 25.
    expect(problems(phaseSchema, { ...phase, investment: { product: [60, 75], technical: [25, 25] } })).toEqual([]);
  });
});

describe('council', () => {
  const minutes = {
    date: day('2026-10-07'),
    attendees: ['alan-turing'],
    podUpdates: [{ team: 'shipping', planned: 'Split the planner' }],
    unplanned: ['Upgrade Postgres'],
    decisions: [{ id: 'use-postgis', title: 'Use PostGIS', kind: 'architecture', status: 'accepted', supersedes: 'use-postgres' }],
    roadmap: [{ id: 'split', item: 'Split', teams: ['shipping'], start: '2026-10-15', end: '2027-01-31', kind: 'architecture' }],
    actions: [{ what: 'Draft plan', owner: 'alan-turing', due: '2026-10-20' }],
  };

  it('accepts full minutes and defaults actions to not done', () => {
    const parsed = councilSchema.parse(minutes);
    expect(parsed.actions[0]?.done).toBe(false);
    expect(parsed.podUpdates[0]?.sharedWith).toEqual([]);
  });

  it('rejects unknown decision statuses and roadmap kinds, and a roadmap item with no team', () => {
    const found = problems(councilSchema, {
      ...minutes,
      decisions: [{ id: 'd', title: 'D', kind: 'architecture', status: 'maybe' }],
      roadmap: [{ id: 'r', item: 'R', teams: [], start: '2026-10-15', end: '2027-01-31', kind: 'fun' }],
    });
    expect(found.some((line) => line.startsWith('decisions.0.status:'))).toBe(true);
    expect(found.some((line) => line.startsWith('roadmap.0.kind:'))).toBe(true);
    expect(found.some((line) => line.startsWith('roadmap.0.teams:'))).toBe(true);
  });

  it('requires a date', () => {
    expect(problems(councilSchema, { attendees: [] })[0]).toMatch(/^date:/);
  });
});

describe('handbook', () => {
  it('accepts a title with optional description and order', () => {
    expect(problems(handbookSchema, { title: 'Start here', description: 'First week', order: 1 })).toEqual([]);
  });

  it('rejects a page without a title and unknown keys', () => {
    const found = problems(handbookSchema, { titel: 'Start here' });
    expect(found.some((line) => line.startsWith('title:'))).toBe(true);
    expect(found.some((line) => line.includes('titel'))).toBe(true);
  });
});

describe('configuration', () => {
  it('fills in defaults', () => {
    expect(configSchema.parse({})).toMatchObject({ content: 'content', base: '/' });
  });

  it('rejects a base path without a leading slash', () => {
    expect(problems(configSchema, { base: 'handbook' })[0]).toMatch(/^base:/);
  });
});
