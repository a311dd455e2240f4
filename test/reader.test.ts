import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readerMessages } from '../src/lib/messages.ts';
import { newHireWelcome } from '../src/lib/onboarding/new-hire.ts';
import { newHirePath, pathPosition, progressKey } from '../src/lib/onboarding/path.ts';
import { buildOrg } from '../src/lib/org/build.ts';
import { readOrg } from '../src/lib/org/read.ts';
import { scriptJson } from '../src/lib/content/html.ts';
import { assetQuizData, quizRoster, randomQuizData } from '../src/lib/quiz/data.ts';
import { drawQuiz, newSeed, parseCount, quizSeed, quizSummary, seededRandom, shuffledChoices, type QuizData } from '../src/lib/quiz/draw.ts';
import { facetFilters, searchFilterOptions } from '../src/lib/search/facets.ts';
import { pagefindFilters, parseSearchState, sameFilterValue, searchStateQuery } from '../src/lib/search/state.ts';
import { projectRoot } from './helpers/site.ts';

// What readers do on the site, as plain logic: the quiz draw, the search page's URL, the
// new-hire path. The browser tests (browser.test.ts) drive the same code in Chromium.
const sample = readOrg(path.join(projectRoot, 'content'), new Date('2026-11-20T00:00:00Z'));
const empty = buildOrg({ people: [], teams: [], streams: [], assets: [], phases: [], council: [], handbook: [] }, new Date('2026-11-20T00:00:00Z'));

describe('the quiz draw', () => {
  const data: QuizData = {
    mode: 'random',
    people: ['ann', 'bo', 'cy', 'di'].map((id) => ({ id, name: id, href: `/people/${id}/` })),
    questions: Array.from({ length: 12 }, (_, i) => ({
      asset: `a${i % 3}`,
      assetTitle: `Asset ${i % 3}`,
      href: `/assets/a${i % 3}/`,
      q: `Q${i}`,
      answer: `A${i}`,
      ...(i % 4 === 0 ? { choices: [`A${i}`, 'x', 'y', 'z'] } : {}),
    })),
    count: 5,
  };

  it('gives the same person, questions and choice order for the same seed, and another draw for another seed', () => {
    const first = drawQuiz(data, 'k3x9q2');
    expect(drawQuiz(data, 'k3x9q2')).toEqual(first);
    expect(first.questions).toHaveLength(5);
    expect(new Set(first.questions.map((question) => question.q)).size).toBe(5);
    const draws = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((seed) => JSON.stringify(drawQuiz(data, seed))));
    expect(draws.size).toBeGreaterThan(4);
  });

  it('draws the same for a seed read aloud and typed in another case or with spaces around it, and a lowercase seed as it always did', () => {
    const draw = drawQuiz(data, 'k3x9q2');
    // What this seed drew before seeds were read in any case: links shared then still draw it.
    expect([draw.person!.id, ...draw.questions.map((question) => question.q)]).toEqual(['bo', 'Q6', 'Q4', 'Q11', 'Q8', 'Q7']);
    expect(draw.questions[1]!.choices).toEqual(['A4', 'y', 'x', 'z']);
    for (const typed of ['K3X9Q2', 'K3x9Q2', ' k3x9q2 ', '\tK3X9Q2\n']) expect(drawQuiz(data, typed), JSON.stringify(typed)).toEqual(draw);
    expect(quizSeed(' Alpha ')).toBe('alpha');
    expect(quizSeed(null)).toBe('');
  });

  it('keeps every choice of a multiple-choice question, the answer among them', () => {
    for (const seed of ['1', '2', '3']) {
      for (const question of drawQuiz(data, seed, 12).questions.filter((question) => question.choices)) {
        expect([...question.choices!].sort()).toEqual([question.answer, 'x', 'y', 'z'].sort());
      }
    }
  });

  it("shows a page's choices in an order of their own, the same each build, so the answer written first is not read out first", () => {
    const questions = Array.from({ length: 40 }, (_, i) => ({ q: `Question ${i}?`, choices: [`Answer ${i}`, 'b', 'c', 'd'] }));
    const orders = questions.map((question) => shuffledChoices(question));
    expect(questions.map((question) => shuffledChoices(question))).toEqual(orders);
    for (const [index, order] of orders.entries()) expect([...order].sort()).toEqual([...questions[index]!.choices].sort());
    // Written first every time; shown first about a quarter of the time.
    const first = orders.filter((order, index) => order[0] === questions[index]!.choices[0]).length;
    expect(first).toBeGreaterThan(3);
    expect(first).toBeLessThan(20);
  });

  it('draws people and questions evenly enough that no one is never picked', () => {
    const picked = new Map<string, number>();
    for (let i = 0; i < 400; i++) {
      const person = drawQuiz(data, `seed-${i}`).person!.id;
      picked.set(person, (picked.get(person) ?? 0) + 1);
    }
    for (const person of data.people) expect(picked.get(person.id) ?? 0, person.id).toBeGreaterThan(60);
  });

  it('asks every question in the written order on one asset’s quiz (count 0)', () => {
    expect(drawQuiz({ ...data, mode: 'asset', people: [] }, 'x', 0).questions.map((question) => question.q)).toEqual(data.questions.map((question) => question.q));
  });

  it('makes URL-friendly seeds and stable numbers', () => {
    expect(newSeed()).toMatch(/^[a-z0-9]{6}$/);
    const a = seededRandom('abc');
    const b = seededRandom('abc');
    const values = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(values);
    for (const value of values) expect(value >= 0 && value < 1).toBe(true);
  });

  it('reads ?n= only when it is a whole number of questions', () => {
    expect(parseCount('3')).toBe(3);
    expect(parseCount('50')).toBe(50);
    for (const bad of ['zero', '0', '-3', '2.5', '', 'NaN', '99999', null]) expect(parseCount(bad), String(bad)).toBeUndefined();
  });

  it('scores the outcomes and lists the assets to read, most missed first', () => {
    const questions = data.questions.slice(0, 5);
    const summary = quizSummary(questions, ['wrong', 'did-not-know', 'partly', 'knew', 'correct']);
    expect(summary.choice).toEqual({ correct: 1, total: 2 });
    expect(summary.open).toEqual({ knew: 1, partly: 1, didNotKnow: 1 });
    // Q0 (a0, wrong), Q1 (a1, did not know), Q2 (a2, partly): one miss each, by title.
    expect(summary.assetsToRead.map((asset) => [asset.asset, asset.missed])).toEqual([
      ['a0', 1],
      ['a1', 1],
      ['a2', 1],
    ]);
    expect(quizSummary(questions, ['knew', 'knew', 'correct', 'knew', 'knew']).assetsToRead).toEqual([]);
  });

  it('ships the sample organisation’s individual contributors and every question', () => {
    const roster = quizRoster(sample);
    expect(roster.length).toBeGreaterThan(20);
    expect(roster.every((person) => sample.isIndividualContributor(person.id))).toBe(true);
    expect(roster.find((person) => person.id === 'maya-patel')?.team).toBe('Invoicing');
    const all = randomQuizData(sample, 5);
    expect(all.questions).toHaveLength([...sample.assets.values()].reduce((sum, asset) => sum + asset.data.questions.length, 0));
    // One asset's quiz draws from the same roster: a leader can test one asset on a random IC.
    const one = assetQuizData(sample, sample.assets.get('customer-retention-model')!);
    expect(one.people).toEqual(roster);
    expect([all.mode, one.mode]).toEqual(['random', 'asset']);
    expect(one.questions.every((question) => question.href === '/assets/customer-retention-model/')).toBe(true);
  });

  it('embeds its data so content cannot close the script element', () => {
    const json = scriptJson({ q: '</script><script>alert(1)</script>\u2028' });
    expect(json).not.toContain('</script');
    expect(JSON.parse(json)).toEqual({ q: '</script><script>alert(1)</script>\u2028' });
  });
});

describe('the search page URL and filters', () => {
  it('reads and writes the query and filters, in a stable order', () => {
    const state = parseSearchState('?q=+ledger+&type=Platform&section=Team&section=Person&section=Team&unknown=1');
    expect(state).toEqual({ query: 'ledger', filters: { section: ['Team', 'Person'], type: ['Platform'] } });
    expect(searchStateQuery(state)).toBe('?q=ledger&section=Person&section=Team&type=Platform');
    expect(searchStateQuery({ query: '', filters: {} })).toBe('');
  });

  it('takes a filter value in any case, or spelt as the content spells it', () => {
    expect(sameFilterValue('platform', 'Platform')).toBe(true);
    expect(sameFilterValue('stream-aligned', 'Stream-aligned')).toBe(true);
    expect(sameFilterValue('complicated-subsystem', 'Complicated subsystem')).toBe(true);
    expect(sameFilterValue('ECONOMIC_MODEL', 'Economic model')).toBe(true);
    expect(sameFilterValue('platforms', 'Platform')).toBe(false);
    expect(sameFilterValue('', 'Team')).toBe(false);
  });

  it('widens within a filter and narrows across filters', () => {
    expect(pagefindFilters({ query: 'x', filters: { section: ['Team', 'Person'], stream: ['Get paid'], type: [] } })).toEqual({
      section: { any: ['Team', 'Person'] },
      stream: { any: ['Get paid'] },
    });
  });

  it('labels pages the way the filters offer them', () => {
    expect(facetFilters({ section: 'team', teamType: 'complicated-subsystem', stream: 'Get paid' })).toEqual({
      section: 'Team',
      type: 'Complicated subsystem',
      stream: 'Get paid',
    });
    expect(facetFilters({ section: 'asset', category: 'economic-model' })).toEqual({ section: 'Asset', category: 'Economic model' });
    const options = Object.fromEntries(searchFilterOptions(sample).map((filter) => [filter.name, filter.values]));
    expect(options['section']).toEqual(['Team', 'Person', 'Stream', 'Asset', 'Phase', 'Council', 'Handbook']);
    expect(options['stream']).toEqual(['Get paid', 'Manage cash', 'Partner network']);
    expect(options['type']).toContain('Platform');
    // An organisation without teams or assets is not offered those filters.
    expect(searchFilterOptions(empty).map((filter) => filter.name)).toEqual(['section']);
  });

  it('counts results in grammatical English, with or without a query', () => {
    expect(readerMessages.searchCount(1, 'ledger')).toBe('1 result for “ledger”');
    expect(readerMessages.searchCount(2, 'ledger')).toBe('2 results for “ledger”');
    expect(readerMessages.searchCount(1, '')).toBe('1 page matches the filters');
    expect(readerMessages.searchCount(3, '')).toBe('3 pages match the filters');
    expect(readerMessages.searchAll(1)).not.toMatch(/All 1 results/);
  });
});

describe('the new-hire path', () => {
  it('runs from Start here to the quiz through the current phase', () => {
    expect(newHirePath(sample).map((step) => [step.id, step.href])).toEqual([
      ['start-here', '/start-here/'],
      ['value', '/assets/'],
      ['phase', '/phases/hyper-growth/'],
      ['org', '/org/'],
      ['team', '/teams/'],
      ['council', '/council/'],
      ['roadmap', '/roadmap/'],
      // The self-test form of the quiz: a new hire has no one to ask.
      ['quiz', '/quiz/?self=1'],
    ]);
  });

  it('leaves out steps whose page the organisation does not have', () => {
    expect(newHirePath(empty).map((step) => step.id)).toEqual(['value', 'org', 'team', 'council', 'roadmap', 'quiz']);
  });

  it('knows where a page sits on the path', () => {
    const path = newHirePath(sample);
    expect(pathPosition(path, '/org/')).toMatchObject({ number: 4, total: 8, start: { id: 'start-here' }, previous: { id: 'phase' }, next: { id: 'team' } });
    // Without a Start here page the path starts, and its links lead back, at the value model.
    expect(pathPosition(newHirePath(empty), '/org/')?.start.href).toBe('/assets/');
    expect(pathPosition(path, '/quiz/')).toMatchObject({ number: 8, next: undefined });
    expect(pathPosition(path, '/teams/ledger/')).toBeUndefined();
    expect(progressKey('/handbook/')).not.toBe(progressKey('/'));
  });

  it('welcomes a recent joiner with their team, teammates, systems and a checklist', () => {
    const welcome = newHireWelcome(sample, 'maya-patel', 90)!;
    expect(welcome.daysIn).toBe(18);
    expect(welcome.firstTeam.id).toBe('invoicing');
    expect(welcome.teammates.map((teammate) => teammate.person.id)).not.toContain('maya-patel');
    expect(welcome.teammates.filter((teammate) => teammate.as !== 'member').map((teammate) => teammate.as)).toEqual(['product manager', 'tech lead']);
    expect(welcome.systems.filter((system) => system.how === 'owned').map((system) => system.system)).toEqual(sample.teams.get('invoicing')!.data.owns);
    expect(welcome.systems.some((system) => system.how === 'platform' && system.team.data.type === 'platform')).toBe(true);
    expect(welcome.checklist.map((item) => item.id)).toEqual(['path', 'manager', 'tech-lead', 'product-manager', 'charter', 'access', 'assets', 'quiz']);
    // Reading every step of the path ticks its item; nothing else ticks itself.
    expect(welcome.checklist.filter((item) => item.doneWith).map((item) => [item.id, item.doneWith])).toEqual([['path', newHirePath(sample).map((step) => step.id)]]);
    expect(welcome.pathStart).toBe('/start-here/');
  });

  it('welcomes no one who joined long ago, has no date, or joins in the future', () => {
    expect(newHireWelcome(sample, 'maya-patel', 10)).toBeUndefined();
    expect(newHireWelcome(sample, 'daniel-reyes', 90)).toBeUndefined();
    expect(newHireWelcome(sample, 'nobody', 90)).toBeUndefined();
  });
});
