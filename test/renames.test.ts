import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../src/lib/check/run.ts';
import { checkMessages, linkMessages } from '../src/lib/messages.ts';
import { currentPlaces, gitMoves, movedEntries, movedPages, type Move } from '../src/lib/repo/renames.ts';
import { launchBrowser, serve } from './helpers/browser.ts';
import { fixtureContent, rebuildSite, TEST_TODAY, type BuiltSite } from './helpers/site.ts';

const root = mkdtempSync(path.join(tmpdir(), 'handbook-renames-'));

/** A git repository holding a copy of `content`, committed. */
function repository(name: string, content = fixtureContent('northwind')): { dir: string; content: string; git(...args: string[]): string } {
  const dir = path.join(root, name);
  cpSync(content, path.join(dir, 'content'), { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'Handbook');
  return { dir, content: path.join(dir, 'content'), git };
}

const edit = (file: string, change: (text: string) => string) => writeFileSync(file, change(readFileSync(file, 'utf8')));

/** A content folder holding these files, empty. */
function contentWith(name: string, files: string[]): string {
  const content = path.join(root, name);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
    writeFileSync(path.join(content, file), '');
  }
  return content;
}

describe('where an old path leads', () => {
  const exists = (...files: string[]) => (file: string) => files.includes(file);

  it('follows every later move to a file that exists', () => {
    const moves: Move[] = [
      { from: 'teams/a.md', to: 'teams/b.md' },
      { from: 'teams/b.md', to: 'teams/c.md' },
    ];
    expect(currentPlaces(moves, exists('teams/c.md'))).toEqual(
      new Map([
        ['teams/a.md', 'teams/c.md'],
        ['teams/b.md', 'teams/c.md'],
      ]),
    );
  });

  it('leads nowhere from a path a file has again, or to a file deleted since', () => {
    expect(currentPlaces([{ from: 'teams/a.md', to: 'teams/b.md' }], exists('teams/a.md', 'teams/b.md'))).toEqual(new Map());
    expect(currentPlaces([{ from: 'teams/a.md', to: 'teams/b.md' }], exists())).toEqual(new Map());
  });

  it('follows only moves made after the path was reached, past a new file that took a name in the middle', () => {
    const moves: Move[] = [
      { from: 'teams/ledger.md', to: 'teams/payments.md' },
      { from: 'teams/payments.md', to: 'teams/payments-core.md' },
    ];
    // A new, unrelated "payments" now stands where Ledger once was for a while.
    expect(currentPlaces(moves, exists('teams/payments-core.md', 'teams/payments.md')).get('teams/ledger.md')).toBe('teams/payments-core.md');
    // Moved on before the path was reached: not a move of this file.
    const earlier: Move[] = [
      { from: 'teams/b.md', to: 'teams/c.md' },
      { from: 'teams/a.md', to: 'teams/b.md' },
    ];
    expect(currentPlaces(earlier, exists('teams/b.md', 'teams/c.md')).get('teams/a.md')).toBe('teams/b.md');
  });

  it('takes a renamed-back file to where it is, without going round for ever', () => {
    const moves: Move[] = [
      { from: 'teams/a.md', to: 'teams/b.md' },
      { from: 'teams/b.md', to: 'teams/a.md' },
    ];
    expect(currentPlaces(moves, exists('teams/a.md'))).toEqual(new Map([['teams/b.md', 'teams/a.md']]));
    expect(currentPlaces(moves, exists())).toEqual(new Map());
  });
});

describe('pages that moved', () => {
  it("gives a renamed entry's old page, and an asset's quiz, the new address; not a change of extension or a file left the content model", () => {
    const content = contentWith('moved-pages', ['teams/dispatch.md', 'assets/rider-persona.md', 'handbook/guides/pager.mdx', 'teams/runway.mdx', 'archive/old.md']);
    const moves: Move[] = [
      { from: 'teams/shipping.md', to: 'teams/dispatch.md' },
      { from: 'assets/courier-persona.md', to: 'assets/rider-persona.md' },
      { from: 'handbook/on-call.md', to: 'handbook/guides/pager.mdx' },
      { from: 'teams/runway.md', to: 'teams/runway.mdx' },
      { from: 'teams/old.md', to: 'archive/old.md' },
    ];
    expect(movedPages(movedEntries(content, moves))).toEqual([
      { from: '/assets/courier-persona/', to: '/assets/rider-persona/' },
      { from: '/on-call/', to: '/guides/pager/' },
      { from: '/quiz/courier-persona/', to: '/quiz/rider-persona/' },
      { from: '/teams/shipping/', to: '/teams/dispatch/' },
    ]);
  });

  it("leaves alone an address the site's own pages use, and one no page ever had", () => {
    const content = contentWith('never-pages', ['handbook/quiz-guide.md', 'handbook/runway-notes.md', 'handbook/q-a.md', 'handbook/draft.md']);
    const moves: Move[] = [
      // Renamed as files/reserved-path asked: the quiz and a charter keep their pages.
      { from: 'handbook/quiz.md', to: 'handbook/quiz-guide.md' },
      { from: 'handbook/teams/runway.md', to: 'handbook/runway-notes.md' },
      // Renamed as files/name asked: the build could not have made a page of either.
      { from: 'handbook/q#a.md', to: 'handbook/q-a.md' },
      { from: 'handbook/[draft].md', to: 'handbook/draft.md' },
    ];
    expect(movedEntries(content, moves)).toEqual([]);
  });

  it('reads renames from git, committed and staged, and none outside a repository', () => {
    const repo = repository('git-moves');
    repo.git('mv', 'content/teams/runway.md', 'content/teams/launchpad.md');
    repo.git('commit', '-qm', 'Rename Runway');
    repo.git('mv', 'content/assets/courier-persona.md', 'content/assets/rider-persona.md');
    expect(gitMoves(repo.content)).toEqual([
      { from: 'teams/runway.md', to: 'teams/launchpad.md' },
      { from: 'assets/courier-persona.md', to: 'assets/rider-persona.md' },
    ]);
    const loose = path.join(root, 'not-a-repository');
    mkdirSync(loose);
    expect(gitMoves(loose)).toEqual([]);
  });
});

describe('a charter renamed in a pull request', () => {
  let repo: ReturnType<typeof repository>;
  let site: BuiltSite;

  beforeAll(async () => {
    repo = repository('renamed-charter');
    repo.git('mv', 'content/teams/runway.md', 'content/teams/launchpad.md');
    repo.git('mv', 'content/assets/courier-persona.md', 'content/assets/rider-persona.md');
    // The minutes follow the rename; one charter and two links still use the old names.
    for (const minutes of ['2026-10-07.md', '2026-10-21.md']) edit(path.join(repo.content, 'council', minutes), (text) => text.replace(/\brunway\b/g, 'launchpad'));
    edit(path.join(repo.content, 'handbook/start-here.md'), (text) => `${text}\nAsk [Runway](/teams/runway/#mission) about pipelines.\n`);
    edit(path.join(repo.content, 'handbook/guides/index.md'), (text) => `${text}\nMeet [our courier](../../assets/courier-persona.md).\n`);
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'Runway is now Launchpad');
  }, 60_000);

  it('is told, at each old name, what it is called now', async () => {
    const { problems } = await checkContent(repo.content, { cwd: repo.dir, today: new Date(`${TEST_TODAY}T00:00:00Z`) });
    const errors = problems.filter((problem) => problem.severity === 'error').map(({ file, line, rule, message }) => ({ file: path.relative(repo.content, path.resolve(repo.dir, file)), line, rule, message }))
      .sort((a, b) => a.file.localeCompare(b.file));
    expect(errors).toEqual([
      {
        file: 'handbook/guides/index.md',
        line: expect.any(Number),
        rule: 'links/broken',
        message: linkMessages.movedFile('../../assets/courier-persona.md', checkMessages.renamed('content/assets/courier-persona.md', 'content/assets/rider-persona.md'), '../../assets/rider-persona.md'),
      },
      {
        file: 'handbook/start-here.md',
        line: expect.any(Number),
        rule: 'links/broken',
        message: linkMessages.movedPage('/teams/runway/#mission', checkMessages.renamed('content/teams/runway.md', 'content/teams/launchpad.md'), '/teams/launchpad/#mission'),
      },
      {
        file: 'teams/shipping.md',
        line: 19,
        rule: 'references/team',
        message: checkMessages.renamedRef('team', 'runway', 'interactions[1].team', checkMessages.renamed('content/teams/runway.md', 'content/teams/launchpad.md'), 'launchpad'),
      },
    ]);
    // The wording authors read, pinned once.
    expect(errors[2]!.message).toBe('No team has the id "runway" (in interactions[1].team) any more: content/teams/runway.md was renamed to content/teams/launchpad.md. Write "launchpad".');
    expect(errors[1]!.message).toBe(
      '"/teams/runway/#mission" is the old address of a page: content/teams/runway.md was renamed to content/teams/launchpad.md. Link to /teams/launchpad/#mission; the old address only redirects there.',
    );
  });

  describe('once fixed and built', () => {
    beforeAll(async () => {
      edit(path.join(repo.content, 'teams/shipping.md'), (text) => text.replace('team: runway', 'team: launchpad'));
      edit(path.join(repo.content, 'handbook/start-here.md'), (text) => text.replace('/teams/runway/', '/teams/launchpad/'));
      edit(path.join(repo.content, 'handbook/guides/index.md'), (text) => text.replace('courier-persona.md', 'rider-persona.md'));
      repo.git('commit', '-qam', 'Links follow the rename');
      site = await rebuildSite(repo.content, { HANDBOOK_CHROMIUM: 'off' });
    }, 180_000);

    it('keeps the old addresses, each leading to the new page', () => {
      for (const [from, to] of [
        ['/teams/runway/', '/teams/launchpad/'],
        ['/assets/courier-persona/', '/assets/rider-persona/'],
        ['/quiz/courier-persona/', '/quiz/rider-persona/'],
      ] as const) {
        expect(site.urls).toContain(to);
        const page = site.page(from);
        expect(page.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(`0;url=${to}`);
        expect(page.querySelector('a')?.getAttribute('href')).toBe(to);
        expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
        // Not a page of its own in search.
        expect(page.querySelector('[data-pagefind-body]')).toBeNull();
      }
    });

    it("takes a shared link's section and query along", async () => {
      const server = await serve(site.outDir);
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        await page.goto(`${server.url}/teams/runway/?from=chat#metrics`);
        await page.waitForURL(/launchpad/);
        const { pathname, search, hash } = new URL(page.url());
        expect(`${pathname}${search}${hash}`).toBe('/teams/launchpad/?from=chat#metrics');
        await page.goto(`${server.url}/quiz/courier-persona/`);
        await page.waitForURL(/rider-persona/);
        expect(new URL(page.url()).pathname).toBe('/quiz/rider-persona/');
      } finally {
        await browser.close();
        await server.close();
      }
    }, 60_000);
  });
});
