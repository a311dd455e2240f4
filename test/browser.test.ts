import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuizData } from '../src/lib/quiz/draw.ts';
import { readerMessages } from '../src/lib/messages.ts';
import { launchBrowser, serve } from './helpers/browser.ts';
import { buildSite, projectRoot, type BuiltSite } from './helpers/site.ts';

// The sample organisation, built as `npm run build` builds it, read in the system Chromium:
// what a reader does on the site (search, the new-hire path, the quiz) works in a real browser.
let site: BuiltSite;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

beforeAll(async () => {
  site = await buildSite(path.join(projectRoot, 'content'));
  server = await serve(site.outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page (its own storage) that records every request it makes. */
async function open(url: string): Promise<{ page: Page; requests: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(`${server.url}${url}`);
  return { page, requests };
}

/** Result titles on the search page, once its status reports a search. */
async function searchPageResults(page: Page): Promise<string[]> {
  await page.waitForFunction(() => /result|Nothing|the filters/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
  return page.locator('.search-output .search-results > li > a').allTextContents();
}

describe('search', () => {
  it('finds a charter by its team name from the header box, fetching Pagefind only once the reader types', async () => {
    const { page, requests } = await open('/teams/ledger/');
    expect(requests.filter((url) => url.includes('/pagefind/'))).toEqual([]);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await page.keyboard.type('Invoicing');
    const first = page.locator('.site-search-panel .search-results > li > a').first();
    await first.waitFor();
    expect(await first.textContent()).toBe('Invoicing');
    expect(await first.getAttribute('href')).toBe('/teams/invoicing/');
    expect(requests.some((url) => url.endsWith('/pagefind/pagefind.js'))).toBe(true);
    await page.context().close();
  });

  it('moves through the header results with the arrow keys, and Escape closes them', async () => {
    const { page } = await open('/people/');
    await page.keyboard.press('/');
    await page.keyboard.type('ledger');
    const panel = page.locator('.site-search-panel');
    await panel.locator('.search-results > li > a').first().waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('.search-results') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    expect(await panel.isHidden()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await panel.isHidden()).toBe(true);
    // Escape in the box closes the results and keeps the words, so Enter still searches them.
    await page.focus('#site-search-q');
    await panel.locator('.search-results > li > a').first().waitFor();
    await page.keyboard.press('Escape');
    expect(await panel.isHidden()).toBe(true);
    expect(await page.inputValue('#site-search-q')).toBe('ledger');
    await page.context().close();
  });

  it('narrows results with a filter, and keeps the search in the URL', async () => {
    const { page } = await open('/search/?q=ledger');
    const all = await searchPageResults(page);
    expect(all.length).toBeGreaterThan(6);
    const before = await page.locator('[data-search-status]').textContent();
    await page.locator('input[name="section"][value="Team"]').check();
    await page.waitForFunction((text) => document.querySelector('[data-search-status]')?.textContent !== text, before);
    expect(new URL(page.url()).search).toBe('?q=ledger&section=Team');
    const teams = await page.locator('.search-output .search-results > li').evaluateAll((items) =>
      items.map((item) => ({ title: item.querySelector('a')?.textContent, section: item.querySelector('.badge')?.textContent })),
    );
    expect(teams.length).toBeGreaterThan(0);
    expect(teams.length).toBeLessThan(all.length);
    expect(new Set(teams.map((team) => team.section))).toEqual(new Set(['Team']));
    expect(teams[0]?.title).toBe('Ledger');
    // The same URL, opened fresh, gives the same filtered search.
    const again = await open(new URL(page.url()).pathname + new URL(page.url()).search);
    expect(await searchPageResults(again.page)).toEqual(teams.map((team) => team.title));
    await page.context().close();
    await again.page.context().close();
  });

  it('lists every page under a filter without a query: all platform teams', async () => {
    const { page } = await open('/search/?type=Platform');
    expect(await searchPageResults(page)).toEqual(['Developer Platform']);
    await page.context().close();
  });

  it('reads a hand-written link that spells a filter as the content does, and writes it back as the page does', async () => {
    const { page } = await open('/search/?type=platform&section=team');
    expect(await searchPageResults(page)).toEqual(['Developer Platform']);
    expect(await page.locator('input[name="type"][value="Platform"]').isChecked()).toBe(true);
    expect(new URL(page.url()).search).toBe('?section=Team&type=Platform');
    await page.context().close();
  });

  it('finds the team that owns a system from the system id', async () => {
    for (const [system, owner] of [
      ['cashflow-forecast', 'Cash Insights'],
      ['ci-pipelines', 'Developer Platform'],
    ]) {
      const { page } = await open(`/search/?q=${system}`);
      expect((await searchPageResults(page))[0], system).toBe(owner);
      await page.context().close();
    }
  });

  it('finds decisions by id, people by name and assets by the questions they answer', async () => {
    const cases: [string, RegExp][] = [
      ['dec-001', /^Tech lead council, /],
      ['Maya Patel', /^Maya Patel$/],
    ];
    const asset = [...new Set(site.urls.filter((url) => url.startsWith('/assets/') && url !== '/assets/'))][0]!;
    const question = site.page(asset).querySelector('.questions .question')!.textContent;
    const title = site.page(asset).querySelector('h1')!.textContent;
    cases.push([question, new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)]);
    for (const [query, expected] of cases) {
      const { page } = await open(`/search/?q=${encodeURIComponent(query)}`);
      expect((await searchPageResults(page))[0], query).toMatch(expected);
      await page.context().close();
    }
  });

  it('says first, without JavaScript, that search needs it, and where every page is listed instead of a form that cannot search', async () => {
    // As a phone with JavaScript off opens the header box's search.
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/search/?q=ledger`);
    // Playwright's text locators skip <noscript>, whose words the browser shows here.
    const notice = page.locator('main .callout p').first();
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toMatch(/^Search needs JavaScript, which is off in this browser\./);
    const box = (await notice.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(740);
    expect(await page.locator('form[role="search"]').isVisible()).toBe(false);
    const lists = page.locator('main ul a');
    expect(await lists.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([
      '/teams/',
      '/people/',
      '/streams/',
      '/assets/',
      '/phases/',
      '/council/',
      '/teams/#systems',
      '/council/decisions/',
      '/#guides',
    ]);
    await lists.first().click();
    await page.waitForURL(/\/teams\/$/);
    await context.close();
    // With JavaScript the notice is not there, and the form is.
    const { page: scripted } = await open('/search/?q=ledger');
    expect(await scripted.locator('main .callout').isVisible()).toBe(false);
    expect(await scripted.locator('form[role="search"]').isVisible()).toBe(true);
    await scripted.context().close();
  });

  it('does not index navigation, footers or lists: only the pages that answer', async () => {
    const { page } = await open('/search/?q=Topology');
    const titles = await searchPageResults(page);
    expect(titles).not.toContain('Topology');
    expect(titles).not.toContain('Teams');
    await page.context().close();
  });
});

describe('the new-hire path', () => {
  it('leads from Start here through every step with a counter and previous/next links, without JavaScript', () => {
    const start = site.page('/start-here/');
    const steps = start.querySelectorAll('.path-steps li a').map((link) => link.getAttribute('href'));
    expect(steps).toEqual(['/start-here/', '/assets/', '/phases/hyper-growth/', '/org/', '/teams/', '/council/', '/roadmap/', '/quiz/?self=1']);
    steps.forEach((url, index) => {
      const page = site.page(url!.split('?')[0]!);
      expect(page.querySelector('.path-step')?.textContent, url).toContain(`Step ${index + 1} of ${steps.length}`);
      expect(page.querySelector('.path-nav .path-next')?.getAttribute('href') ?? null, url).toBe(steps[index + 1] ?? null);
      expect(page.querySelector('.path-nav .path-previous')?.getAttribute('href') ?? null, url).toBe(steps[index - 1] ?? null);
    });
    expect(site.page('/teams/ledger/').querySelector('.path-step')).toBeNull();
  });

  it('remembers the steps read across a reload, and offers to continue', async () => {
    const { page } = await open('/start-here/');
    await page.click('.path-nav .path-next');
    await page.waitForURL(/\/assets\/$/);
    await page.click('.path-nav .path-next');
    await page.waitForURL(/\/phases\//);
    await page.goto(`${server.url}/start-here/`);
    await page.reload();
    const read = await page.locator('.path-steps li.is-done a').allTextContents();
    expect(read).toEqual(['Start here', 'How we create value', 'Where we are']);
    expect(await page.locator('[data-path-progress]').textContent()).toContain('3 of 8 steps read');
    expect(await page.locator('[data-path-progress] a').textContent()).toBe('Continue: Who is who');
    await page.context().close();
  });

  it('shows a recent joiner their first team, teammates, systems and a checklist that survives a reload', async () => {
    const welcome = site.page('/people/maya-patel/').querySelector('.welcome');
    expect(welcome?.querySelector('h3 + p a')?.textContent).toBe('Invoicing');
    expect(welcome?.textContent).toContain('invoice-service');
    expect(welcome?.querySelectorAll('.checklist li').length).toBeGreaterThanOrEqual(5);
    expect(site.page('/people/daniel-reyes/').querySelector('.welcome')).toBeNull();

    const { page } = await open('/people/maya-patel/');
    await page.getByLabel("Read your team's charter: its mission, metrics and norms.").check();
    await page.reload();
    expect(await page.getByLabel("Read your team's charter: its mission, metrics and norms.").isChecked()).toBe(true);
    expect(await page.getByLabel('After two weeks, quiz yourself on the value model.').isChecked()).toBe(false);
    await page.context().close();
  });

  it('ticks "Follow the new-hire path" on a new hire\'s checklist once its last step is read, kept as a tick by hand is', async () => {
    const { page } = await open('/people/maya-patel/');
    const follow = page.getByLabel('Follow the new-hire path.');
    expect(await follow.isChecked()).toBe(false);
    // The self-check is the path's last page, and the checklist's quiz link leads there: opened alone, it is not the path followed.
    await page.goto(`${server.url}/quiz/?self=1`);
    await page.goto(`${server.url}/people/maya-patel/`);
    expect(await follow.isChecked()).toBe(false);
    // Step by step from Start here; the last step finishes the path.
    await page.goto(`${server.url}/start-here/`);
    for (let step = 2; step <= 8; step++) {
      await page.click('.path-nav .path-next');
      await page.locator('.path-step').filter({ hasText: `Step ${step} of 8` }).waitFor();
    }
    expect(new URL(page.url()).pathname).toBe('/quiz/');
    await page.goto(`${server.url}/people/maya-patel/`);
    expect(await follow.isChecked()).toBe(true);
    // Stored as the reader's own ticks are.
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('handbook-progress:/') ?? '{}') as Record<string, unknown>);
    expect(stored['checklist:maya-patel:path']).toBe(true);
    // Unticked by the reader, it stays unticked, though every step is still read.
    await follow.uncheck();
    await page.reload();
    expect(await follow.isChecked()).toBe(false);
    // Ticked again, it stays ticked after the path is started again.
    await follow.check();
    await page.goto(`${server.url}/start-here/`);
    await page.getByRole('button', { name: 'Start again' }).click();
    await page.goto(`${server.url}/people/maya-patel/`);
    expect(await follow.isChecked()).toBe(true);
    await page.context().close();
  });
});

describe('the quiz', () => {
  /** Runs a whole quiz: reveal and mark open questions (the first "did not know", the rest "knew it"); pick a wrong choice in multiple choice. */
  async function takeQuiz(page: Page): Promise<{ person: string; questions: string[]; choice: number; open: number; summary: string; toRead: string[] }> {
    await page.getByRole('button', { name: 'Start' }).waitFor();
    const answers = new Map(
      (await page.evaluate(() => JSON.parse(document.querySelector('[data-quiz-data]')!.textContent!) as QuizData)).questions.map((question) => [question.q, question.answer]),
    );
    const person = (await page.locator('[data-quiz] .quiz-person a').count()) ? ((await page.locator('[data-quiz] .quiz-person a').textContent()) ?? '') : '';
    await page.getByRole('button', { name: 'Start' }).click();
    const questions: string[] = [];
    let opened = false;
    let choice = 0;
    for (;;) {
      const heading = await page.locator('[data-quiz] h2').textContent();
      if (!heading?.startsWith('Question')) break;
      questions.push((await page.locator('[data-quiz] .question').textContent()) ?? '');
      // Each question names the asset it comes from, before the answer is shown.
      expect(await page.locator('[data-quiz] .quiz-about').textContent()).toMatch(/^From \S/);
      if (await page.locator('[data-quiz] .quiz-choices').count()) {
        if (choice === 0) {
          // Checking before choosing says so, instead of doing nothing.
          await page.getByRole('button', { name: 'Check the answer' }).click();
          expect(await page.locator('[data-quiz] .quiz-after').textContent()).toBe(readerMessages.quizChooseFirst);
          await expect.poll(() => page.locator('[role="status"]').last().textContent()).toBe(readerMessages.quizChooseFirst);
        }
        const wrong = (await page.locator('[data-quiz] .quiz-choices input').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).find(
          (choice) => choice !== answers.get(questions.at(-1)!),
        );
        await page.locator('[data-quiz] .quiz-choices input').and(page.locator(`[value="${wrong!.replace(/"/g, '\\"')}"]`)).check();
        await page.getByRole('button', { name: 'Check the answer' }).click();
        choice++;
        await page.locator('[data-quiz] .quiz-answer').waitFor();
        await page.getByRole('button', { name: /Next question|See the summary/ }).click();
      } else {
        await page.getByRole('button', { name: 'Reveal the answer' }).click();
        expect(await page.locator('[data-quiz] .quiz-answer a').getAttribute('href')).toMatch(/^\/assets\/[a-z0-9-]+\/$/);
        const firstOpen = !opened;
        opened = true;
        await page.getByRole('button', { name: firstOpen ? 'Did not know' : 'Knew it' }).click();
      }
    }
    return {
      person,
      questions,
      choice,
      open: questions.length - choice,
      summary: (await page.locator('[data-quiz] .quiz-score').textContent()) ?? '',
      toRead: await page.locator('[data-quiz] .quiz-read a').allTextContents(),
    };
  }

  it('draws a random IC and questions from the seed in the URL, the same for everyone who opens it', async () => {
    const first = await open('/quiz/?seed=abc123');
    const run = await takeQuiz(first.page);
    expect(run.questions).toHaveLength(5);
    expect(new Set(run.questions).size).toBe(5);
    expect(run.person).not.toBe('');
    // Every multiple-choice pick was wrong; the first open question was not known, the rest were.
    if (run.choice > 0) expect(run.summary).toContain(`Multiple choice: 0 of ${run.choice} correct`);
    if (run.open > 0) expect(run.summary).toContain(`Open questions: knew ${run.open - 1}, partly 0, did not know 1`);
    expect(run.toRead.length).toBeGreaterThan(0);

    const second = await open('/quiz/?seed=abc123');
    const again = await takeQuiz(second.page);
    expect(again.person).toBe(run.person);
    expect(again.questions).toEqual(run.questions);

    // Another seed is another draw.
    const other = await open('/quiz/?seed=zzz999');
    const elsewhere = await takeQuiz(other.page);
    expect([elsewhere.person, ...elsewhere.questions]).not.toEqual([run.person, ...run.questions]);
    for (const { page } of [first, second, other]) await page.context().close();
  });

  it('lets a new hire quiz themselves on the same draw, with no one to ask, and switch back', async () => {
    const leader = await open('/quiz/?seed=abc123');
    // A leader's quiz is no step of a new hire's path; the self-check is its last step.
    expect(await leader.page.locator('.path-step').isVisible()).toBe(false);
    expect(await leader.page.locator('.path-nav').isVisible()).toBe(false);
    const asked = await takeQuiz(leader.page);
    await leader.page.context().close();

    const { page } = await open('/quiz/?seed=abc123');
    await page.getByRole('link', { name: 'Quiz yourself instead' }).click();
    await page.waitForURL(/self=1/);
    expect(new URL(page.url()).search).toBe('?seed=abc123&self=1');
    expect(await page.locator('.path-step').textContent()).toContain('Step 8 of 8: Check yourself');
    expect(await page.locator('[data-quiz] .quiz-self').textContent()).toMatch(/^5 questions the value model answers\. Answer each without looking/);
    // The page speaks to the reader checking themselves, not to a leader picking someone.
    expect(await page.locator('.lede:visible').textContent()).toMatch(/^\s*Check yourself: 5 questions the value model answers/);
    const run = await takeQuiz(page);
    expect(run.person).toBe('');
    expect(run.questions).toEqual(asked.questions);
    expect(await page.locator('[data-quiz] h2').textContent()).toBe('How you did');
    // Marks are the reader's own.
    await page.getByRole('button', { name: 'Same draw again' }).click();
    if (await page.getByRole('button', { name: 'Reveal the answer' }).count()) {
      await page.getByRole('button', { name: 'Reveal the answer' }).click();
      expect(await page.getByRole('group', { name: 'How did you do?' }).count()).toBe(1);
    }
    await page.reload();
    expect(await page.getByRole('link', { name: 'Quiz a random colleague instead' }).getAttribute('href')).toBe('/quiz/?seed=abc123');
    await page.context().close();
  });

  it('goes on where it was after a reload, says each answer to screen readers, and starts over on request', async () => {
    const { page } = await open('/quiz/?seed=abc123');
    await page.getByRole('button', { name: 'Start' }).click();
    if (await page.locator('[data-quiz] .quiz-choices').count()) {
      await page.locator('[data-quiz] .quiz-choices input').first().check();
      await page.getByRole('button', { name: 'Check the answer' }).click();
      await expect.poll(() => page.locator('[role="status"]').last().textContent()).toMatch(/^(Correct|Not this one)\. Answer: \S/);
      await page.getByRole('button', { name: 'Next question' }).click();
    } else {
      await page.getByRole('button', { name: 'Reveal the answer' }).click();
      await expect.poll(() => page.locator('[role="status"]').last().textContent()).toMatch(/^Answer: \S/);
      await page.getByRole('button', { name: 'Knew it' }).click();
    }
    await page.reload();
    await page.getByRole('button', { name: 'Go on from question 2' }).click();
    expect(await page.locator('[data-quiz] h2').textContent()).toBe('Question 2 of 5');
    // Or start over, which forgets the marks.
    await page.reload();
    await page.getByRole('button', { name: 'Start over' }).click();
    expect(await page.locator('[data-quiz] h2').textContent()).toBe('Question 1 of 5');
    await page.reload();
    expect(await page.getByRole('button', { name: 'Start', exact: true }).count()).toBe(1);
    await page.context().close();
  });

  it('scores multiple choice and lists the assets whose questions were missed', async () => {
    // Every multiple-choice answer is checked against the answer; picking a wrong one lists the asset.
    const { page } = await open('/quiz/customer-retention-model/');
    const run = await takeQuiz(page);
    // One asset's quiz draws an IC to ask too, from a seed it puts in the address.
    const roster = (JSON.parse(site.page('/quiz/').querySelector('[data-quiz-data]')!.textContent) as QuizData).people.map((person) => person.name);
    expect(roster).toContain(run.person);
    expect(new URL(page.url()).searchParams.get('seed')).toMatch(/^[a-z0-9]{6}$/);
    expect(await page.locator('[data-quiz] h2').textContent()).toBe(`How ${run.person} did`);
    const total = site.page('/assets/customer-retention-model/').querySelectorAll('.questions > li').length;
    expect(run.questions).toHaveLength(total);
    expect(run.toRead).toEqual(['Customer retention model']);
    const choice = site.page('/assets/customer-retention-model/').querySelectorAll('.questions > li .choices').length;
    expect(choice).toBeGreaterThan(0);
    expect(run.choice).toBe(choice);
    expect(run.summary).toContain(`Multiple choice: 0 of ${choice} correct`);
    await page.context().close();
  });

  it('asks as many questions as ?n= says, keeps it in its links, and drops an n that is not a number', async () => {
    const three = await open('/quiz/?seed=abc123&n=3');
    expect(await three.page.getByRole('link', { name: 'New draw' }).getAttribute('href')).toMatch(/^\/quiz\/\?seed=[a-z0-9]{6}&n=3$/);
    // The intro says the number asked for, not the configured one.
    expect(await three.page.locator('.lede:visible').textContent()).toContain('ask 3 questions the value model answers');
    await three.page.getByRole('button', { name: 'Start' }).click();
    expect(await three.page.locator('[data-quiz] h2').textContent()).toBe('Question 1 of 3');
    const bad = await open('/quiz/?seed=abc123&n=abc');
    await bad.page.getByRole('button', { name: 'Start' }).waitFor();
    expect(new URL(bad.page.url()).search).toBe('?seed=abc123');
    expect(await bad.page.getByRole('link', { name: 'New draw' }).getAttribute('href')).not.toContain('n=');
    for (const { page } of [three, bad]) await page.context().close();
  });

  it('draws the same for a seed typed in capitals or with spaces, on the quiz and on an asset’s quiz, and writes it in the address as drawn', async () => {
    /** Who the draw asks, and its first question. */
    const drawn = async (page: Page) => {
      const person = (await page.locator('[data-quiz] .quiz-person a').textContent()) ?? '';
      await page.getByRole('button', { name: 'Start' }).click();
      return [person, (await page.locator('[data-quiz] .question').textContent()) ?? ''];
    };
    for (const quiz of ['/quiz/', '/quiz/customer-retention-model/']) {
      const read = await open(`${quiz}?seed=k3x9q2`);
      const typed = await open(`${quiz}?seed=%20K3X9Q2%20`);
      expect(await drawn(typed.page), quiz).toEqual(await drawn(read.page));
      expect(new URL(typed.page.url()).search).toBe('?seed=k3x9q2');
      for (const { page } of [read, typed]) await page.context().close();
    }
    // Another seed, in any case, is another draw.
    const other = await open('/quiz/?seed=ZZZ999');
    const lower = await open('/quiz/?seed=k3x9q2');
    expect(await drawn(other.page)).not.toEqual(await drawn(lower.page));
    for (const { page } of [other, lower]) await page.context().close();
  });

  it('puts a seed in the URL when the link has none', async () => {
    const { page } = await open('/quiz/');
    await page.locator('[data-quiz] .quiz-person').waitFor();
    expect(new URL(page.url()).searchParams.get('seed')).toMatch(/^[a-z0-9]{6}$/);
    await page.context().close();
  });

  it('lists every question with its answer behind a disclosure without JavaScript', () => {
    const quiz = site.page('/quiz/');
    const questions = quiz.querySelectorAll('[data-quiz-static] .questions > li');
    const all = site.urls.filter((url) => /^\/assets\/[^/]+\/$/.test(url)).flatMap((url) => site.page(url).querySelectorAll('.questions > li'));
    expect(questions).toHaveLength(all.length);
    expect(questions[0]?.querySelector('details summary')?.textContent).toBe('Answer');
    expect(site.page('/assets/customer-retention-model/').querySelector('a[href="/quiz/customer-retention-model/"]')).not.toBeNull();
    expect(site.page('/assets/').querySelector('a[href="/quiz/customer-retention-model/"]')).not.toBeNull();
  });
});

describe("a page's footer", () => {
  it('shows the rest of "On GitHub" behind "and 2 more", which opens without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/teams/invoicing/`);
    const rest = page.locator('.page-meta details a');
    expect(await rest.count()).toBe(2);
    expect(await rest.first().isVisible()).toBe(false);
    await page.locator('.page-meta summary', { hasText: 'and 2 more' }).click();
    expect(await rest.first().isVisible()).toBe(true);
    expect(await rest.allTextContents()).toEqual([expect.stringMatching(/^@/), expect.stringMatching(/^@/)]);
    await context.close();
  });
});

describe('page weight', () => {
  /** Gzipped bytes of every script a page loads (inline and external) before the reader does anything. */
  async function scriptBytes(url: string): Promise<number> {
    const { page, requests } = await open(url);
    await page.waitForLoadState('networkidle');
    const inline = await page.locator('script:not([src]):not([type="application/json"])').allTextContents();
    let total = inline.reduce((sum, text) => sum + gzipSync(text).length, 0);
    for (const request of requests.filter((url) => url.endsWith('.js'))) total += gzipSync(readFileSync(path.join(site.outDir, request))).length;
    await page.context().close();
    return total;
  }

  it('ships a charter with under 2 KB of JavaScript, and the quiz with under 20 KB', async () => {
    expect(await scriptBytes('/teams/ledger/')).toBeLessThan(2 * 1024);
    expect(await scriptBytes('/quiz/')).toBeLessThan(20 * 1024);
  });
});

describe('on a phone', () => {
  it('fits every page into a 360 px screen: wide tables scroll on their own, long addresses and words break', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const wide: string[] = [];
    const fits = () => document.documentElement.scrollWidth <= document.documentElement.clientWidth;
    for (const url of site.urls) {
      await page.goto(`${server.url}${url}`);
      if (!(await page.evaluate(fits))) wide.push(url);
    }
    // The sample's journey map is a table too wide for a phone: it scrolls inside its wrapper.
    await page.goto(`${server.url}/assets/invoice-to-cash-journey/`);
    expect(await page.evaluate(() => [...document.querySelectorAll('.prose table')].map((table) => table.parentElement!.className))).toEqual(['table-wrap']);
    expect(await page.evaluate(() => document.querySelector('.prose .table-wrap')!.scrollWidth > 360)).toBe(true);
    // An author's long address or word in a charter's text.
    await page.goto(`${server.url}/teams/ledger/`);
    await page.evaluate(() => {
      const words = document.querySelector('section[aria-labelledby="team-words"]')!;
      words.insertAdjacentHTML('beforeend', '<p>See <a href="https://example.com/">https://example.com/a/very/long/path/that/goes/on/and/on/without/any/break/index.html</a> or AVeryLongWordWithoutAnySpacesThatKeepsGoingAndGoingForever.</p><ul><li>https://example.com/another/long/path/that/goes/on/without/breaking/anywhere.html</li></ul>');
    });
    if (!(await page.evaluate(fits))) wide.push('/teams/ledger/ with a long address');
    await context.close();
    expect(wide).toEqual([]);
  });

  it('shows the first search results on the first screen, with the filters folded unless the link chose some', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/search/?q=ledger`);
    await searchPageResults(page);
    expect(await page.evaluate(() => document.querySelector('.search-results li')!.getBoundingClientRect().top)).toBeLessThan(740);
    expect(await page.locator('[data-search-filters]').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    await page.goto(`${server.url}/search/?type=Platform`);
    await searchPageResults(page);
    expect(await page.locator('[data-search-filters]').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
    await context.close();
  });

  it('lets the keyboard reach a table that scrolls, as Safari needs, and gives tables that fit no tab stop', async () => {
    const wrapper = () => {
      const wrap = document.querySelector<HTMLElement>('.prose .table-wrap')!;
      return { tabindex: wrap.getAttribute('tabindex'), role: wrap.getAttribute('role'), label: wrap.getAttribute('aria-label') };
    };
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/assets/invoice-to-cash-journey/`);
    // Named after the page, as the asset's own text has no labelled section around the table.
    const heading = await page.locator('h1').textContent();
    expect(await page.evaluate(wrapper)).toEqual({ tabindex: '0', role: 'region', label: `Table: ${heading}` });
    await page.focus('.prose .table-wrap');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => document.querySelector('.prose .table-wrap')!.scrollLeft)).toBeGreaterThan(0);
    // axe's rule for this (scrollable-region-focusable) holds on the phone too.
    await page.addScriptTag({ content: readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string }[] }> } }).axe;
      return (await axe.run(document, { runOnly: { type: 'rule', values: ['scrollable-region-focusable'] } })).violations.map((violation) => violation.id);
    });
    expect(violations).toEqual([]);
    // Wider, the same table fits: no tab stop, and none comes back after a resize.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => page.evaluate(wrapper)).toEqual({ tabindex: null, role: null, label: null });
    await context.close();
  });
});

describe('accessibility', () => {
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

  it('has no serious or critical axe violations on any page type, light or dark', async () => {
    const pages = [
      '/', '/start-here/', '/how-we-work/', '/teams/', '/teams/ledger/', '/people/', '/people/maya-patel/', '/streams/',
      '/streams/get-paid/', '/assets/', '/assets/customer-retention-model/', '/phases/', '/phases/hyper-growth/', '/council/',
      site.urls.find((url) => /^\/council\/\d{4}-/.test(url))!, '/council/decisions/', '/council/actions/', '/org/', '/topology/',
      '/roadmap/', '/health/', '/search/?q=ledger', '/quiz/?seed=abc123', '/quiz/customer-retention-model/', '/checks/', '/404.html',
      site.urls.find((url) => url.startsWith('/checks/') && url !== '/checks/')!,
    ];
    const problems: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      for (const url of pages) {
        await page.goto(`${server.url}${url}`);
        if (url.startsWith('/search/')) await searchPageResults(page);
        // Open disclosures too: what they hide (answers, diagram sources) must pass as well.
        await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          type Result = { id: string; impact: string; nodes: { target: string[] }[] };
          const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Result[]; incomplete: Result[] }> } }).axe;
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
            resultTypes: ['violations', 'incomplete'],
          });
          // axe always files a repeated id that ARIA points at as "needs review"; it is a failure.
          const found = [...result.violations, ...result.incomplete.filter((item) => item.id === 'duplicate-id-aria')];
          return found
            .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
            .map((violation) => `${violation.id} (${violation.impact}) at ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(', ')}`);
        });
        for (const violation of violations) problems.push(`${url} [${scheme}]: ${violation}`);
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  });

  it('never repeats an id on a page (authors\' headings included), so every label and link points at one element', () => {
    const repeated: string[] = [];
    for (const url of site.urls) {
      const seen = new Set<string>();
      for (const element of site.page(url).querySelectorAll('[id]')) {
        const id = element.getAttribute('id')!;
        if (seen.has(id)) repeated.push(`${url}#${id}`);
        seen.add(id);
      }
    }
    expect(repeated).toEqual([]);
  });
});
