import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ruleCatalogue } from '../src/lib/check/catalogue.ts';
import { checkContent } from '../src/lib/check/run.ts';
import { anchorsTheCheckMisses, buildSite, fixtureContent, isoDatesShown, projectRoot, scriptKinds, type BuiltSite } from './helpers/site.ts';

const content = fixtureContent('northwind');
let site: BuiltSite;

beforeAll(async () => {
  // As GitHub Actions builds it: the repository comes from the environment.
  site = await buildSite(content, { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/handbook' });
});

const idsIn = (folder: string) =>
  readdirSync(path.join(content, folder)).map((file) => file.replace(/\.(mdx?|ya?ml)$/, ''));

const text = (url: string) => site.page(url).querySelector('main')!.textContent.replace(/\s+/g, ' ');

describe('a fixture organisation built with HANDBOOK_CONTENT', () => {
  it('has one page per entry of every collection at the site-map URLs', () => {
    for (const [folder, section] of [
      ['people', 'people'],
      ['teams', 'teams'],
      ['streams', 'streams'],
      ['assets', 'assets'],
      ['phases', 'phases'],
      ['council', 'council'],
    ] as const) {
      for (const id of idsIn(folder)) expect(site.urls, `${folder}/${id}`).toContain(`/${section}/${id}/`);
    }
    for (const url of ['/', '/teams/', '/people/', '/streams/', '/assets/', '/phases/', '/council/', '/council/decisions/', '/council/actions/']) {
      expect(site.urls).toContain(url);
    }
    expect(site.urls).toEqual(expect.arrayContaining(['/start-here/', '/guides/', '/guides/on-call/']));
  });

  it('lists who owns which system on the teams page, by system id, each row linkable', () => {
    const rows = site.page('/teams/').querySelectorAll('section[aria-labelledby="systems"] tbody tr');
    expect(rows.map((row) => [row.getAttribute('id'), row.querySelector('code')?.textContent, row.querySelector('a')?.getAttribute('href')])).toEqual([
      ['system-build-pipelines', 'build-pipelines', '/teams/runway/'],
      ['system-route-planner', 'route-planner', '/teams/shipping/'],
      ['system-tracking-page', 'tracking-page', '/teams/shipping/'],
    ]);
    expect(site.page('/teams/').querySelector('.lede a[href="#systems"]')).not.toBeNull();
  });

  it("shows this organisation's charter: mission, metrics by kind, owners and members, all linked", () => {
    const page = site.page('/teams/shipping/');
    const main = text('/teams/shipping/');
    expect(page.querySelector('h1')!.textContent).toBe('Shipping');
    expect(main).toContain('Get every parcel to the right doorstep on the promised day.');

    const metrics = page
      .querySelectorAll('section[aria-labelledby="metrics"] tbody tr')
      .map((row) => row.querySelectorAll('td').map((cell) => cell.textContent.trim()).join(' | '));
    expect(metrics).toEqual(['Parcels delivered on the promised day | value | 98% | 95%', 'Deploys per week | activity | 10 | —']);
    expect(page.querySelector('section[aria-labelledby="metrics"] .badge.value')).not.toBeNull();

    const owners = page.querySelectorAll('section[aria-labelledby="responsibilities"] tbody tr');
    expect(owners.map((row) => row.querySelector('a')?.getAttribute('href'))).toEqual(['/people/edsger-dijkstra/', '/people/margaret-hamilton/']);

    const members = page.querySelectorAll('section[aria-labelledby="members"] a').map((a) => a.getAttribute('href'));
    expect(members).toEqual([
      '/people/katherine-johnson/',
      '/people/alan-turing/',
      '/people/edsger-dijkstra/',
      '/people/barbara-liskov/',
      '/people/margaret-hamilton/',
    ]);
    for (const part of ['Skills', 'Norms', 'Systems owned', 'Interactions', 'Investment mix', 'Last reviewed']) expect(main).toContain(part);
    expect(main).toContain('route-planner');
    expect(main).toContain('X-as-a-service');
    expect(main).toContain('Product 70% · Technical 30%');
    expect(page.querySelector('a[href="/streams/deliveries/"]')).not.toBeNull();
    // The team's own text sits under "In the team's words", a level down, and its "## Metrics"
    // does not take the id of the page's Metrics section.
    const words = page.querySelector('section[aria-labelledby="team-words"]')!;
    expect(words.querySelectorAll('h2, h3').map((heading) => `${heading.tagName.toLowerCase()}#${heading.id} ${heading.textContent}`)).toEqual([
      "h2#team-words In the team's words",
      'h3#how-we-work How we work',
      'h3#metrics-1 Metrics',
    ]);
    expect(page.querySelectorAll('#metrics')).toHaveLength(1);
    // Each fact's term and value are apart in the text search indexes, not one run-on word.
    expect(page.querySelector('.facts')!.textContent).toMatch(/^Value stream Deliveries Product manager \S+ \S+ Tech lead \S+ \S+ Last reviewed /);
  });

  it("shows a person's teams, reporting line up to the top, and what they own", () => {
    const page = site.page('/people/edsger-dijkstra/');
    const line = page.querySelectorAll('section[aria-labelledby="reporting-line"] ol a').map((a) => a.textContent);
    expect(line).toEqual(['Grace Hopper', 'Ada Lovelace']);
    expect(text('/people/edsger-dijkstra/')).toContain('Route planning service for Shipping');
    expect(page.querySelector('section[aria-labelledby="teams"] a')?.getAttribute('href')).toBe('/teams/shipping/');
    // Council actions are theirs too: open ones, with where they were agreed; overdue marked.
    const owns = (id: string) => site.page(`/people/${id}/`).querySelector('section[aria-labelledby="owns"]')!.textContent.replace(/\s+/g, ' ');
    expect(owns('edsger-dijkstra')).toContain('Open council actionsBenchmark PostGIS queries · due 1 Dec 2026 · from 21 Oct 2026');
    expect(owns('alan-turing')).toContain('Draft the split plan · due 20 Oct 2026 overdue · from 7 Oct 2026');
    // Done is not open.
    expect(owns('ken-thompson')).not.toContain('Book the capacity review');
  });

  it('shows the decisions log with supersedes chains, and open actions with overdue marked', () => {
    const decisions = site.page('/council/decisions/');
    const postgis = decisions.querySelector('#use-postgis')!;
    expect(postgis.textContent).toContain('accepted');
    expect(postgis.querySelector('.chain a')?.getAttribute('href')).toBe('#use-postgres');
    expect(decisions.querySelector('#use-postgres')!.textContent).toMatch(/Superseded by\s*use-postgis/);
    // Where it was decided leads to the decision itself on the meeting's page.
    expect(postgis.querySelector('a[href^="/council/2026"]')!.getAttribute('href')).toBe('/council/2026-10-21/#use-postgis');

    const rows = site.page('/council/actions/').querySelectorAll('tbody tr').map((row) => row.textContent.replace(/\s+/g, ' '));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/Draft the split plan.*overdue/);
    expect(rows[1]).not.toContain('overdue');
  });

  it("lands a link to a decision on the decision itself, on the page of the meeting that made it", () => {
    const later = site.page('/council/2026-10-21/');
    const postgis = later.querySelector('li#use-postgis')!;
    expect(postgis.textContent).toContain('Use PostGIS for route data');
    // Its id still leads to the log, where its whole supersedes chain is.
    expect(postgis.querySelector('a[href="/council/decisions/#use-postgis"]')!.textContent).toBe('use-postgis');
    // What it supersedes is on the earlier meeting's page, where that decision stands.
    expect(postgis.querySelector('a[href="/council/2026-10-07/#use-postgres"]')!.textContent).toBe('use-postgres');
    const earlier = site.page('/council/2026-10-07/');
    expect(earlier.querySelector('#use-postgres')!.textContent).toContain('Use Postgres for route data');
    // The minutes' own heading with the same words gives way to the decision.
    expect(earlier.querySelector('h3#use-postgres-1')!.textContent).toBe('Use Postgres');
    // A decision named by id in a page's words leads there too.
    const ref = site.page('/guides/on-call/').querySelector('article a[href="/council/2026-10-21/#use-postgis"]');
    expect(ref?.textContent).toBe('Use PostGIS for route data');
  });

  it('groups the value model by category and lists each asset’s questions and change log', () => {
    expect(text('/assets/')).toMatch(/Customer value \(1\)[\s\S]*Economic model \(1\)[\s\S]*Strategy \(0\)/);
    const asset = text('/assets/courier-persona/');
    expect(asset).toContain('How many stops does a courier make on a typical day?');
    expect(asset).toContain('Added night-shift couriers');
    expect(asset).toContain('Why: Night deliveries started');
  });

  it('puts the phases side by side with the current one marked', () => {
    const cards = site.page('/phases/').querySelectorAll('ol.phases > li');
    expect(cards).toHaveLength(4);
    expect(cards.filter((card) => card.getAttribute('aria-current') === 'step').map((card) => card.querySelector('h2')!.textContent.trim())).toEqual([
      expect.stringContaining('Phase getting-traction'),
    ]);
  });

  it('shows the stream with its teams, assets and roadmap in calendar order', () => {
    const stream = text('/streams/deliveries/');
    expect(stream).toContain('Shipping');
    expect(stream).toContain('Courier persona');
    expect(stream.indexOf('Live tracking map')).toBeLessThan(stream.indexOf('Same-day delivery'));
  });

  it('renders handbook pages from nested folders, each folder listing its own pages', () => {
    expect(site.page('/guides/on-call/').querySelector('h1')!.textContent).toBe('On-call guide');
    expect(site.page('/guides/on-call/').querySelector('.breadcrumbs a[href="/guides/"]')!.textContent).toBe('Guides');
    const section = site.page('/guides/').querySelector('section[aria-labelledby="in-this-section"]');
    expect(section?.querySelectorAll('a').map((link) => link.getAttribute('href'))).toEqual(['/guides/on-call/']);
    // The home page lists the top level; a folder's pages are on the folder's page.
    expect(site.page('/').querySelectorAll('#guides + ul > li > a').map((link) => link.getAttribute('href'))).toEqual(['/start-here/', '/guides/']);
    expect(site.page('/start-here/').querySelector('#in-this-section')).toBeNull();
  });

  it('renders the content components a page imports: a callout, and entry links by id with their names', () => {
    const callout = site.page('/guides/on-call/').querySelector('aside.callout-warning')!;
    expect(callout.getAttribute('aria-label')).toBe('Before you page');
    expect(callout.querySelector('a[href="/teams/shipping/"]')!.textContent).toBe('Shipping');
    expect(callout.querySelector('a[href="/people/ada-lovelace/"]')!.textContent).toBe('Ada Lovelace');
  });

  it('gives a heading that holds an entry link an id made from it, and no two headings the same id; words inside an entry link are its text', async () => {
    const headings = [...site.page('/guides/on-call/').querySelectorAll('article h2, article h3')].map((heading) => [heading.id, heading.textContent.trim()]);
    expect(headings).toEqual([
      ['paging', 'Paging'],
      ['escalate-to-shipping', 'Escalate to Shipping'],
      ['ada-lovelace', 'Ada Lovelace'],
      ['escalate-to-shipping-1', 'Escalate to shipping'],
      ['ask-the-parcel-people', 'Ask the parcel people'],
      // An MDX comment counts as its text; a footnote as its number; an id written in HTML is taken first.
      ['comment--note--after', 'Comment  after'],
      ['notes1', 'Notes1'],
      ['notes', 'Notes'],
      ['custom', 'Custom'],
      ['custom-1', 'Custom'],
      ['footnote-label', 'Footnotes'],
    ]);
    // Words written inside <Ref> are the link's text.
    const worded = site.page('/guides/on-call/').querySelectorAll('article a[href="/people/ada-lovelace/"]').map((link) => link.textContent);
    expect(worded).toEqual(['Ada Lovelace', 'Ada Lovelace', 'our first engineer']);
    // The check gives these headings the same ids, for links to them.
    const { anchors } = await checkContent(content, { cwd: projectRoot });
    expect(anchorsTheCheckMisses(site, anchors)).toEqual([]);
  });
});

describe('the content checks pages', () => {
  it('list every rule, and give each one a page with why it exists and how to fix it', () => {
    const index = site.page('/checks/');
    for (const rule of ruleCatalogue) {
      expect(index.querySelector(`a[href="/checks/${rule.id}/"]`), rule.id).not.toBeNull();
      expect(site.page(`/checks/${rule.id}/`).querySelector('h1')!.textContent).toBe(rule.title);
      expect(text(`/checks/${rule.id}/`)).toContain(rule.why);
      expect(text(`/checks/${rule.id}/`)).toContain(rule.fix);
    }
  });
});

describe('every page', () => {
  it('writes dates as readers read them ("7 Oct 2026"), not YYYY-MM-DD', () => {
    expect(isoDatesShown(site)).toEqual([]);
  });

  it('ships only the search loader, plus a script where a page has a reader feature', () => {
    for (const url of site.urls) {
      const page = site.page(url);
      const kinds = scriptKinds(page).filter((kind) => kind !== 'progress');
      const feature = url === '/search/' ? ['page'] : page.querySelector('[data-quiz]') ? ['data', 'quiz'] : [];
      expect(kinds, url).toEqual(['search-loader', ...feature]);
    }
  });

  it('has one h1, a skip link to main, and header, navigation, main and footer landmarks', () => {
    for (const url of site.urls) {
      const page = site.page(url);
      expect(page.querySelectorAll('h1'), url).toHaveLength(1);
      expect(page.querySelector('a.skip-link')?.getAttribute('href'), url).toBe('#main');
      expect(page.querySelector('main#main'), url).not.toBeNull();
      for (const landmark of ['header', 'nav[aria-label="Sections"]', 'footer']) expect(page.querySelector(landmark), `${url} ${landmark}`).not.toBeNull();
      expect(page.querySelector('html')?.getAttribute('lang')).toBe('en');
    }
  });

  it('never links to a page the build did not make', () => {
    const known = new Set(site.urls);
    for (const url of site.urls) {
      for (const link of site.page(url).querySelectorAll('a[href^="/"]')) {
        const target = link.getAttribute('href')!.split(/[#?]/)[0]!;
        if (target.endsWith('.svg')) continue;
        expect(known.has(target), `${url} links to ${target}`).toBe(true);
      }
    }
  });
});

describe('where each page comes from', () => {
  it('names who maintains a page, when it last changed, and links to edit its file', () => {
    const meta = site.page('/teams/shipping/').querySelector('.page-meta')!;
    expect(meta.querySelector('dd a')?.textContent).toBe(site.page('/teams/shipping/').querySelector('h1')?.textContent);
    expect(meta.querySelector('time')?.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(meta.querySelector('a.edit-link')?.getAttribute('href')).toBe('https://github.com/acme/handbook/edit/main/test/fixtures/northwind/content/teams/shipping.md');
    for (const url of site.urls.filter((url) => /^\/(teams|people|streams|assets|phases|council)\/[^/]+\/$/.test(url) && url !== '/council/decisions/' && url !== '/council/actions/')) {
      expect(site.page(url).querySelector('.page-meta a.edit-link'), url).not.toBeNull();
    }
    // Generated lists have no single file to edit.
    expect(site.page('/teams/').querySelector('.page-meta')).toBeNull();
  });

  it("tells an asset's two dates apart: when its owners brought the content up to date, and when anyone last edited the file", () => {
    const page = site.page('/assets/courier-persona/');
    const fact = page.querySelectorAll('.facts dt').find((term) => term.textContent === 'Content brought up to date')!.nextElementSibling!;
    expect(fact.querySelector('time')!.getAttribute('datetime')).toBe('2026-06-01');
    expect(fact.querySelector('a[href="#changes"]')!.textContent).toBe('what changed');
    // The footer's date is any edit to the file (a typo, a new question), and says so.
    for (const url of site.urls.filter((url) => site.page(url).querySelector('.page-meta time'))) {
      expect(site.page(url).querySelectorAll('.page-meta dt').map((term) => term.textContent), url).toContain('Last edited');
    }
    expect(page.querySelectorAll('.page-meta dt').map((term) => term.textContent)).not.toContain('Last updated');
  });

  it('puts a banner on a charter past its review date, and none on the others', () => {
    // runway was reviewed 2026-09-01 and the test build's today is 2026-11-20: 80 days, under 180.
    for (const url of site.urls.filter((url) => url.startsWith('/teams/') && url !== '/teams/')) expect(site.page(url).querySelector('.notice.stale'), url).toBeNull();
  });
});

